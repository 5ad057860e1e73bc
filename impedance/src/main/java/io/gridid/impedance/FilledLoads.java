package io.gridid.impedance;

/**
 * The loads filled for missing P/Q readings ({@link FilledReadings#estimated()}), per interval, with
 * the spread of their error: a filled load is taken as off by z &middot; (s_P, s_Q), z standard normal
 * and independent from load to load, with s = {@link LoadStateEstimation#PRIOR_SPREAD} of the
 * filled value (at least {@link LoadStateEstimation#PRIOR_FLOOR_MW}), P and Q together (a load's
 * profile-based estimate misses its size, not its power factor). The error runs through the flow
 * of every branch above the load, shifting each one's drop by z &middot; (2r s_P + 2x s_Q) at the
 * linearisation's (r, x): one latent z per filled load, shared by all those branches, which the
 * smoother integrates out ({@link TreeSmoother}). O(N&middot;T) to build.
 */
final class FilledLoads {
    private final int[] parent;
    /** Interval t's filled loads are entries start[t] .. start[t+1]-1. */
    private final int[] start;
    /** Per entry: the bus (layout index) whose load was filled. */
    private final int[] bus;
    /** Per entry: s_P, MW, and s_Q, Mvar. */
    private final double[] sp;
    private final double[] sq;
    /** Per interval and bus (flat t&middot;N + k): whether the branch feeding k carries a filled load. */
    private final boolean[] carries;
    /** The linearisation's impedances, ohm. */
    private final double[] r;
    private final double[] x;

    private FilledLoads(int[] parent, int[] start, int[] bus, double[] sp, double[] sq, boolean[] carries,
                        double[] r, double[] x) {
        this.parent = parent;
        this.start = start;
        this.bus = bus;
        this.sp = sp;
        this.sq = sq;
        this.carries = carries;
        this.r = r;
        this.x = x;
    }

    /**
     * @param r per bus of {@code lay}, ohm (copied)
     * @param x likewise
     * @return null when no load was filled
     */
    static FilledLoads of(FilledReadings gaps, TreeLayout lay, int tCount, double[] r, double[] x) {
        int n = lay.n;
        boolean[][] est = new boolean[n][];
        double[][] p = new double[n][];
        double[][] q = new double[n][];
        int total = 0;
        for (int k = 1; k < n; k++) {
            int row = gaps.row().get(lay.buses.get(k));
            est[k] = gaps.estimated()[row];
            p[k] = gaps.pMw()[row];
            q[k] = gaps.qMvar()[row];
            if (est[k] != null) {
                for (boolean e : est[k]) {
                    total += e ? 1 : 0;
                }
            }
        }
        if (total == 0) {
            return null;
        }
        int[] start = new int[tCount + 1];
        int[] bus = new int[total];
        double[] sp = new double[total];
        double[] sq = new double[total];
        boolean[] carries = new boolean[n * tCount];
        int e = 0;
        for (int t = 0; t < tCount; t++) {
            start[t] = e;
            for (int k = 1; k < n; k++) {
                if (est[k] == null || !est[k][t]) {
                    continue;
                }
                bus[e] = k;
                sp[e] = Math.max(LoadStateEstimation.PRIOR_SPREAD * Math.abs(p[k][t]), LoadStateEstimation.PRIOR_FLOOR_MW);
                sq[e] = Math.max(LoadStateEstimation.PRIOR_SPREAD * Math.abs(q[k][t]), LoadStateEstimation.PRIOR_FLOOR_MW);
                e++;
                for (int j = k; j > 0 && !carries[t * n + j]; j = lay.parent[j]) {
                    carries[t * n + j] = true;
                }
            }
        }
        start[tCount] = e;
        return new FilledLoads(lay.parent, start, bus, sp, sq, carries, r.clone(), x.clone());
    }

    /** Loads filled in interval t. */
    int count(int t) {
        return start[t + 1] - start[t];
    }

    /** Whether the branch at flat index t&middot;N + k carries a filled load. */
    boolean carries(int at) {
        return carries[at];
    }

    /**
     * The drop shifts of interval t's {@code i}-th filled load per unit z into {@code c} (per bus:
     * 2r s_P + 2x s_Q on the branches above the load, 0 elsewhere).
     */
    void dropShift(int t, int i, double[] c) {
        java.util.Arrays.fill(c, 0);
        int e = start[t] + i;
        for (int k = bus[e]; k > 0; k = parent[k]) {
            c[k] = 2 * r[k] * sp[e] + 2 * x[k] * sq[e];
        }
    }
}

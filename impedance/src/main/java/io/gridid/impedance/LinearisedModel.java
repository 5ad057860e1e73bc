package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The joint model linearised around a start (r, x): per interval t and bus k (flat index
 * t&middot;N + k) the Jacobian columns a = &part;d/&part;r, b = &part;d/&part;x of the branch feeding k and
 * the target y = &minus;(u_k + &Sigma;_path offsets), NaN where no reading, so that the centred y
 * &asymp; the centred X&theta;. The receiving-end flows (subtree loads plus the losses below, MW and
 * Mvar) are computed with the start's impedances by {@link BranchEquation} and held fixed.
 *
 * <p>Loads filled for missing readings are not known exactly: {@link FilledLoads} lists them with
 * their errors' spread, which the smoother integrates out ({@link TreeSmoother}). A branch-interval
 * whose flow holds a filled load is left out of the noise estimate ({@link #edgeResidual}), as
 * stage 2's fits leave out the intervals with estimated loads in their subtree.
 *
 * <p>Building it costs O(N&middot;T) time and memory. Readings can only be dropped afterwards
 * ({@link #drop}); everything else is fixed.
 *
 * <p>Deterministic: passes over the intervals run in {@link #CHUNKS} fixed chunks whose partial
 * sums are added in chunk order, so parallel and sequential runs give identical bits.
 */
final class LinearisedModel {
    /** Fixed partition of the intervals into chunks (deterministic sums, sequential or parallel). */
    static final int CHUNKS = 8;
    /**
     * Intervals processed side by side in the per-interval tree recursions: on a long feeder each
     * bus waits for its neighbour's result, a chain of dependent floating-point operations; four
     * independent chains keep the core busy. The arithmetic of each interval is unchanged.
     */
    static final int GROUP = 4;

    /** Buses. */
    final int n;
    /** Intervals. */
    final int t;
    /** Parent index per bus (-1 at the root). */
    final int[] parent;
    /** &part;d/&part;r per interval and bus (0 for the root and for intervals with non-finite terms). */
    final double[] a;
    /** &part;d/&part;x likewise. */
    final double[] b;
    /** Targets, NaN where no reading (or dropped). */
    final double[] y;
    /** The loads filled for missing readings, or null when none was. */
    final FilledLoads filled;
    /** Readings per interval. */
    private final int[] count;
    /** Readings dropped since construction. */
    private int dropped;

    private LinearisedModel(int n, int t, int[] parent, double[] a, double[] b, double[] y, FilledLoads filled) {
        this.n = n;
        this.t = t;
        this.parent = parent;
        this.a = a;
        this.b = b;
        this.y = y;
        this.filled = filled;
        this.count = new int[t];
        for (int i = 0; i < t; i++) {
            int base = i * n;
            int c = 0;
            for (int k = 0; k < n; k++) {
                double yk = y[base + k];
                if (yk == yk) {
                    c++;
                }
            }
            count[i] = c;
        }
    }

    /**
     * Linearises around (r, x).
     *
     * @param gaps filled loads and loss voltages where the data have gaps, or null
     * @param r    per bus (index of {@code lay}), ohm (not modified)
     * @param x    per bus, ohm (not modified)
     */
    static LinearisedModel of(MeterData data, RadialTree tree, TreeLayout lay, FilledReadings gaps, double[] r,
                              double[] x, boolean parallel) {
        int n = lay.n;
        int tt = data.intervalCount();
        int[] m = new int[n];
        int[] row = new int[n];
        for (int k = 0; k < n; k++) {
            m[k] = data.indexOf(lay.buses.get(k));
            row[k] = k == 0 || gaps == null ? -1 : gaps.row().get(lay.buses.get(k));
        }
        double[] a = new double[n * tt];
        double[] b = new double[n * tt];
        double[] y = new double[n * tt];
        int[] par = lay.parent;
        forChunks(c -> {
            Readings block = new Readings(n);
            double[] pr = new double[n * GROUP];
            double[] qr = new double[n * GROUP];
            double[] off = new double[n * GROUP];
            boolean[] ok = new boolean[GROUP];
            int from = (int) ((long) tt * c / CHUNKS);
            int to = (int) ((long) tt * (c + 1) / CHUNKS);
            for (int t0 = from; t0 < to; t0 += Readings.BLOCK) {
                int len = Math.min(Readings.BLOCK, to - t0);
                block.gather(data, gaps, m, row, t0, len);
                for (int i = 0; i < len; i += GROUP) {
                    fill(block, i, Math.min(GROUP, len - i), t0 + i, n, par, r, x, pr, qr, off, ok, a, b, y);
                }
            }
        }, parallel);
        return new LinearisedModel(n, tt, par, a, b, y, gaps == null ? null : FilledLoads.of(gaps, lay, tt, r, x));
    }

    /**
     * One block of intervals' readings, bus-major: gathered one meter row at a time (a few
     * consecutive cache lines each) instead of one value from every meter per interval, which
     * would keep N memory streams open.
     */
    private static final class Readings {
        /** Intervals per block: 4 readings x N x 32 doubles stay in the core's cache. */
        static final int BLOCK = 32;
        /** P, Q (MW, Mvar; filled where missing), u for the flows (filled) and u read (NaN where missing). */
        final double[] p;
        final double[] q;
        final double[] uFlow;
        final double[] uRead;

        Readings(int n) {
            p = new double[n * BLOCK];
            q = new double[n * BLOCK];
            uFlow = new double[n * BLOCK];
            uRead = new double[n * BLOCK];
        }

        void gather(MeterData data, FilledReadings gaps, int[] m, int[] row, int t0, int len) {
            for (int k = 0; k < m.length; k++) {
                int o = k * BLOCK;
                for (int i = 0; i < len; i++) {
                    int t = t0 + i;
                    double u = squared(data.vKv(m[k], t));
                    uRead[o + i] = u;
                    if (k == 0) {
                        continue;
                    }
                    p[o + i] = gaps == null ? data.pMw(m[k], t) : gaps.pMw()[row[k]][t];
                    q[o + i] = gaps == null ? data.qMvar(m[k], t) : gaps.qMvar()[row[k]][t];
                    uFlow[o + i] = gaps == null ? u : gaps.uFilled()[row[k]][t];
                }
            }
        }
    }

    /**
     * The Jacobian columns and targets of {@code g} consecutive intervals from {@code t0}
     * (block offset {@code i0}), interleaved (bus k of interval j at k &middot; g + j): each interval's
     * arithmetic is exactly the one-interval recursion's, and the g intervals' leaves-up chains
     * (each branch's flow waits for its children's) overlap in the core instead of running
     * one after the other.
     */
    private static void fill(Readings rd, int i0, int g, int t0, int n, int[] par, double[] r, double[] x,
                             double[] pr, double[] qr, double[] off, boolean[] ok, double[] a, double[] b,
                             double[] y) {
        int bl = Readings.BLOCK;
        for (int k = 1; k < n; k++) {
            for (int j = 0; j < g; j++) {
                pr[k * g + j] = rd.p[k * bl + i0 + j];
                qr[k * g + j] = rd.q[k * bl + i0 + j];
            }
        }
        java.util.Arrays.fill(ok, 0, g, true);
        for (int k = n - 1; k >= 1; k--) {
            double rk = r[k];
            double xk = x[k];
            int pk = par[k];
            for (int j = 0; j < g; j++) {
                int at = k * g + j;
                double u = rd.uFlow[k * bl + i0 + j];
                double p = pr[at];
                double q = qr[at];
                double l = BranchEquation.squaredCurrentTerm(p, q, u);
                double ak = BranchEquation.dropSlopeR(BranchEquation.resistanceRegressor(p), l, rk);
                double bk = BranchEquation.dropSlopeX(BranchEquation.reactanceRegressor(q), l, xk);
                double drop = BranchEquation.sendingSquaredVoltage(rk, xk, p, q, u) - u;
                off[at] = drop - ak * rk - bk * xk;
                int base = (t0 + j) * n;
                a[base + k] = ak;
                b[base + k] = bk;
                ok[j] &= Double.isFinite(ak) && Double.isFinite(bk) && Double.isFinite(off[at]);
                if (pk >= 1) {
                    pr[pk * g + j] += BranchEquation.sendingActiveMw(rk, p, q, u);
                    qr[pk * g + j] += BranchEquation.sendingReactiveMvar(xk, p, q, u);
                }
            }
        }
        for (int j = 0; j < g; j++) {
            y[(t0 + j) * n] = -rd.uRead[i0 + j];
            off[j] = 0;
        }
        for (int k = 1; k < n; k++) {
            int pk = par[k];
            for (int j = 0; j < g; j++) {
                off[k * g + j] += off[pk * g + j];
                y[(t0 + j) * n + k] = -(rd.uRead[k * bl + i0 + j] + off[k * g + j]);
            }
        }
        for (int j = 0; j < g; j++) {
            if (!ok[j]) {
                int base = (t0 + j) * n;
                for (int k = 0; k < n; k++) {
                    a[base + k] = 0;
                    b[base + k] = 0;
                    y[base + k] = Double.NaN;
                }
            }
        }
    }

    private static double squared(double v) {
        return Double.isFinite(v) ? v * v : Double.NaN;
    }

    /** Whether a load was filled in interval i. */
    boolean hasFilledLoads(int i) {
        return filled != null && filled.count(i) > 0;
    }

    /** Readings of interval i. */
    int readings(int i) {
        return count[i];
    }

    /** Readings dropped so far. */
    int dropped() {
        return dropped;
    }

    /**
     * Drops readings (their targets become NaN).
     *
     * @param drops per bus the intervals to drop, or null for none (not modified)
     * @return readings dropped
     */
    int drop(int[][] drops) {
        int d = 0;
        for (int j = 0; j < n; j++) {
            if (drops[j] == null) {
                continue;
            }
            for (int i : drops[j]) {
                y[i * n + j] = Double.NaN;
                count[i]--;
                d++;
            }
        }
        dropped += d;
        return d;
    }

    /** The first and one-past-last interval of chunk c. */
    int[] chunk(int c) {
        return new int[]{(int) ((long) t * c / CHUNKS), (int) ((long) t * (c + 1) / CHUNKS)};
    }

    /** {@code work} of every chunk (concurrently when allowed), the results in chunk order. */
    static <R> List<R> overChunks(IntFunction<R> work, boolean parallel) {
        List<R> out = new ArrayList<>(CHUNKS);
        if (parallel) {
            Object[] res = new Object[CHUNKS];
            IntStream.range(0, CHUNKS).parallel().forEach(c -> res[c] = work.apply(c));
            for (Object o : res) {
                @SuppressWarnings("unchecked") R rr = (R) o;
                out.add(rr);
            }
        } else {
            for (int c = 0; c < CHUNKS; c++) {
                out.add(work.apply(c));
            }
        }
        return out;
    }

    /** {@code work} of every chunk index, concurrently when allowed. */
    static void forChunks(IntConsumer work, boolean parallel) {
        IntStream chunks = IntStream.range(0, CHUNKS);
        (parallel ? chunks.parallel() : chunks).forEach(work);
    }

    /**
     * The pairwise residual u_p &minus; u_c &minus; d_c of bus k's branch at interval offset {@code base}; NaN
     * without both readings, or when the branch's flow holds a filled load.
     */
    double edgeResidual(int base, int k, double[] r, double[] x) {
        if (filled != null && filled.carries(base + k)) {
            return Double.NaN;
        }
        return y[base + k] - y[base + parent[k]] - a[base + k] * r[k] - b[base + k] * x[k];
    }

    /** Per branch: {rms of (u_p &minus; u_c &minus; d), count} over the intervals with both readings, O(N&middot;T). */
    double[][] branchResiduals(double[] r, double[] x) {
        double[] ss = new double[n];
        double[] cnt = new double[n];
        for (int i = 0; i < t; i++) {
            int base = i * n;
            for (int k = 1; k < n; k++) {
                double yc = y[base + k];
                double yp = y[base + parent[k]];
                if (yc == yc && yp == yp) {
                    double e = yc - yp - a[base + k] * r[k] - b[base + k] * x[k];
                    ss[k] += e * e;
                    cnt[k]++;
                }
            }
        }
        double[] rms = new double[n];
        for (int k = 1; k < n; k++) {
            rms[k] = cnt[k] > 0 ? Math.sqrt(ss[k] / cnt[k]) : Double.NaN;
        }
        return new double[][]{rms, cnt};
    }
}

package io.gridid.impedance;

import java.util.List;

/**
 * Bad-data rejection in the joint model: drops the voltage readings whose residual y &minus; w (w the
 * smoothed latent voltage) lies beyond k robust standard deviations of their bus. The scale is
 * per bus ({@link RobustScale}: buses differ in how much flow error their residuals carry),
 * floored at {@code relativeFloor} &times; the rms of the centred readings so that rounding noise of
 * exact data is never "bad". O(N&middot;T) for the smoother pass plus expected O(T) per bus.
 */
final class ReadingRejection {
    private ReadingRejection() {
    }

    /**
     * What {@link #reject} did: the readings it dropped, and the misfit at the (r, x) it judged,
     * taken in the same smoother pass (before the drops: the final misfit when none were made).
     *
     * @param misfitBefore null when no pass was made
     */
    record Outcome(int dropped, JointMisfit misfitBefore) {
        static final Outcome NONE = new Outcome(0, null);
    }

    /**
     * Drops (in the smoother's model) the readings beyond the threshold at (r, x). The same
     * smoother pass also sums {@link TreeSmoother#misfit} at (r, x) (same chunks, same order: the
     * same bits), which saves the refinement that pass when nothing is dropped. The drops are
     * decided per bus on their own (concurrently when allowed) and applied in bus order, so the
     * outcome does not depend on the threads.
     *
     * @param k             threshold in robust standard deviations (&gt; 0)
     * @param relativeFloor the scale's floor as a share of the rms centred reading
     */
    static Outcome reject(TreeSmoother smoother, double[] r, double[] x, double k, double relativeFloor,
                          boolean parallel) {
        LinearisedModel model = smoother.model;
        int n = model.n;
        int tt = model.t;
        double[] y = model.y;
        // residuals bus-major (bus j's at j*T + t): each bus's robust scale then reads them in order
        double[] res = new double[y.length];
        List<double[]> parts = LinearisedModel.overChunks(ch -> {
            int[] span = model.chunk(ch);
            TreeSmoother.Scratch s = new TreeSmoother.Scratch(n);
            double sig2 = 0;
            long used = 0;
            double ss = 0;
            long intervals = 0;
            for (int t = span[0]; t < span[1]; t++) {
                int base = t * n;
                int cnt = model.readings(t);
                if (cnt < 2) {
                    for (int j = 0; j < n; j++) {
                        res[j * tt + t] = Double.NaN;
                    }
                    continue;
                }
                smoother.smooth(t, r, x, true, s);
                double meanY = 0;
                for (int j = 0; j < n; j++) {
                    double yj = y[base + j];
                    if (yj == yj) {
                        meanY += yj / cnt;
                    }
                }
                for (int j = 0; j < n; j++) {
                    double yj = y[base + j];
                    if (yj == yj) {
                        res[j * tt + t] = yj - s.w[j];
                        sig2 += (yj - meanY) * (yj - meanY);
                        used++;
                    } else {
                        res[j * tt + t] = Double.NaN;
                    }
                }
                ss = smoother.intervalSquares(t, s, ss);
                intervals++;
            }
            // used = the readings of the intervals with at least two, as the misfit counts them
            return new double[]{ss, used, intervals, sig2};
        }, parallel);
        JointMisfit before = JointMisfit.sum(parts);
        double signal2 = 0;
        for (double[] p : parts) {
            signal2 += p[3];
        }
        long readings = before.readings();
        if (readings < 3) {
            return new Outcome(0, before);
        }
        double floor = relativeFloor * Math.sqrt(signal2 / readings);
        // each bus's robust scale on its own (CHUNKS groups of buses with one scratch column each)
        int[][] drops = new int[n][];
        LinearisedModel.forChunks(g -> {
            double[] col = new double[tt];
            for (int j = g; j < n; j += LinearisedModel.CHUNKS) {
                drops[j] = busDrops(res, j * tt, tt, col, k, floor);
            }
        }, parallel);
        return new Outcome(model.drop(drops), before);
    }

    /**
     * The intervals of one bus whose residual lies beyond k robust standard deviations, or null
     * when none does.
     *
     * @param res residuals, this bus's at [from, from + T), NaN where none (not modified)
     * @param col scratch, length T
     */
    private static int[] busDrops(double[] res, int from, int tt, double[] col, double k, double floor) {
        int c = 0;
        for (int t = 0; t < tt; t++) {
            double e = res[from + t];
            if (e == e) {
                col[c++] = e;
            }
        }
        if (c < 3) {
            return null;
        }
        RobustScale scale = RobustScale.ifAnyBeyond(col, c, k, floor);
        if (scale == null) {
            return null;
        }
        int m = 0;
        int[] out = new int[8];
        for (int t = 0; t < tt; t++) {
            double e = res[from + t];
            if (e == e && scale.beyond(e, k)) {
                if (m == out.length) {
                    out = java.util.Arrays.copyOf(out, 2 * m);
                }
                out[m++] = t;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }
}

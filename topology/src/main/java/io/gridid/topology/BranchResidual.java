package io.gridid.topology;

import io.gridid.solvers.linear.LinearSystem3;

/**
 * Least squares of the exact branch equation y = a r + b x + c w with r, x, w &ge; 0, from its
 * normal equations: y = u_parent &minus; u_child (kV&sup2;), a = 2P', b = 2Q', c = (P'&sup2; + Q'&sup2;)/u_child,
 * w standing for r&sup2; + x&sup2; (left free, &ge; 0: a linear fit whose residual ranks parents).
 * Exact non-negative least squares by enumerating the 7 faces of the orthant (3 unknowns), each
 * solved on the Jacobi-scaled normal equations ({@link LinearSystem3}); O(1).
 */
final class BranchResidual {
    /** A scaled pivot below this marks a face whose columns are collinear (e.g. fixed power factor). */
    private static final double PIVOT_TOLERANCE = 1e-10;

    private BranchResidual() {
    }

    /**
     * @param g  the six sums aa, ab, ac, bb, bc, cc (not modified)
     * @param h  the sums ay, by, cy (not modified)
     * @param yy the sum y&sup2;
     * @param out receives r (ohm), x (ohm), w (ohm&sup2;) and the residual sum of squares (kV<sup>4</sup>)
     */
    static void solve(double[] g, double[] h, double yy, double[] out) {
        new Factored(g).solve(h, yy, out);
    }

    /**
     * The seven faces' normal equations of one Gram matrix, eliminated once: many right-hand
     * sides (one per candidate parent of a bus, whose regressors are the same) then cost a
     * substitution each. The elimination is replayed on every right-hand side with the same
     * pivots and factors, so the result is bit for bit that of eliminating each time.
     * Immutable after construction; safe to share between threads.
     */
    static final class Factored {
        private final double[] diagRoot = new double[3];   // sqrt of the Gram diagonal
        private final int[][] index = new int[8][];        // per face: its variables
        private final LinearSystem3[] faces = new LinearSystem3[8]; // per face: its factored system, null if unusable

        Factored(double[] g) {
            double[][] full = {{g[0], g[1], g[2]}, {g[1], g[3], g[4]}, {g[2], g[4], g[5]}};
            for (int v = 0; v < 3; v++) {
                diagRoot[v] = Math.sqrt(full[v][v]);
            }
            for (int mask = 1; mask < 8; mask++) {
                int size = Integer.bitCount(mask);
                int[] idx = new int[size];
                int k0 = 0;
                for (int v = 0; v < 3; v++) {
                    if ((mask & (1 << v)) != 0) {
                        idx[k0++] = v;
                    }
                }
                index[mask] = idx;
                boolean ok = true;
                double[][] m = new double[size][size];
                for (int i = 0; i < size; i++) {
                    double si = diagRoot[idx[i]];
                    if (!(si > 0)) {
                        ok = false;
                        break;
                    }
                    for (int k = 0; k < size; k++) {
                        m[i][k] = full[idx[i]][idx[k]] / (si * diagRoot[idx[k]]);
                    }
                }
                if (ok) {
                    LinearSystem3 f = LinearSystem3.factor(m, size, PIVOT_TOLERANCE);
                    faces[mask] = f.regular() ? f : null;
                }
            }
        }

        /** Non-negative least squares for one right-hand side; see {@link BranchResidual#solve}. */
        void solve(double[] h, double yy, double[] out) {
            double bestRss = yy;
            double br = 0;
            double bx = 0;
            double bw = 0;
            double[] rhs = new double[3];
            double[] beta = new double[3];
            for (int mask = 1; mask < 8; mask++) {
                if (faces[mask] == null) {
                    continue;
                }
                int[] idx = index[mask];
                int size = idx.length;
                for (int i = 0; i < size; i++) {
                    rhs[i] = h[idx[i]] / diagRoot[idx[i]];
                }
                faces[mask].solve(rhs, beta);
                boolean ok = true;
                double fitted = 0;
                for (int i = 0; i < size; i++) {
                    beta[i] /= diagRoot[idx[i]];
                    if (beta[i] < 0) {
                        ok = false;
                    }
                    fitted += beta[i] * h[idx[i]];
                }
                if (!ok) {
                    continue;
                }
                double rss = yy - fitted;
                if (rss < bestRss) {
                    bestRss = rss;
                    br = 0;
                    bx = 0;
                    bw = 0;
                    for (int i = 0; i < size; i++) {
                        switch (idx[i]) {
                            case 0 -> br = beta[i];
                            case 1 -> bx = beta[i];
                            default -> bw = beta[i];
                        }
                    }
                }
            }
            out[0] = br;
            out[1] = bx;
            out[2] = bw;
            out[3] = Math.max(0, bestRss);
        }
    }
}

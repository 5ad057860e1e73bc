package io.gridid.topology;

/**
 * Least squares of the exact branch equation y = a r + b x + c w with r, x, w &ge; 0, from its
 * normal equations: y = u_parent &minus; u_child (kV&sup2;), a = 2P', b = 2Q', c = (P'&sup2; + Q'&sup2;)/u_child,
 * w standing for r&sup2; + x&sup2; (left free, &ge; 0: a linear fit whose residual ranks parents).
 * Exact non-negative least squares by enumerating the 7 faces of the orthant (3 unknowns), each
 * solved on the Jacobi-scaled normal equations; O(1).
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
     * @param out receives r (ohm), x (ohm), w (ohm&sup2;) and the residual sum of squares (kV&sup4;)
     */
    static void solve(double[] g, double[] h, double yy, double[] out) {
        double[][] full = {{g[0], g[1], g[2]}, {g[1], g[3], g[4]}, {g[2], g[4], g[5]}};
        double bestRss = yy;
        double br = 0;
        double bx = 0;
        double bw = 0;
        int[] idx = new int[3];
        double[][] m = new double[3][3];
        double[] rhs = new double[3];
        double[] beta = new double[3];
        for (int mask = 1; mask < 8; mask++) {
            int size = 0;
            for (int v = 0; v < 3; v++) {
                if ((mask & (1 << v)) != 0) {
                    idx[size++] = v;
                }
            }
            boolean ok = true;
            for (int i = 0; i < size; i++) {
                double si = Math.sqrt(full[idx[i]][idx[i]]);
                if (!(si > 0)) {
                    ok = false;
                    break;
                }
                for (int k = 0; k < size; k++) {
                    m[i][k] = full[idx[i]][idx[k]] / (si * Math.sqrt(full[idx[k]][idx[k]]));
                }
                rhs[i] = h[idx[i]] / si;
            }
            if (!ok || !gauss(m, rhs, size, beta)) {
                continue;
            }
            double fitted = 0;
            for (int i = 0; i < size; i++) {
                beta[i] /= Math.sqrt(full[idx[i]][idx[i]]);
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
                double[] b3 = new double[3];
                for (int i = 0; i < size; i++) {
                    b3[idx[i]] = beta[i];
                }
                br = b3[0];
                bx = b3[1];
                bw = b3[2];
            }
        }
        out[0] = br;
        out[1] = bx;
        out[2] = bw;
        out[3] = Math.max(0, bestRss);
    }

    /** Gaussian elimination with partial pivoting on the leading size &times; size block (modifies m, rhs). */
    private static boolean gauss(double[][] m, double[] rhs, int size, double[] sol) {
        for (int col = 0; col < size; col++) {
            int piv = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][col]) > PIVOT_TOLERANCE)) {
                return false;
            }
            if (piv != col) {
                double[] tmp = m[piv];
                m[piv] = m[col];
                m[col] = tmp;
                double t = rhs[piv];
                rhs[piv] = rhs[col];
                rhs[col] = t;
            }
            for (int r = col + 1; r < size; r++) {
                double f = m[r][col] / m[col][col];
                for (int k = col; k < size; k++) {
                    m[r][k] -= f * m[col][k];
                }
                rhs[r] -= f * rhs[col];
            }
        }
        for (int r = size - 1; r >= 0; r--) {
            double s = rhs[r];
            for (int k = r + 1; k < size; k++) {
                s -= m[r][k] * sol[k];
            }
            sol[r] = s / m[r][r];
        }
        return true;
    }
}

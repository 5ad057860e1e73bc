package io.gridid.solvers.fit;

/** Solves a 3&times;3 (or 2&times;2) symmetric positive semi-definite system by Gaussian elimination. */
final class LinearSystem3 {
    private LinearSystem3() {
    }

    /**
     * Solves (G + ridge&middot;diag(G)) z = g with partial pivoting. A tiny ridge keeps a rank-deficient
     * Gram matrix (collinear columns) solvable; callers pass 0 when G is known to be regular.
     *
     * @param g   n&times;n matrix, n = 2 or 3 (not modified)
     * @param rhs right-hand side (not modified)
     * @return the solution (new array); zeros where the system is singular
     */
    static double[] solve(double[][] g, double[] rhs, double ridge) {
        int n = rhs.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = g[i][j];
            }
            m[i][i] += ridge * Math.abs(g[i][i]);
            m[i][n] = rhs[i];
        }
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[p][col])) {
                    p = i;
                }
            }
            double[] tmp = m[p];
            m[p] = m[col];
            m[col] = tmp;
            if (m[col][col] == 0) {
                continue;
            }
            for (int i = col + 1; i < n; i++) {
                double f = m[i][col] / m[col][col];
                for (int j = col; j <= n; j++) {
                    m[i][j] -= f * m[col][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * z[j];
            }
            z[i] = m[i][i] == 0 ? 0 : s / m[i][i];
        }
        return z;
    }
}

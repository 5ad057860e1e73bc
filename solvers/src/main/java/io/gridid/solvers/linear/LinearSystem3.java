package io.gridid.solvers.linear;

/**
 * A 3&times;3 (or smaller) linear system factored by Gaussian elimination with partial pivoting,
 * the one small solver of the branch fits: factored once, then any number of right-hand sides
 * each cost a replay of the elimination and a back-substitution with the same pivots and factors
 * (bit for bit the result of eliminating each time). A column whose pivot is at or below the
 * tolerance is skipped, and its unknown solved as 0. Immutable after construction; safe to share
 * between threads.
 */
public final class LinearSystem3 {
    private final int size;
    private final double[][] upper;     // the eliminated matrix (upper triangle used)
    private final int[] pivot;          // per column: the row swapped in
    private final double[][] factor;    // elimination factors [column][row]
    private final boolean[] skipped;    // per column: pivot at or below the tolerance
    private final boolean regular;

    private LinearSystem3(double[][] m, int size, double pivotTolerance) {
        this.size = size;
        this.upper = m;
        this.pivot = new int[size];
        this.factor = new double[size][size];
        this.skipped = new boolean[size];
        boolean ok = true;
        for (int col = 0; col < size; col++) {
            int p = col;
            for (int i = col + 1; i < size; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[p][col])) {
                    p = i;
                }
            }
            pivot[col] = p;
            double[] tmp = m[p];
            m[p] = m[col];
            m[col] = tmp;
            if (Math.abs(m[col][col]) <= pivotTolerance) {
                skipped[col] = true;
                ok = false;
                continue;
            }
            for (int i = col + 1; i < size; i++) {
                double f = m[i][col] / m[col][col];
                factor[col][i] = f;
                for (int j = col; j < size; j++) {
                    m[i][j] -= f * m[col][j];
                }
            }
        }
        this.regular = ok;
    }

    /**
     * Factors the leading {@code size} &times; {@code size} block of m.
     *
     * @param m              the matrix (not modified), at least size &times; size
     * @param size           1 to 3
     * @param pivotTolerance a pivot of at most this absolute value marks its column as dependent
     *                       on the others (0: only an exact zero)
     */
    public static LinearSystem3 factor(double[][] m, int size, double pivotTolerance) {
        if (size < 1 || size > 3) {
            throw new IllegalArgumentException("size must be 1 to 3: " + size);
        }
        double[][] copy = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(m[i], 0, copy[i], 0, size);
        }
        return new LinearSystem3(copy, size, pivotTolerance);
    }

    /** Whether every pivot was above the tolerance (no column skipped). */
    public boolean regular() {
        return regular;
    }

    /**
     * Solves for one right-hand side: replays the elimination on {@code rhs} (modified) and
     * back-substitutes into {@code sol} (0 where a column was skipped). O(size&sup2;).
     */
    public void solve(double[] rhs, double[] sol) {
        for (int col = 0; col < size; col++) {
            int p = pivot[col];
            double t = rhs[p];
            rhs[p] = rhs[col];
            rhs[col] = t;
            if (skipped[col]) {
                continue;
            }
            for (int i = col + 1; i < size; i++) {
                rhs[i] -= factor[col][i] * rhs[col];
            }
        }
        for (int i = size - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int j = i + 1; j < size; j++) {
                s -= upper[i][j] * sol[j];
            }
            sol[i] = skipped[i] ? 0 : s / upper[i][i];
        }
    }

    /**
     * Solves (G + ridge&middot;diag(G)) z = g for a symmetric positive semi-definite G. A tiny ridge
     * keeps a rank-deficient Gram matrix (collinear columns) solvable; callers pass 0 when G is
     * known to be regular.
     *
     * @param g   n&times;n matrix, n = 2 or 3 (not modified)
     * @param rhs right-hand side (not modified)
     * @return the solution (new array); zeros where the system is singular
     */
    public static double[] solve(double[][] g, double[] rhs, double ridge) {
        int n = rhs.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = g[i][j];
            }
            m[i][i] += ridge * Math.abs(g[i][i]);
        }
        LinearSystem3 f = factor(m, n, 0);
        double[] z = new double[n];
        f.solve(rhs.clone(), z);
        return z;
    }
}

package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;

/**
 * The usable intervals of a branch's terms (every term finite), compacted (the columns themselves,
 * never written, when every interval is usable), with the
 * root-mean-square scale of each column. The scales make the optimisation problems well
 * conditioned: y is of order 1..50 kV&sup2;, a and b 0.01..10, c 1e-4..1.
 */
final class FitRows {
    /** Fewest usable intervals for a two-parameter fit with a residual scale. */
    static final int MIN_INTERVALS = 3;

    final int n;
    final double[] y;
    final double[] a;
    final double[] b;
    final double[] c;
    /** RMS of y, a, b, c over the usable rows; a zero column gets scale 1 (its variable is then unidentified). */
    final double sy;
    final double sa;
    final double sb;
    final double sc;

    /** @param squares the sums of squares of y, a, b, c over all rows, each in row order */
    private FitRows(double[] y, double[] a, double[] b, double[] c, double[] squares) {
        this.n = y.length;
        this.y = y;
        this.a = a;
        this.b = b;
        this.c = c;
        this.sy = rms(squares[0], n);
        this.sa = rms(squares[1], n);
        this.sb = rms(squares[2], n);
        this.sc = rms(squares[3], n);
    }

    /**
     * Counts the usable rows and sums the four columns' squares in one pass (each sum in row
     * order, as one pass per column would): the sums are the ones wanted when every row is usable.
     *
     * @return the count of usable rows
     */
    private static int countAndSquares(double[] y, double[] a, double[] b, double[] c, double[] squares) {
        double syy = 0;
        double saa = 0;
        double sbb = 0;
        double scc = 0;
        int k = 0;
        for (int t = 0; t < y.length; t++) {
            k += usable(y, a, b, c, t) ? 1 : 0;
            syy += y[t] * y[t];
            saa += a[t] * a[t];
            sbb += b[t] * b[t];
            scc += c[t] * c[t];
        }
        squares[0] = syy;
        squares[1] = saa;
        squares[2] = sbb;
        squares[3] = scc;
        return k;
    }

    /**
     * The usable rows of four equal-length columns, which are read, never written: when every
     * row is usable the rows are the columns themselves (no copy), else compacted copies.
     */
    static FitRows usable(double[] y, double[] a, double[] b, double[] c) throws GrididException {
        int n = y.length;
        double[] squares = new double[4];
        int k = countAndSquares(y, a, b, c, squares);
        if (k < MIN_INTERVALS) {
            throw new GrididException("branch has only " + k + " usable intervals (at least "
                    + MIN_INTERVALS + " needed)");
        }
        if (k == n) {
            return new FitRows(y, a, b, c, squares);
        }
        double[] ys = new double[k];
        double[] as = new double[k];
        double[] bs = new double[k];
        double[] cs = new double[k];
        int i = 0;
        for (int t = 0; t < n; t++) {
            if (usable(y, a, b, c, t)) {
                ys[i] = y[t];
                as[i] = a[t];
                bs[i] = b[t];
                cs[i] = c[t];
                i++;
            }
        }
        countAndSquares(ys, as, bs, cs, squares);
        return new FitRows(ys, as, bs, cs, squares);
    }

    private static boolean usable(double[] y, double[] a, double[] b, double[] c, int t) {
        return Double.isFinite(y[t]) && Double.isFinite(a[t]) && Double.isFinite(b[t]) && Double.isFinite(c[t]);
    }

    /** y_t - a_t r - b_t x - c_t (r&sup2; + x&sup2;), kV&sup2;. */
    double residual(int t, double r, double x) {
        return BranchEquation.residual(y[t], a[t], b[t], c[t], r, x, r * r + x * x);
    }

    /** Sum of squared residuals (kV&#8308;) at (r, x), one pass. */
    double sumSquares(double r, double x) {
        double w = r * r + x * x;
        double s = 0;
        for (int t = 0; t < n; t++) {
            double e = BranchEquation.residual(y[t], a[t], b[t], c[t], r, x, w);
            s += e * e;
        }
        return s;
    }

    /** Sum of absolute residuals (kV&sup2;) at (r, x), one pass. */
    double sumAbs(double r, double x) {
        double w = r * r + x * x;
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += Math.abs(BranchEquation.residual(y[t], a[t], b[t], c[t], r, x, w));
        }
        return s;
    }

    /** The RMS from the sum of squares of n values; 1 for a zero column. */
    private static double rms(double sumOfSquares, int n) {
        double r = Math.sqrt(sumOfSquares / n);
        return r > 0 ? r : 1.0;
    }
}

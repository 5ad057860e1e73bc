package io.gridid.solvers.fit;

import io.gridid.model.GrididException;

/**
 * The usable intervals of a {@link BranchFitData} (every term finite), compacted, with the
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

    private FitRows(double[] y, double[] a, double[] b, double[] c) {
        this.n = y.length;
        this.y = y;
        this.a = a;
        this.b = b;
        this.c = c;
        this.sy = rms(y);
        this.sa = rms(a);
        this.sb = rms(b);
        this.sc = rms(c);
    }

    static FitRows usable(BranchFitData data) throws GrididException {
        double[] y = data.y();
        double[] a = data.a();
        double[] b = data.b();
        double[] c = data.c();
        int k = 0;
        for (int t = 0; t < y.length; t++) {
            if (Double.isFinite(y[t]) && Double.isFinite(a[t]) && Double.isFinite(b[t]) && Double.isFinite(c[t])) {
                y[k] = y[t];
                a[k] = a[t];
                b[k] = b[t];
                c[k] = c[t];
                k++;
            }
        }
        if (k < MIN_INTERVALS) {
            throw new GrididException("branch has only " + k + " usable intervals (at least "
                    + MIN_INTERVALS + " needed)");
        }
        if (k == y.length) {
            return new FitRows(y, a, b, c);
        }
        return new FitRows(java.util.Arrays.copyOf(y, k), java.util.Arrays.copyOf(a, k),
                java.util.Arrays.copyOf(b, k), java.util.Arrays.copyOf(c, k));
    }

    /** y_t - a_t r - b_t x - c_t (r&sup2; + x&sup2;), kV&sup2;. */
    double residual(int t, double r, double x) {
        return y[t] - a[t] * r - b[t] * x - c[t] * (r * r + x * x);
    }

    /** Sum of squared residuals (kV&#8308;) at (r, x), one pass. */
    double sumSquares(double r, double x) {
        double w = r * r + x * x;
        double s = 0;
        for (int t = 0; t < n; t++) {
            double e = y[t] - a[t] * r - b[t] * x - c[t] * w;
            s += e * e;
        }
        return s;
    }

    /** Sum of absolute residuals (kV&sup2;) at (r, x), one pass. */
    double sumAbs(double r, double x) {
        double w = r * r + x * x;
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += Math.abs(y[t] - a[t] * r - b[t] * x - c[t] * w);
        }
        return s;
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        double r = Math.sqrt(s / v.length);
        return r > 0 ? r : 1.0;
    }
}

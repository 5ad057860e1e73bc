package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;

/**
 * Standard errors of fitted parameters from the model linearised at the solution.
 *
 * <p>With Jacobian J (one row per interval) the covariance is &sigma;&sup2; (J&#7488;J)&#8315;&sup1;. For LS,
 * &sigma;&sup2; = RSS / (T - p). For LAD, &sigma; = 1.4826 &middot; median|e| (a robust scale equal to the
 * Gaussian &sigma; for Gaussian errors) times &radic;(&pi;/2), the asymptotic inflation of the LAD
 * estimator's spread over least squares under Gaussian errors (1 / (2 f(0)) for density f).
 * These are large-sample figures; they ignore the bounds r, x &ge; 0.
 */
final class StandardErrors {
    /** sqrt(pi/2): LAD over LS asymptotic standard deviation under Gaussian errors. */
    static final double LAD_INFLATION = Math.sqrt(Math.PI / 2);

    private StandardErrors() {
    }

    /**
     * Standard errors {se_r, se_x} (ohm) of the branch fit at (r, x); Jacobian (a + 2cr, b + 2cx).
     * Third entry: the residual sum of squares at (r, x), kV&#8308;, the bits of
     * {@link FitRows#sumSquares} (same expression, same order), so the fitter needs no pass of its own.
     */
    static double[] ofBranch(FitRows rows, FitNorm norm, double r, double x) {
        double w = r * r + x * x;
        double jrr = 0, jrx = 0, jxx = 0, rss = 0;
        // the absolute residuals only for LAD's robust scale (LS takes the RSS)
        double[] abs = norm == FitNorm.LS ? null : new double[rows.n];
        for (int t = 0; t < rows.n; t++) {
            double e = BranchEquation.residual(rows.y[t], rows.a[t], rows.b[t], rows.c[t], r, x, w);
            double ja = BranchEquation.dropSlopeR(rows.a[t], rows.c[t], r);
            double jb = BranchEquation.dropSlopeX(rows.b[t], rows.c[t], x);
            jrr += ja * ja;
            jrx += ja * jb;
            jxx += jb * jb;
            rss += e * e;
            if (abs != null) {
                abs[t] = Math.abs(e);
            }
        }
        double sigma2 = sigmaSquared(norm, rss, abs, rows.n, 2);
        double det = jrr * jxx - jrx * jrx;
        if (!(det > 0)) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, rss};
        }
        return new double[] {Math.sqrt(sigma2 * jxx / det), Math.sqrt(sigma2 * jrr / det), rss};
    }

    /**
     * @param abs absolute residuals, LAD only (Modified: reordered); null for LS
     * @param p   number of fitted parameters
     */
    static double sigmaSquared(FitNorm norm, double rss, double[] abs, int n, int p) {
        if (norm == FitNorm.LS) {
            return rss / Math.max(1, n - p);
        }
        double s = Median.MAD_TO_SIGMA * Median.ofFirst(abs, n) * LAD_INFLATION;
        return s * s;
    }
}

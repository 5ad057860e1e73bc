package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.BranchFitter;


/**
 * Bad-data rejection for least-squares branch fits: after a fit, intervals whose residual
 * exceeds {@code k} robust standard deviations ({@link RobustScale}: 1.4826 &times; the median absolute
 * deviation of the residuals, which gross errors do not inflate) are marked unusable (NaN) and the branch
 * refitted, up to {@link #MAX_ROUNDS} times. With Gaussian noise only and k = 5 about 6 in
 * 10&#8311; intervals are dropped, so clean data keep their LS efficiency; a voltage spike at a
 * meter no longer drags the fits of the branches on both sides of it.
 */
final class BadDataRejection {
    /** Refit rounds at most: a second round catches residuals masked by the first round's outliers. */
    static final int MAX_ROUNDS = 3;

    private BadDataRejection() {
    }

    /**
     * @param k     threshold in robust standard deviations (&gt; 0)
     * @param floor smallest robust standard deviation used, kV&sup2;: residuals of exact data are
     *              rounding noise, and 5 "sigmas" of rounding noise are no bad data
     * @param y     voltage-drop terms (modified: rejected intervals set to NaN)
     * @param a     2P' (modified likewise)
     * @param b     2Q' (modified likewise)
     * @param c     loss terms (modified likewise)
     * @return the final fit and, in {@code rejected[0]}, how many intervals were dropped
     */
    static BranchFit fit(BranchFitter fitter, double k, double floor, double[] y, double[] a, double[] b, double[] c,
                         BranchFit first, int[] rejected) throws GrididException {
        BranchFit fit = first;
        int total = 0;
        double[] res = new double[y.length];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double r = fit.rOhm();
            double x = fit.xOhm();
            double z2 = r * r + x * x;
            int n = 0;
            for (int t = 0; t < y.length; t++) {
                double e = BranchEquation.residual(y[t], a[t], b[t], c[t], r, x, z2);
                if (Double.isFinite(e)) {
                    res[n++] = e;
                }
            }
            if (n < 3) {
                break;
            }
            // res[0..n) is scratch: selections reorder it (expected O(n))
            RobustScale scale = RobustScale.ifAnyBeyond(res, n, k, floor);
            if (scale == null) {
                break; // nothing to drop
            }
            int dropped = 0;
            for (int t = 0; t < y.length; t++) {
                double e = BranchEquation.residual(y[t], a[t], b[t], c[t], r, x, z2);
                if (Double.isFinite(e) && scale.beyond(e, k)) {
                    y[t] = Double.NaN;
                    a[t] = Double.NaN;
                    b[t] = Double.NaN;
                    c[t] = Double.NaN;
                    dropped++;
                }
            }
            if (dropped == 0) {
                break;
            }
            total += dropped;
            fit = fitter.fit(y, a, b, c);
        }
        rejected[0] = total;
        return fit;
    }
}

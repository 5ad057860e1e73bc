package io.gridid.impedance;

import io.gridid.solvers.fit.Median;
import io.gridid.solvers.fit.OutlierScreen;

/**
 * The bad-data threshold of a residual column: residuals further than k robust standard
 * deviations from their median, the robust standard deviation being {@link Median#MAD_TO_SIGMA} &times;
 * the median absolute deviation (which gross errors do not inflate), floored. Expected O(n)
 * (selections), and linear passes only when nothing lies beyond ({@link OutlierScreen}).
 *
 * @param median the residuals' median
 * @param sigma  the robust standard deviation (&gt; 0)
 */
record RobustScale(double median, double sigma) {
    /**
     * The median and robust sigma of {@code values[0..n)} when at least one value lies beyond
     * {@code k} of them, else null (also when the scale is 0).
     *
     * @param values scratch: the residuals, finite (modified: reordered, then overwritten)
     * @param n      how many leading entries (&ge; 1)
     * @param k      threshold in robust standard deviations
     * @param floor  smallest robust standard deviation, same units as the values
     */
    static RobustScale ifAnyBeyond(double[] values, int n, double k, double floor) {
        double med = Median.ofFirst(values, n);
        if (!OutlierScreen.anyBeyond(values, n, med, k, Median.MAD_TO_SIGMA, floor)) {
            return null; // nothing to drop, decided without the MAD's selection (the usual case)
        }
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - med);
        }
        double sigma = Math.max(Median.MAD_TO_SIGMA * Median.ofFirst(values, n), floor);
        return sigma > 0 ? new RobustScale(med, sigma) : null;
    }

    /** Whether {@code e} lies beyond {@code k} robust standard deviations of the median. */
    boolean beyond(double e, double k) {
        return Math.abs(e - median) > k * sigma;
    }
}

package io.gridid.solvers.fit;

/**
 * The bad-data test of a residual column, decided without the second median: whether any value
 * lies more than k robust standard deviations from the median, the robust standard deviation being
 * max(madToSigma &middot; MAD, floor) with MAD the median absolute deviation about that median.
 *
 * <p>The answer is exactly that of computing the MAD with {@link Median#ofFirst} and comparing
 * (same floating-point expressions), but costs two linear passes instead of a selection: the test
 * G(d) = maxDev &gt; k &middot; max(madToSigma &middot; d, floor) only weakens as d grows, so G(MAD) follows
 * from how many deviations pass it (and, for an even count, from the two middle deviations, which
 * the same pass finds). Stage 2 takes this test on every branch's residuals and every bus's in the
 * joint refinement, and on clean data it is false for nearly all of them; only then is the MAD
 * itself still needed.
 */
public final class OutlierScreen {
    private OutlierScreen() {
    }

    /**
     * Whether max |v_i &minus; median| &gt; k &middot; max(madToSigma &middot; MAD, floor), with
     * MAD = {@link Median#ofFirst} of the |v_i &minus; median|, evaluated with those expressions.
     *
     * @param values     the values, finite (not modified)
     * @param n          how many leading entries to use (&ge; 1)
     * @param median     their median (any finite value: the deviations are taken about it)
     * @param k          threshold in robust standard deviations
     * @param madToSigma factor from MAD to standard deviation (1.4826 for Gaussian errors)
     * @param floor      smallest robust standard deviation (same units as the values)
     * @return true when at least one value lies beyond the threshold
     */
    public static boolean anyBeyond(double[] values, int n, double median, double k, double madToSigma, double floor) {
        if (n < 1) {
            throw new IllegalArgumentException("no values");
        }
        double maxDev = 0;
        for (int i = 0; i < n; i++) {
            maxDev = Math.max(maxDev, Math.abs(values[i] - median));
        }
        // G(d) = maxDev > k * max(madToSigma * d, floor) is true on the deviations below a cut:
        // count them, with the largest deviation passing G and the smallest failing it
        int passing = 0;
        double largestPassing = Double.NEGATIVE_INFINITY;
        double smallestFailing = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(values[i] - median);
            if (maxDev > k * Math.max(madToSigma * d, floor)) {
                passing++;
                largestPassing = Math.max(largestPassing, d);
            } else {
                smallestFailing = Math.min(smallestFailing, d);
            }
        }
        int h = n / 2; // sorted deviations d_(0..n): MAD = d_(h) for odd n, (d_(h-1) + d_(h)) / 2 for even n
        if (n % 2 == 1 || passing != h) {
            // odd: G(d_(h)) iff d_(0..h] all pass; even: both middle values pass, or neither does
            return passing > h;
        }
        // even, exactly the lower h pass: d_(h-1) = largestPassing, d_(h) = smallestFailing
        double mad = 0.5 * (largestPassing + smallestFailing);
        return maxDev > k * Math.max(madToSigma * mad, floor);
    }
}

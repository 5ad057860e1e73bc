package io.gridid.solvers.fit;

/**
 * The bad-data test of a residual column, decided without the second median: whether any value
 * lies more than k robust standard deviations from the median, the robust standard deviation being
 * max(madToSigma &middot; MAD, floor) with MAD the median absolute deviation about that median.
 *
 * <p>The answer is exactly that of computing the MAD with {@link Median#ofFirst} and comparing
 * (same floating-point expressions), but costs two branch-free linear passes instead of a
 * selection: the test G(d) = maxDev &gt; k &middot; max(madToSigma &middot; d, floor) only weakens as d
 * grows, so it holds exactly for the deviations up to a cut (found by bisection over the bits of d,
 * at most 64 evaluations), and G(MAD) follows from how many deviations lie within the cut (for an
 * even count whose cut falls between the two middle deviations, a third pass finds those two).
 * Stage 2 takes this test on every branch's residuals and every bus's in the joint refinement; on
 * clean data it is false for nearly all of them, and the MAD is selected only where it is true.
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
        if (k < 0 || madToSigma < 0) {
            throw new IllegalArgumentException("k and madToSigma must be >= 0");
        }
        // max |v - median| is at the largest or the smallest value (rounding is monotone and
        // sign-symmetric): the same bits as the maximum over all deviations
        double maxV = values[0];
        double minV = values[0];
        for (int i = 1; i < n; i++) {
            double v = values[i];
            if (v > maxV) {
                maxV = v;
            }
            if (v < minV) {
                minV = v;
            }
        }
        double maxDev = Math.max(0, Math.max(maxV - median, median - minV));
        // G(d) = maxDev > k * max(madToSigma * d, floor) holds exactly for the deviations d <= cut,
        // cut the largest double passing it (bisection over the ordered bits of d >= 0)
        if (!passes(0, maxDev, k, madToSigma, floor)) {
            return false; // no deviation passes, the MAD included
        }
        long lo = 0; // passes
        long hi = Double.doubleToLongBits(Double.POSITIVE_INFINITY); // fails
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (passes(Double.longBitsToDouble(mid), maxDev, k, madToSigma, floor)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double cut = Double.longBitsToDouble(lo);
        int passing = 0;
        for (int i = 0; i < n; i++) {
            passing += Math.abs(values[i] - median) <= cut ? 1 : 0;
        }
        int h = n / 2; // sorted deviations d_(0..n): MAD = d_(h) for odd n, (d_(h-1) + d_(h)) / 2 for even n
        if (n % 2 == 1 || passing != h) {
            // odd: G(d_(h)) iff d_(0..h] all pass; even: both middle values pass, or neither does
            return passing > h;
        }
        // even, exactly the lower h pass: d_(h-1) is the largest passing deviation, d_(h) the smallest failing
        double largestPassing = 0;
        double smallestFailing = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(values[i] - median);
            if (d <= cut) {
                largestPassing = Math.max(largestPassing, d);
            } else {
                smallestFailing = Math.min(smallestFailing, d);
            }
        }
        double mad = 0.5 * (largestPassing + smallestFailing);
        return passes(mad, maxDev, k, madToSigma, floor);
    }

    /** G(d): the largest deviation beyond k robust standard deviations when the MAD is d. */
    private static boolean passes(double d, double maxDev, double k, double madToSigma, double floor) {
        return maxDev > k * Math.max(madToSigma * d, floor);
    }
}

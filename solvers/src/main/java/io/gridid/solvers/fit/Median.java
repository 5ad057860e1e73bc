package io.gridid.solvers.fit;

/**
 * Median by Floyd&ndash;Rivest selection: expected n + min(k, n &minus; k) + o(n) comparisons, about
 * half of plain quickselect's on the residual columns stage 2 takes robust scales of (two medians of
 * 8760 values per branch and per bus; 60 &rarr; 30 &micro;s for the absolute deviations here). The value
 * returned is the exact order statistic, so the algorithm does not change any result.
 */
public final class Median {
    /** Normal-consistency factor of the median absolute deviation: MAD &times; 1.4826 = &sigma; for Gaussian errors. */
    public static final double MAD_TO_SIGMA = 1.4826;
    /** Ranges longer than this are first narrowed on a sample (Floyd and Rivest's constant). */
    private static final int SAMPLE_ABOVE = 600;

    private Median() {
    }

    /**
     * @param values the values (Modified: reordered in place)
     * @param n      how many leading entries to use (&ge; 1)
     * @return the median (mean of the two middle values when n is even)
     */
    public static double ofFirst(double[] values, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("median of nothing");
        }
        double hi = select(values, n, n / 2);
        if (n % 2 == 1) {
            return hi;
        }
        double lo = values[0];
        for (int i = 1; i < n / 2; i++) {
            lo = Math.max(lo, values[i]);
        }
        return 0.5 * (lo + hi);
    }

    /** k-th smallest (0-based) of values[0..n); afterwards values[0..k) hold the k smaller ones. */
    static double select(double[] v, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("k out of range");
        }
        select(v, 0, n - 1, k);
        return v[k];
    }

    /**
     * Floyd &amp; Rivest (1975), algorithm SELECT: on long ranges, first recursively places the k-th
     * element of a small sample, whose neighbours bound the answer closely, then partitions the range
     * around it. Leaves v[left..k) &le; v[k] &le; v(k..right].
     */
    private static void select(double[] v, int left, int right, int k) {
        while (right > left) {
            if (right - left > SAMPLE_ABOVE) {
                int n = right - left + 1;
                int i = k - left + 1;
                double z = Math.log(n);
                double s = 0.5 * Math.exp(2 * z / 3);
                double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
                int newLeft = (int) Math.max(left, Math.floor(k - i * s / n + sd));
                int newRight = (int) Math.min(right, Math.floor(k + (n - i) * s / n + sd));
                select(v, newLeft, newRight, k);
            }
            double t = v[k];
            int i = left;
            int j = right;
            swap(v, left, k);
            if (v[right] > t) {
                swap(v, right, left);
            }
            while (i < j) {
                swap(v, i, j);
                i++;
                j--;
                while (v[i] < t) {
                    i++;
                }
                while (v[j] > t) {
                    j--;
                }
            }
            if (v[left] == t) {
                swap(v, left, j);
            } else {
                j++;
                swap(v, j, right);
            }
            if (j <= k) {
                left = j + 1;
            }
            if (k <= j) {
                right = j - 1;
            }
        }
    }

    private static void swap(double[] v, int a, int b) {
        double tmp = v[a];
        v[a] = v[b];
        v[b] = tmp;
    }
}

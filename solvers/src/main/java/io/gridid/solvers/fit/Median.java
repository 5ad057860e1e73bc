package io.gridid.solvers.fit;

/** Median by quickselect, expected O(n). */
public final class Median {
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
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = v[i];
                    v[i] = v[j];
                    v[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}

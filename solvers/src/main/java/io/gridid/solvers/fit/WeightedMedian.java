package io.gridid.solvers.fit;

/**
 * The minimiser of sum w_i |v_i - z| over z (a weighted median), by weighted quickselect in
 * expected O(n): the exact solution of a one-variable LAD problem.
 */
final class WeightedMedian {
    private WeightedMedian() {
    }

    /**
     * @param v values (Modified: reordered)
     * @param w non-negative weights, reordered with v (Modified)
     * @param n number of leading entries to use (&ge; 1, positive total weight)
     */
    static double of(double[] v, double[] w, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
        }
        double half = 0.5 * total;
        double left = 0;
        int lo = 0, hi = n - 1;
        while (true) {
            double pivot = v[lo + ((hi - lo) >>> 1)];
            // three-way partition of [lo, hi]: < pivot | == pivot | > pivot
            int lt = lo, i = lo, gt = hi;
            while (i <= gt) {
                if (v[i] < pivot) {
                    swap(v, w, lt++, i++);
                } else if (v[i] > pivot) {
                    swap(v, w, i, gt--);
                } else {
                    i++;
                }
            }
            double wl = 0, we = 0;
            for (int k = lo; k < lt; k++) {
                wl += w[k];
            }
            for (int k = lt; k <= gt; k++) {
                we += w[k];
            }
            if (left + wl > half) {
                hi = lt - 1;
            } else if (left + wl + we >= half) {
                return pivot;
            } else {
                left += wl + we;
                lo = gt + 1;
            }
            if (lo > hi) {
                return pivot;
            }
        }
    }

    private static void swap(double[] v, double[] w, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
        t = w[i];
        w[i] = w[j];
        w[j] = t;
    }
}

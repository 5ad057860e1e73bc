package io.gridid.topology;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which the greedy start attaches buses: children before their parents, as far as
 * the data show it. Along a path from the root the squared-voltage drop u_0 &minus; u_i gains
 * each branch's term 2(r P' + x Q') + losses; a capacitor bank or PV feeding back makes that term
 * negative on average (the voltage rises), but it still swings with the subtree's load, so the
 * drop's <i>spread over time</i> grows along every path where its mean need not. Buses are
 * therefore ranked by the spread between the drop's upper and lower {@link #TRIM} quantiles,
 * largest first; trimming keeps a few bad readings from deciding the rank.
 *
 * <p>A starting heuristic only: the local search may hang any bus on any bus outside its subtree.
 * Cost O(n T) (two selections per bus).
 */
final class StartOrder {
    /**
     * Share of intervals cut at each end of a bus's drops: 0.1 % ignores up to 8 bad readings at each end of a
     * year hourly. Noise-free, the trimmed spread ranked every parent above its child on ieee13,
     * ieee37, ieee69 and random feeders with banks and PV (docs/decisions/001-stage1-voltage-rise.md).
     */
    static final double TRIM = 0.001;

    private StartOrder() {
    }

    /**
     * @param drops per bus, u_root &minus; u_i over the intervals (kV&sup2;), no NaN; not modified
     * @return bus indices, largest trimmed spread first (ties by index)
     */
    static int[] of(double[][] drops) {
        int n = drops.length;
        double[] spread = new double[n];
        double[] work = n > 0 ? new double[drops[0].length] : new double[0];
        for (int i = 0; i < n; i++) {
            spread[i] = trimmedSpread(drops[i], work);
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -spread[i]).thenComparingInt(i -> i));
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = idx[k];
        }
        return out;
    }

    /** Upper minus lower {@link #TRIM} quantile of the values (order statistics, no interpolation). */
    static double trimmedSpread(double[] values, double[] work) {
        int t = values.length;
        if (t == 0) {
            return 0;
        }
        System.arraycopy(values, 0, work, 0, t);
        int k = (int) (TRIM * (t - 1));
        double low = select(work, 0, t - 1, k);
        double high = select(work, k, t - 1, t - 1 - k); // the first k+1 already hold the k+1 smallest
        return high - low;
    }

    /** The k-th smallest of a[lo..hi] (inclusive), partially reordering it: Hoare quickselect, middle pivot. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}

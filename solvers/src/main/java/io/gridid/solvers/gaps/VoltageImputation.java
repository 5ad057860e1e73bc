package io.gridid.solvers.gaps;

import java.util.Arrays;

/**
 * Fills missing squared voltages u = |V|&sup2; (kV&sup2;) from the meter that tracks each one most
 * closely: for meter i, the partners k with the smallest variance of u_i &minus; u_k over the
 * intervals both have (measured on at most {@link #SAMPLE} evenly spread intervals), and
 * u_i(t) &asymp; u_k(t) + mean(u_i &minus; u_k) from the first partner present at t; the meter's own
 * mean where no partner is. In a radial feeder the closest partner is a neighbour, whose
 * difference is one branch's drop: the estimate is off by that drop's swing around its mean.
 *
 * <p>What the estimates are for: loss terms (a branch's I&sup2; over its receiving voltage) and the
 * order of buses by mean voltage. They never stand in for a measured voltage in a fit's target.
 */
public final class VoltageImputation {
    /** Intervals sampled per pair to rank partners. */
    static final int SAMPLE = 512;
    /** Partners kept per meter, tried in order. */
    static final int PARTNERS = 3;
    /** Fewest common sampled intervals for a pair to count as a partner. */
    static final int MIN_COMMON = 8;

    private VoltageImputation() {
    }

    /**
     * @param u squared voltages per meter and interval, NaN = missing (not modified)
     * @return a filled copy (rows without gaps are copied as they are); a meter with no reading at
     *         all stays NaN
     */
    public static double[][] fill(double[][] u) {
        int m = u.length;
        double[][] out = new double[m][];
        int tCount = m == 0 ? 0 : u[0].length;
        int stride = Math.max(1, tCount / SAMPLE);
        for (int i = 0; i < m; i++) {
            out[i] = u[i].clone();
            if (!hasGap(u[i])) {
                continue;
            }
            int[] partner = new int[PARTNERS];
            double[] spread = new double[PARTNERS];
            Arrays.fill(partner, -1);
            Arrays.fill(spread, Double.POSITIVE_INFINITY);
            for (int k = 0; k < m; k++) {
                if (k == i) {
                    continue;
                }
                double s = 0;
                double s2 = 0;
                int c = 0;
                for (int t = 0; t < tCount; t += stride) {
                    double diff = u[i][t] - u[k][t];
                    if (diff == diff) {
                        s += diff;
                        s2 += diff * diff;
                        c++;
                    }
                }
                if (c < MIN_COMMON) {
                    continue;
                }
                double mean = s / c;
                double var = Math.max(0, s2 / c - mean * mean);
                for (int slot = 0; slot < PARTNERS; slot++) {
                    if (var < spread[slot]) {
                        System.arraycopy(partner, slot, partner, slot + 1, PARTNERS - slot - 1);
                        System.arraycopy(spread, slot, spread, slot + 1, PARTNERS - slot - 1);
                        partner[slot] = k;
                        spread[slot] = var;
                        break;
                    }
                }
            }
            double[] offset = new double[PARTNERS];
            for (int slot = 0; slot < PARTNERS; slot++) {
                if (partner[slot] >= 0) {
                    offset[slot] = meanDifference(u[i], u[partner[slot]]);
                }
            }
            double own = meanDifference(u[i], null);
            for (int t = 0; t < tCount; t++) {
                if (u[i][t] == u[i][t]) {
                    continue;
                }
                double v = own;
                for (int slot = 0; slot < PARTNERS; slot++) {
                    int k = partner[slot];
                    if (k >= 0 && u[k][t] == u[k][t]) {
                        v = u[k][t] + offset[slot];
                        break;
                    }
                }
                out[i][t] = v;
            }
        }
        return out;
    }

    private static boolean hasGap(double[] row) {
        for (double v : row) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }

    /** Mean of a &minus; b over the intervals both have (b null: the mean of a); NaN if none. */
    private static double meanDifference(double[] a, double[] b) {
        double s = 0;
        int c = 0;
        for (int t = 0; t < a.length; t++) {
            double diff = b == null ? a[t] : a[t] - b[t];
            if (diff == diff) {
                s += diff;
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }
}

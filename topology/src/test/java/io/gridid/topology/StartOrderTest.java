package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StartOrderTest {
    @Test
    void trimmedSpreadIsTheDifferenceOfTheSortedOrderStatistics() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t : new int[] {1, 2, 7, 100, 8760, 35040}) {
            double[] v = new double[t];
            for (int i = 0; i < t; i++) {
                v[i] = rnd.nextInt(50) == 0 ? 3.0 : rnd.nextGaussian(); // ties included
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int k = (int) (StartOrder.TRIM * (t - 1));
            double[] copy = v.clone();
            assertEquals(sorted[t - 1 - k] - sorted[k], StartOrder.trimmedSpread(v, new double[t]), 0.0, "T=" + t);
            assertArrayEquals(copy, v, "the input is not modified");
        }
    }

    @Test
    void aFewBadReadingsDoNotChangeTheOrder() {
        // bus 0 swings twice as much as bus 1; eight spikes at bus 1 (the trimmed share of a year hourly) leave it second
        int t = 8760;
        double[][] drops = new double[2][t];
        for (int i = 0; i < t; i++) {
            double s = Math.sin(2 * Math.PI * i / 24);
            drops[0][i] = 2 * s;
            drops[1][i] = s;
        }
        for (int k = 0; k < 8; k++) {
            drops[1][100 * k] = 50;
        }
        assertArrayEquals(new int[] {0, 1}, StartOrder.of(drops));
    }
}

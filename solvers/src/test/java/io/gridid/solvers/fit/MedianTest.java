package io.gridid.solvers.fit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection against sorting: the exact order statistic, and the partition it leaves behind. */
class MedianTest {
    @Test
    void selectIsTheSortedOrderStatisticAndPartitions() {
        SplittableRandom rnd = new SplittableRandom(11);
        // sizes below and above the sampling threshold (600), with ties, runs and sorted inputs
        int[] sizes = {1, 2, 3, 7, 64, 599, 600, 601, 602, 1000, 4097, 8760};
        for (int n : sizes) {
            for (int kind = 0; kind < 5; kind++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (kind) {
                        case 0 -> rnd.nextDouble();
                        case 1 -> rnd.nextInt(5);                  // many ties
                        case 2 -> i;                               // sorted
                        case 3 -> n - i;                           // reversed
                        default -> Math.sin(i * 2 * Math.PI / 24) + 1e-3 * rnd.nextDouble(); // daily cycle
                    };
                }
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                for (int k : new int[]{0, n / 2, n - 1, n / 3}) {
                    double[] w = v.clone();
                    double got = Median.select(w, n, k);
                    assertEquals(sorted[k], got, 0.0, "n " + n + " kind " + kind + " k " + k);
                    for (int i = 0; i < k; i++) {
                        assertTrue(w[i] <= got, "left of k");
                    }
                    for (int i = k + 1; i < n; i++) {
                        assertTrue(w[i] >= got, "right of k");
                    }
                    double[] ws = w.clone();
                    Arrays.sort(ws);
                    assertTrue(Arrays.equals(sorted, ws), "a permutation of the input");
                }
                double[] w = v.clone();
                double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
                assertEquals(median, Median.ofFirst(w, n), 0.0, "median n " + n + " kind " + kind);
            }
        }
    }

    @Test
    void usesOnlyTheLeadingEntriesAndRefusesNothing() {
        double[] v = {5, 1, 3, 100, -100};
        assertEquals(3, Median.ofFirst(v, 3), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Median.ofFirst(new double[3], 0));
    }
}

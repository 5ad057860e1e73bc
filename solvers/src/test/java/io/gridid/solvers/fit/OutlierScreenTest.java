package io.gridid.solvers.fit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screen against the two-median test it replaces (MAD by selection, then the comparison):
 * the same boolean on every input, including ties, thresholds hit exactly and floors that decide.
 */
class OutlierScreenTest {
    /** The test as stage 2 wrote it before: MAD by {@link Median#ofFirst}, then max deviation against k sigma. */
    private static boolean byTwoMedians(double[] v, int n, double med, double k, double madToSigma, double floor) {
        double[] dev = new double[n];
        double maxDev = 0;
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - med);
            maxDev = Math.max(maxDev, dev[i]);
        }
        double sigma = Math.max(madToSigma * Median.ofFirst(dev, n), floor);
        return maxDev > k * sigma;
    }

    @Test
    void answersAsTheTwoMedianTestOnRandomColumns() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] sizes = {1, 2, 3, 4, 5, 10, 11, 600, 601, 1000, 8759, 8760};
        double[] ks = {0, 1, 2, 3, 5};
        int beyond = 0;
        int within = 0;
        for (int n : sizes) {
            for (int kind = 0; kind < 6; kind++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (kind) {
                        case 0 -> rnd.nextGaussian();
                        case 1 -> rnd.nextInt(7);                                  // ties, exact thresholds
                        case 2 -> rnd.nextDouble() < 0.01 ? 40 * rnd.nextGaussian() : rnd.nextGaussian(); // gross errors
                        case 3 -> Math.sin(i * 2 * Math.PI / 24) + 1e-3 * rnd.nextGaussian();
                        case 4 -> 3.0;                                            // all equal: MAD 0
                        default -> rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(4);       // MAD at a tie boundary
                    };
                }
                double med = Median.ofFirst(v.clone(), n);
                for (double centre : new double[]{med, med + 0.25, 0}) {
                    for (double k : ks) {
                        for (double madToSigma : new double[]{1.0, 1.4826}) {
                            for (double floor : new double[]{0, 1e-6, 0.5, 1, 3}) {
                                boolean expected = byTwoMedians(v, n, centre, k, madToSigma, floor);
                                boolean got = OutlierScreen.anyBeyond(v, n, centre, k, madToSigma, floor);
                                assertEquals(expected, got, "n " + n + " kind " + kind + " centre " + centre
                                        + " k " + k + " madToSigma " + madToSigma + " floor " + floor);
                                if (expected) {
                                    beyond++;
                                } else {
                                    within++;
                                }
                            }
                        }
                    }
                }
            }
        }
        // both answers must have been exercised, else the comparison proves little
        assertTrue(beyond > 100 && within > 100, beyond + " beyond, " + within + " within");
    }

    @Test
    void evenCountWithTheCutBetweenTheMiddleDeviations() {
        // deviations about 0: {1, 2, 3, 10}: MAD = 2.5; with k = 4 the cut (10 > 4 sigma) passes d = 1, 2 only
        double[] v = {1, -2, 3, 10};
        assertFalse(OutlierScreen.anyBeyond(v, 4, 0, 4, 1, 0));    // 10 > 4 * 2.5 is false
        assertTrue(OutlierScreen.anyBeyond(v, 4, 0, 3.9, 1, 0));   // 10 > 3.9 * 2.5 = 9.75
        assertFalse(OutlierScreen.anyBeyond(v, 4, 0, 3.9, 1, 2.6)); // the floor decides: 3.9 * 2.6 = 10.14
    }

    @Test
    void leavesTheValuesAloneAndRefusesNothing() {
        double[] v = {4, 1, 3};
        OutlierScreen.anyBeyond(v, 3, 3, 5, 1.4826, 0);
        assertEquals(4, v[0], 0.0);
        assertEquals(1, v[1], 0.0);
        assertThrows(IllegalArgumentException.class, () -> OutlierScreen.anyBeyond(v, 0, 0, 5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> OutlierScreen.anyBeyond(v, 3, 0, -1, 1, 0));
    }
}

package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoisedDropsTest {
    private static final int BUSES = 20;
    private static final int INTERVALS = 4000;
    /** Drops built from the loads by hand: every bus's drop is a fixed combination of all loads. */
    private final double[][] p = new double[BUSES][INTERVALS];
    private final double[][] q = new double[BUSES][INTERVALS];
    private final double[][] exact = new double[BUSES][INTERVALS];

    DenoisedDropsTest() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] r = new double[BUSES][BUSES];
        double[][] x = new double[BUSES][BUSES];
        for (int k = 0; k < BUSES; k++) {
            for (int i = 0; i < BUSES; i++) {
                r[k][i] = rnd.nextDouble();
                x[k][i] = rnd.nextDouble();
            }
        }
        for (int t = 0; t < INTERVALS; t++) {
            double total = 0;
            for (int i = 0; i < BUSES; i++) {
                p[i][t] = 0.1 + 0.1 * rnd.nextDouble();
                q[i][t] = 0.02 + 0.05 * rnd.nextDouble();
                total += p[i][t];
            }
            for (int k = 0; k < BUSES; k++) {
                double d = 0.3 + 0.01 * total * total; // a constant and a loss-like square of the total
                for (int i = 0; i < BUSES; i++) {
                    d += 2 * (r[k][i] * p[i][t] + x[k][i] * q[i][t]);
                }
                exact[k][t] = d;
            }
        }
    }

    @Test
    void dropsThatAreLinearInTheLoadsAndTheSquaredTotalAreReproduced() {
        double[][] fitted = DenoisedDrops.fit(exact, p, q, false);
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                // normal equations of scaled columns (condition ~1e2 here): 1e-9 of a ~10 kV^2 drop
                assertEquals(exact[k][t], fitted[k][t], 1e-9 * Math.abs(exact[k][t]), "bus " + k + " t " + t);
            }
        }
    }

    /**
     * White noise of sigma leaves sigma^2 c / T in the fitted rows (a projection onto c = 2n + 3
     * columns, intercept included). Over 20 buses the mean of 20 chi-square(43)/43 variables has a
     * relative standard deviation of about 5 %, so +-25 % is five of them.
     */
    @Test
    void whiteNoiseIsReducedToTheShareOfTheFittedColumns() {
        double sigma = 0.05;
        SplittableRandom rnd = new SplittableRandom(6);
        double[][] noisy = new double[BUSES][INTERVALS];
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                noisy[k][t] = exact[k][t] + sigma * gaussian(rnd);
            }
        }
        double[][] fitted = DenoisedDrops.fit(noisy, p, q, false);
        double ss = 0;
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                double e = fitted[k][t] - exact[k][t];
                ss += e * e;
            }
        }
        double variance = ss / (BUSES * (double) INTERVALS);
        double expected = sigma * sigma * (2 * BUSES + 3) / INTERVALS;
        assertEquals(1.0, variance / expected, 0.25, "fitted-row error variance over sigma^2 c / T");
    }

    @Test
    void parallelSumsGiveTheSameRows() {
        double[][] a = DenoisedDrops.fit(exact, p, q, false);
        double[][] b = DenoisedDrops.fit(exact, p, q, true);
        for (int k = 0; k < BUSES; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k], 0.0);
        }
    }

    @Test
    void aFitToldToStopReturnsNoRowsAndOneNeverToldReturnsTheSameRows() {
        assertNull(DenoisedDrops.fit(exact, p, q, true, () -> true));
        double[][] a = DenoisedDrops.fit(exact, p, q, false);
        double[][] b = DenoisedDrops.fit(exact, p, q, true, () -> false);
        for (int k = 0; k < BUSES; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k], 0.0);
        }
    }

    @Test
    void onlyFeedersWithEnoughIntervalsPerColumnAreFitted() {
        assertTrue(DenoisedDrops.feasible(68, 8760));
        assertFalse(DenoisedDrops.feasible(68, DenoisedDrops.MIN_INTERVALS_PER_COLUMN * (2 * 68 + 3) - 1));
        assertTrue(DenoisedDrops.feasible(68, DenoisedDrops.MIN_INTERVALS_PER_COLUMN * (2 * 68 + 3)));
        // a year hourly: every feeder the intervals rule allows (874 buses) is within the work bound
        assertTrue(DenoisedDrops.feasible(874, 8760));
        assertFalse(DenoisedDrops.feasible(875, 8760));
        // a year at 15 minutes: the work bound, not the intervals rule, stops it
        assertTrue(DenoisedDrops.feasible(400, 35_040));
        assertFalse(DenoisedDrops.feasible(1000, 35_040));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), Double.MIN_VALUE);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}

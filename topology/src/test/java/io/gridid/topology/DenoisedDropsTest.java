package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DenoisedDropsTest {
    private static final DenoisedDrops.Loads PQ = DenoisedDrops.Loads.ACTIVE_AND_REACTIVE;
    private static final int BUSES = 20;
    private static final int INTERVALS = 4000;

    /** Normal equations of scaled columns (condition ~1e2 here) on exact data: round-off well under 1e-9 of a ~10 kV^2 drop. */
    private static final double EXACT_RELATIVE = 1e-9;
    /** Without Q's columns the squared totals are nearly collinear with the P columns over this narrow load range, so the ridge's bias reaches ~1e-9 of the drop (1e-5 of a 0.1 V meter's resolution in u at 12.47 kV). */
    private static final double RIDGE_BIAS_RELATIVE = 1e-8;
    /** The mean of 20 chi-square(c)/c ratios has relative sd sqrt(2 / (20 c)): 5 % at c = 43 (P and Q), 6.6 % at c = 23 (P alone); +-25 % is 5 and 3.8 of them. */
    private static final double NOISE_SHARE_RELATIVE = 0.25;
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
        double[][] fitted = DenoisedDrops.fit(exact, p, q, PQ, false);
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                assertEquals(exact[k][t], fitted[k][t], EXACT_RELATIVE * Math.abs(exact[k][t]), "bus " + k + " t " + t);
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
        double[][] fitted = DenoisedDrops.fit(noisy, p, q, PQ, false);
        double ss = 0;
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                double e = fitted[k][t] - exact[k][t];
                ss += e * e;
            }
        }
        double variance = ss / (BUSES * (double) INTERVALS);
        double expected = sigma * sigma * (2 * BUSES + 3) / INTERVALS;
        assertEquals(1.0, variance / expected, NOISE_SHARE_RELATIVE, "fitted-row error variance over sigma^2 c / T");
    }

    @Test
    void parallelSumsGiveTheSameRows() {
        double[][] a = DenoisedDrops.fit(exact, p, q, PQ, false);
        double[][] b = DenoisedDrops.fit(exact, p, q, PQ, true);
        for (int k = 0; k < BUSES; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k], 0.0);
        }
    }

    @Test
    void aFitToldToStopReturnsNoRowsAndOneNeverToldReturnsTheSameRows() {
        assertNull(DenoisedDrops.fit(exact, p, q, PQ, true, () -> true));
        double[][] a = DenoisedDrops.fit(exact, p, q, PQ, false);
        double[][] b = DenoisedDrops.fit(exact, p, q, PQ, true, () -> false);
        for (int k = 0; k < BUSES; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k], 0.0);
        }
    }

    /**
     * With a steady power factor per bus (Q = &kappa;_k P), a drop 2 &Sigma; (r P + x Q) is 2 &Sigma; (r + &kappa; x) P:
     * P alone reproduces it.
     */
    @Test
    void activePowersAloneReproduceDropsOfSteadyPowerFactors() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] kappa = new double[BUSES];
        double[][] steadyQ = new double[BUSES][INTERVALS];
        for (int i = 0; i < BUSES; i++) {
            kappa[i] = 0.2 + 0.4 * rnd.nextDouble();
            for (int t = 0; t < INTERVALS; t++) {
                steadyQ[i][t] = kappa[i] * p[i][t];
            }
        }
        double[][] drops = new double[BUSES][INTERVALS];
        for (int k = 0; k < BUSES; k++) {
            double[] r = new double[BUSES];
            double[] x = new double[BUSES];
            for (int i = 0; i < BUSES; i++) {
                r[i] = rnd.nextDouble();
                x[i] = rnd.nextDouble();
            }
            for (int t = 0; t < INTERVALS; t++) {
                double d = 0.3;
                for (int i = 0; i < BUSES; i++) {
                    d += 2 * (r[i] * p[i][t] + x[i] * steadyQ[i][t]);
                }
                drops[k][t] = d;
            }
        }
        double[][] fitted = DenoisedDrops.fit(drops, p, steadyQ, DenoisedDrops.Loads.ACTIVE, false);
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                assertEquals(drops[k][t], fitted[k][t], RIDGE_BIAS_RELATIVE * Math.abs(drops[k][t]), "bus " + k + " t " + t);
            }
        }
    }

    /** As with P and Q, with c = n + 3 columns: +-25 % is 3.8 standard deviations of the mean ratio. */
    @Test
    void activePowersAloneKeepTheShareOfTheirColumns() {
        double sigma = 0.05;
        SplittableRandom rnd = new SplittableRandom(8);
        double[][] linearInP = new double[BUSES][INTERVALS];
        double[][] noisy = new double[BUSES][INTERVALS];
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                linearInP[k][t] = 0.3 + (k + 1) * 0.1 * p[(k + 3) % BUSES][t];
                noisy[k][t] = linearInP[k][t] + sigma * gaussian(rnd);
            }
        }
        double[][] fitted = DenoisedDrops.fit(noisy, p, q, DenoisedDrops.Loads.ACTIVE, false);
        double ss = 0;
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                double e = fitted[k][t] - linearInP[k][t];
                ss += e * e;
            }
        }
        double variance = ss / (BUSES * (double) INTERVALS);
        double expected = sigma * sigma * (BUSES + 3) / INTERVALS;
        assertEquals(1.0, variance / expected, NOISE_SHARE_RELATIVE, "fitted-row error variance over sigma^2 c / T");
    }

    @Test
    void theLoadsFittedFollowTheIntervalsPerColumnAndTheWork() {
        assertEquals(PQ, DenoisedDrops.loads(68, 8760));
        assertEquals(PQ, DenoisedDrops.loads(68, DenoisedDrops.MIN_INTERVALS_PER_COLUMN * (2 * 68 + 3)));
        // one interval short for P and Q: P alone (71 columns) has enough
        assertEquals(DenoisedDrops.Loads.ACTIVE,
                DenoisedDrops.loads(68, DenoisedDrops.MIN_INTERVALS_PER_COLUMN * (2 * 68 + 3) - 1));
        assertNull(DenoisedDrops.loads(68, DenoisedDrops.MIN_INTERVALS_PER_COLUMN * (68 + 3) - 1));
        // a year hourly: P and Q up to 874 buses, P alone beyond (1003 columns at 1000 buses)
        assertEquals(PQ, DenoisedDrops.loads(874, 8760));
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(875, 8760));
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(1000, 8760));
        // half a year hourly (a stability half of a year): P and Q up to 436 buses, P alone up to 873
        assertEquals(PQ, DenoisedDrops.loads(436, 4380));
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(873, 4380));
        assertNull(DenoisedDrops.loads(874, 4380));
        // a year at 15 minutes: the work bound, not the intervals rule, stops it
        assertEquals(PQ, DenoisedDrops.loads(400, 35_040));
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(700, 35_040));
        assertNull(DenoisedDrops.loads(1000, 35_040));
    }

    /** A stability half is fitted at most as the whole data are. */
    @Test
    void aHalfIsFittedAtMostAsTheWholeData() {
        for (int buses : new int[] {68, 436, 500, 874, 1000}) {
            assertEquals(DenoisedDrops.loads(buses, 8760), DenoisedDrops.loads(buses, 8760, 8760), "whole data");
        }
        // a year at 15 minutes: the whole 1000-bus data are not fitted (work), so neither are their halves
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(1000, 17_520));
        assertNull(DenoisedDrops.loads(1000, 17_520, 35_040));
        // 500 buses: the whole data fit P alone (work), the halves could fit P and Q: they fit P
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(500, 35_040));
        assertEquals(PQ, DenoisedDrops.loads(500, 17_520));
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(500, 17_520, 35_040));
        // a year hourly at 500 buses: the halves' own rule (intervals per column) is the stricter
        assertEquals(DenoisedDrops.Loads.ACTIVE, DenoisedDrops.loads(500, 4380, 8760));
    }

    /**
     * 5 % of the drops missing and imputed 1 kV&sup2; off: a fit on the imputed rows carries that error
     * into every interval; the second pass, with each missing drop replaced by the first fit, shrinks it
     * by about the missing share (each pass keeps the part of the error that falls on the missing
     * intervals), so its error must be at most a tenth of the first's, twice the expected 5 %.
     */
    @Test
    void missingDropsEnterTheSecondPassAsTheFirstFitNotAsTheirImputation() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] measured = new double[BUSES][];
        double[][] filled = new double[BUSES][];
        for (int k = 0; k < BUSES; k++) {
            measured[k] = exact[k].clone();
            filled[k] = exact[k].clone();
            for (int t = 0; t < INTERVALS; t++) {
                if (rnd.nextDouble() < 0.05) {
                    measured[k][t] = Double.NaN;
                    filled[k][t] += 1.0;
                }
            }
        }
        double[][] once = DenoisedDrops.fit(filled, p, q, PQ, false);
        double[][] twice = DenoisedDrops.fitWithMissing(measured, filled, p, q, PQ, false, () -> false);
        double errOnce = 0;
        double errTwice = 0;
        for (int k = 0; k < BUSES; k++) {
            for (int t = 0; t < INTERVALS; t++) {
                errOnce += (once[k][t] - exact[k][t]) * (once[k][t] - exact[k][t]);
                errTwice += (twice[k][t] - exact[k][t]) * (twice[k][t] - exact[k][t]);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(errOnce > 0, "the imputation's error must reach the first fit");
        org.junit.jupiter.api.Assertions.assertTrue(Math.sqrt(errTwice / errOnce) <= 0.1,
                "rms error after two passes / after one: " + Math.sqrt(errTwice / errOnce));
    }

    /**
     * A row's misfit over the intervals its measured drop has, scaled to all of them as the branch
     * fits' residuals are: half the intervals missing, each present one off by 1, is a misfit of T,
     * which is beyond 3 times a residual of 0.99 T / 3 and within 3 times 1.01 T / 3.
     */
    @Test
    void aRowWithMissingDropsIsJudgedOnItsMeasuredIntervalsScaledToAll() {
        int tCount = 100;
        double[][] drops = new double[2][tCount];
        for (int t = 0; t < tCount; t++) {
            for (int k = 0; k < 2; k++) {
                drops[k][t] = t < tCount / 2 ? 1.0 : Double.NaN;
            }
        }
        double[][] rows = {new double[tCount], new double[tCount]};
        double[] rss = {0.99 * tCount / DenoisedDrops.EXPLAINED_RATIO, 1.01 * tCount / DenoisedDrops.EXPLAINED_RATIO};
        assertEquals(1, DenoisedDrops.keepExplained(rows, drops, rss));
        org.junit.jupiter.api.Assertions.assertSame(drops[0], rows[0], "the first row put back to the measured one");
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), Double.MIN_VALUE);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}

package io.gridid.solvers.gaps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads built from one shape, where the profile-and-ratio estimate is exact by construction. */
class LoadImputationTest {
    static final long HOUR = 3600;
    /** Products and quotients of a few numbers of order 1: exact to rounding. */
    static final double EXACT_MW = 1e-12;

    /** P_k(t) = base_k * shape(hour) * level(day): every bus follows the same shape and level. */
    static double load(int bus, int t) {
        double shape = 1 + 0.5 * Math.sin(2 * Math.PI * (t % 24) / 24.0);
        double level = 1 + 0.1 * (t / 24 % 5);
        return (0.1 + 0.05 * bus) * shape * level;
    }

    static long[] hourly(int tCount) {
        long[] e = new long[tCount];
        for (int t = 0; t < tCount; t++) {
            e[t] = 1_700_000_000L / 86400 * 86400 + t * HOUR;
        }
        return e;
    }

    @Test
    void aLoadThatFollowsTheFeedersShapeIsEstimatedExactly() {
        int tCount = 24 * 20;
        int n = 4;
        double[][] p = new double[n][tCount];
        double[][] q = new double[n][tCount];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tCount; t++) {
                p[i][t] = load(i, t);
                q[i][t] = 0.3 * load(i, t);
            }
        }
        p[2][50] = Double.NaN;
        q[2][50] = Double.NaN;
        LoadImputation.Filled f = LoadImputation.fill(p, q, null, null, null, hourly(tCount));
        // profile(slot) = base * shape * mean(level); scale = level(t) / mean(level): the product is the load
        assertEquals(load(2, 50), f.pMw()[2][50], EXACT_MW);
        assertEquals(0.3 * load(2, 50), f.qMvar()[2][50], EXACT_MW);
        assertTrue(f.estimated()[2][50]);
        assertNull(f.estimated()[0], "a bus without gaps has no marks");
        assertEquals(1, f.estimatedCount());
        assertFalse(f.headUsed());
        assertTrue(Double.isNaN(p[2][50]), "the input is not modified");
    }

    @Test
    void aHeadThatSeesLoadTheMetersDoNotIsNotUsed() {
        int tCount = 24 * 10;
        int n = 3;
        double[][] p = new double[n][tCount];
        double[][] q = new double[n][tCount];
        double[] headP = new double[tCount];
        double[] headQ = new double[tCount];
        double[] headU = new double[tCount];
        for (int t = 0; t < tCount; t++) {
            for (int i = 0; i < n; i++) {
                p[i][t] = load(i, t) * (1 + 0.2 * Math.sin(7.3 * t + i));
                q[i][t] = 0.3 * p[i][t];
            }
            // an unmetered load three times the metered ones, varying on its own
            headP[t] = 4 * (p[0][t] + p[1][t] + p[2][t]) * (1 + 0.3 * Math.cos(3.1 * t));
            headQ[t] = 0.3 * headP[t];
            headU[t] = 160;
        }
        for (int t = 0; t < tCount; t += 5) {
            p[1][t] = Double.NaN;
            q[1][t] = Double.NaN;
        }
        LoadImputation.Filled f = LoadImputation.fill(p, q, headP, headQ, headU, hourly(tCount));
        assertFalse(f.headUsed(), "the head's flow is no guide to the missing loads here");
    }
}

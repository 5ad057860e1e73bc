package io.gridid.solvers.gaps;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made rows where the closest partner is known. */
class VoltageImputationTest {
    /** The fill is one addition of numbers of order 160: exact to rounding. */
    static final double EXACT_KV2 = 1e-9;

    @Test
    void aGapIsFilledFromTheMeterThatTracksItWithTheirMeanOffset() {
        int tCount = 400;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] u = new double[3][tCount];
        for (int t = 0; t < tCount; t++) {
            u[0][t] = 160 + 2 * Math.sin(t / 10.0);   // the feeder's swing
            u[1][t] = u[0][t] - 0.5;                  // a bus 0.5 kV^2 below it, always
            u[2][t] = 150 + rnd.nextDouble() * 10;    // unrelated
        }
        double[] truth = u[1].clone();
        for (int t = 0; t < tCount; t += 7) {
            u[1][t] = Double.NaN;
        }
        double[][] filled = VoltageImputation.fill(u);
        for (int t = 0; t < tCount; t++) {
            assertEquals(truth[t], filled[1][t], EXACT_KV2, "interval " + t);
        }
        assertTrue(Double.isNaN(u[1][0]), "the input is not modified");
    }

    @Test
    void whenThePartnerIsMissingTooTheNextOneIsUsed() {
        int tCount = 300;
        double[][] u = new double[3][tCount];
        for (int t = 0; t < tCount; t++) {
            u[0][t] = 160 + Math.cos(t / 5.0);
            u[1][t] = u[0][t] - 1;
            u[2][t] = u[0][t] - 1.2;
        }
        double expected = u[1][10];
        u[1][10] = Double.NaN;
        u[2][10] = Double.NaN; // bus 2 tracks bus 1 as well as bus 0 does; both gone at 10
        double[][] filled = VoltageImputation.fill(u);
        assertEquals(expected, filled[1][10], EXACT_KV2);
    }
}

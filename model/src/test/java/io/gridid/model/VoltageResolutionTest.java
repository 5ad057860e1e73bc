package io.gridid.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoltageResolutionTest {
    /** Nominal line-to-line kV: per-unit readings are read as multiples of it. */
    private static final double BASE_KV = 12.47;

    /** Readings of a meter that records whole tenths of a volt on a 240 V base, in kV: v_pu = volts / 240, times the base. */
    private static double[] tenthsOfAVolt(int count, double sigmaPu, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[count];
        for (int t = 0; t < count; t++) {
            double pu = 1.0 + 0.01 * Math.sin(t / 24.0) + sigmaPu * rnd.nextGaussian();
            double volts = Math.rint(pu * 240 * 10) / 10;
            v[t] = volts / 240 * BASE_KV;
        }
        return v;
    }

    @Test
    void findsTheStepOfReadingsRoundedToTenthsOfAVoltThroughAUnitConversion() {
        double q = 0.1 / 240 * BASE_KV; // the step in kV; the conversion leaves each value off the grid by ~1e-16 of it
        // relative 1e-9: the step is found from differences of values exact to 1e-16, through a handful of remainders
        assertEquals(q, VoltageResolution.step(tenthsOfAVolt(8760, 1e-3, 1)), 1e-9 * q);
    }

    @Test
    void missingReadingsDoNotHideTheGrid() {
        double[] v = tenthsOfAVolt(8760, 1e-3, 2);
        for (int t = 0; t < v.length; t += 3) {
            v[t] = Double.NaN;
        }
        double q = 0.1 / 240 * BASE_KV;
        assertEquals(q, VoltageResolution.step(v), 1e-9 * q);
    }

    @Test
    void continuousReadingsLieOnNoGrid() {
        Random rnd = new Random(3);
        double[] v = new double[8760];
        for (int t = 0; t < v.length; t++) {
            v[t] = BASE_KV * (1 + 1e-3 * rnd.nextGaussian());
        }
        assertEquals(0, VoltageResolution.step(v));
    }

    @Test
    void aConstantReadingTooFewReadingsAndAStepBelowAnyMetersResolutionAreNoGrid() {
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, BASE_KV);
        assertEquals(0, VoltageResolution.step(constant));
        assertEquals(0, VoltageResolution.step(java.util.Arrays.copyOf(tenthsOfAVolt(8760, 1e-3, 4), 10)));
        // readings that repeat on a grid of 1e-9 of their size: finer than MIN_RELATIVE_STEP, no meter writes that
        double[] fine = new double[1000];
        for (int t = 0; t < fine.length; t++) {
            fine[t] = BASE_KV * (1 + 1e-9 * (t % 7));
        }
        assertEquals(0, VoltageResolution.step(fine));
    }

    @Test
    void evenLevelsOnlyGiveTheirOwnStep() {
        // every reading an even number of tenths: what the data show is a 0.2 V grid
        double[] v = new double[500];
        for (int t = 0; t < v.length; t++) {
            v[t] = (2300 + 2 * (t % 9)) / 10.0;
        }
        assertEquals(0.2, VoltageResolution.step(v), 1e-12);
    }

    @Test
    void roundingVarianceOfSquaredVoltageIsTwiceTheMeanSquaredTimesTheStepSquaredOverTwelve() {
        // hand-computed: readings alternating 230.0 and 230.2 V (mean 230.1, step 0.2): (2 * 230.1)^2 * 0.2^2 / 12
        long[] times = new long[40];
        for (int t = 0; t < times.length; t++) {
            times[t] = 3600L * t;
        }
        MeterData.Builder b = MeterData.builder(List.of("a", "b"), times);
        Random rnd = new Random(5);
        for (int t = 0; t < times.length; t++) {
            b.set(0, t, t % 2 == 0 ? 230.0 : 230.2, 0.01, 0.0);
            b.set(1, t, 230 + rnd.nextDouble(), 0.01, 0.0);
        }
        double[] var = VoltageResolution.squaredVoltageRoundingVariance(b.build());
        assertEquals(2 * 230.1 * 2 * 230.1 * 0.04 / 12, var[0], 1e-9 * var[0]);
        assertEquals(0, var[1]);
    }
}

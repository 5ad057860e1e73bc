package io.gridid.model.io;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read's warnings carry their meters as subjects, all of them, where the text names only the first few. */
class ReadWarningsTest {
    private static final List<String> IDS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

    @Test
    void aMeterStoppingAndAnotherStartingAfterItAreOneTakeoverPair() {
        // a: intervals 0-3 of 10; b: 5-9; c: 2-9 (overlaps a, so no pair with it)
        List<int[]> spans = List.of(new int[] {0, 0, 3}, new int[] {1, 5, 9}, new int[] {2, 2, 9});
        Warning w = ReadWarnings.takeovers(spans, IDS);
        assertEquals(WarningCode.METERS_TAKE_OVER, w.code());
        assertEquals(List.of("a", "b"), w.subjects());
    }

    @Test
    void everyEmptyMeterIsASubjectWhenTheTextCutsTheList() {
        List<String> empty = new ArrayList<>();
        for (int m = 0; m < MeterRowCollector.NAMED_IN_WARNING + 2; m++) {
            empty.add("m" + m);
        }
        List<Warning> ws = ReadWarnings.of(List.of(), List.of(), empty, List.of(), empty, new long[] {0, 60, 120});
        assertEquals(1, ws.size());
        assertEquals(WarningCode.METERS_EMPTY, ws.get(0).code());
        assertEquals(empty, ws.get(0).subjects());
        assertTrue(ws.get(0).text().endsWith(" and 2 more"), ws.get(0).text());
    }

    /**
     * A meter recording whole tenths of a volt on 240 V (rounding noise 1.2e-4 of the reading) is named;
     * one whose export keeps six decimals of kV (4e-8) and one with unrounded readings are not.
     */
    @Test
    void metersWhoseRoundingActsAsNoiseAreNamed() {
        double kv = 12.47;
        long[] times = new long[200];
        for (int t = 0; t < times.length; t++) {
            times[t] = 3600L * t;
        }
        io.gridid.model.MeterData.Builder b = io.gridid.model.MeterData.builder(List.of("tenths", "micro", "plain"), times);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int t = 0; t < times.length; t++) {
            double pu = 1 + 0.01 * Math.sin(t / 12.0) + 1e-3 * rnd.nextDouble();
            b.set(0, t, Math.rint(pu * 2400) / 2400 * kv, 0.01, 0.0);
            b.set(1, t, Math.rint(pu * kv * 1e6) / 1e6, 0.01, 0.0);
            b.set(2, t, pu * kv, 0.01, 0.0);
        }
        Warning w = ReadWarnings.rounded(b.build());
        assertEquals(WarningCode.VOLTAGES_ROUNDED, w.code());
        assertEquals(List.of("tenths"), w.subjects());
        assertTrue(w.text().contains("(0.10 V on 240 V)"), w.text());
    }

    @Test
    void partialMetersAreNamedByIdNotByTheirCoverage() {
        List<Warning> ws = ReadWarnings.of(List.of("b (2 of 3, x to y)"), List.<int[]>of(new int[] {1, 0, 1}), IDS,
                List.of("c"), List.of(), new long[] {0, 60, 120});
        assertEquals(List.of("METERS_PARTIAL [b]", "METERS_FLAT_VOLTAGE [c]"),
                ws.stream().map(w -> w.code() + " " + w.subjects()).toList());
    }
}

package io.gridid.reports;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeteredLoadsTest {
    private static final double NAN = Double.NaN;

    private static IdentificationResult feeder() {
        return new IdentificationResult("S", 10.0, SampleResults.typed(List.of(new BranchRow("S", "a", 1, 1, Map.of()),
                new BranchRow("a", "b", 1, 1, Map.of()), new BranchRow("a", "u", 1, 1, Map.of()))), Map.of(),
                new IdentificationDiagnostics("n/a", "n/a", NAN, 0, 0, 0, 0), Map.of(), List.of(), Map.of(), List.of());
    }

    private static double[] p(MeteredLoads l, int load) {
        double[] v = new double[l.points()];
        for (int k = 0; k < v.length; k++) {
            v[k] = l.pMw(load, k);
        }
        return v;
    }

    /**
     * Timestamps 0, 900, 2700 s: a 900 s grid of 4 points, point 2 a gap. a's P is missing first
     * (takes the first present, 2) and in the gap (takes the previous, 3); b has no P at all (0);
     * u has no meter (no load); meter z is not a bus.
     */
    @Test
    void readingsOnTheGridWithGapsFilled() throws Exception {
        MeterData.Builder d = MeterData.builder(List.of("S", "a", "b", "z"), new long[] {0, 900, 2700});
        double[][] pa = {{NAN, 2, 3}};
        for (int t = 0; t < 3; t++) {
            d.set(0, t, t == 1 ? NAN : 10.1 + t, NAN, NAN);
            d.set(1, t, 10, pa[0][t], 0.5);
            d.set(2, t, 10, NAN, 0.1);
            d.set(3, t, 10, 1, 1);
        }
        MeteredLoads l = MeteredLoads.of(feeder(), d.build(), "m.csv");
        assertEquals(List.of("a", "b"), l.loadBuses());
        assertEquals(List.of("u"), l.unmeteredBuses());
        assertEquals(1, l.metersOutsideTree());
        assertEquals(900, l.stepSeconds());
        assertEquals(4, l.points());
        assertEquals(3, l.pointOf(2));
        assertArrayEquals(new double[] {2, 2, 2, 3}, p(l, 0));
        assertArrayEquals(new double[] {0, 0, 0, 0}, p(l, 1));
        assertArrayEquals(new double[] {10.1, 10.1, 10.1, 12.1}, new double[] {l.rootKv(0), l.rootKv(1), l.rootKv(2),
                l.rootKv(3)});
        // filled: a's P 2 (leading, gap), a's Q 1 (gap), b's P 4, b's Q 1, root 2 (missing, gap)
        assertEquals(10, l.filled());
    }

    @Test
    void timestampsOffTheGridAreRefused() {
        MeterData.Builder d = MeterData.builder(List.of("S", "a"), new long[] {0, 1200, 2100});
        assertThrows(InvalidInputException.class, () -> MeteredLoads.of(feeder(), d.build(), "m.csv"));
    }
}

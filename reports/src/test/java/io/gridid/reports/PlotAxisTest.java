package io.gridid.reports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlotAxisTest {
    /** Tick values are sums of steps: equal to the hand values within rounding. */
    private static final double ROUNDING = 1e-12;

    @Test
    void impedanceAxisStartsAtZeroInStepsOfOneTwoOrFive() {
        // 0 .. 0.87 in about 5 steps: raw 0.174 -> 0.2, ticks 0, 0.2, ..., 1.0
        PlotAxis a = PlotAxis.of(0.1, 0.87, 5, true);
        List<Double> t = a.ticks();
        assertEquals(6, t.size());
        assertEquals(0, t.get(0), ROUNDING);
        assertEquals(1.0, t.get(5), ROUNDING);
        assertEquals("0.4", a.label(t.get(2)));
        assertEquals(130.0, a.map(0.4, 100, 175), ROUNDING);
    }

    @Test
    void voltageAxisCoversTheDataOnly() {
        // 0.9712 .. 0.9998 p.u.: raw step 0.00572 -> 0.01, ticks 0.97 .. 1.00
        PlotAxis a = PlotAxis.of(0.9712, 0.9998, 5, false);
        assertEquals(0.97, a.lo(), ROUNDING);
        assertEquals(1.00, a.hi(), ROUNDING);
        assertEquals(List.of("0.97", "0.98", "0.99", "1.00"), a.ticks().stream().map(a::label).toList());
    }
}

package io.gridid.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's column paths: what is set is what is read back, the rest missing, nothing aliased. */
class MeterDataBuilderTest {
    private static final long[] EPOCHS = {0, 3600, 7200, 10800};

    @Test
    void aColumnSetInWholeIsCopiedUpToItsLengthAndTheRestStaysMissing() {
        MeterData.Builder b = MeterData.builder(List.of("r", "a", "b"), EPOCHS);
        double[] v = {12.4, 12.5, 12.6, 99};
        double[] p = {1, 2, 3, 99};
        double[] q = {0.1, 0.2, 0.3, 99};
        b.setColumns(1, v, p, q, 3);
        b.set(0, 2, 12.47, 5, 1);
        v[0] = -1; // the builder holds a copy
        MeterData d = b.build();
        assertEquals(12.4, d.vKv(1, 0));
        assertEquals(2, d.pMw(1, 1));
        assertEquals(0.3, d.qMvar(1, 2));
        assertTrue(Double.isNaN(d.vKv(1, 3)) && Double.isNaN(d.pMw(1, 3)) && Double.isNaN(d.qMvar(1, 3)));
        assertEquals(12.47, d.vKv(0, 2));
        assertTrue(Double.isNaN(d.vKv(0, 1)));
        for (int t = 0; t < EPOCHS.length; t++) {
            assertTrue(Double.isNaN(d.vKv(2, t)) && Double.isNaN(d.pMw(2, t)) && Double.isNaN(d.qMvar(2, t)),
                    "a meter never set is missing throughout");
        }
        // 3 set readings of a, 1 of r: 12 cells, 4 * 3 = 12 set
        assertEquals(3L * 3 * EPOCHS.length - 12, d.missingCount());
    }

    @Test
    void movedColumnsAreTheDataAndMustHaveTheIntervalsLength() {
        MeterData.Builder b = MeterData.builder(List.of("r", "a"), EPOCHS);
        b.moveColumns(1, new double[] {12.1, 12.2, Double.NaN, 12.4}, new double[] {1, 2, 3, 4},
                new double[] {0, 0, 0, 0.5});
        assertThrows(IllegalArgumentException.class,
                () -> b.moveColumns(0, new double[3], new double[4], new double[4]));
        MeterData d = b.build();
        assertEquals(12.4, d.vKv(1, 3));
        assertTrue(Double.isNaN(d.vKv(1, 2)));
        assertEquals(0.5, d.qMvar(1, 3));
        assertEquals(3L * EPOCHS.length + 1, d.missingCount(), "r all missing, and one voltage of a");
    }

    @Test
    void aColumnLongerThanTheIntervalsOrAnIntervalOutsideThemIsRefused() {
        MeterData.Builder b = MeterData.builder(List.of("r"), EPOCHS);
        double[] five = new double[5];
        assertThrows(IndexOutOfBoundsException.class, () -> b.setColumns(0, five, five, five, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> b.set(0, 4, 1, 1, 1));
        b.build();
        assertThrows(IllegalStateException.class, () -> b.setColumns(0, five, five, five, 1));
    }
}

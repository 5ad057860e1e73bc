package io.gridid.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Data without information are refused with the reason; one informative meter is enough. */
class MeterInformationTest {
    private static final long[] EPOCHS = {0, 3600, 7200, 10800};

    /** Root "r" and two meters; v, p, q per meter and interval (kV, MW, Mvar). */
    private static MeterData data(double[][] v, double[][] p, double[][] q) {
        MeterData.Builder b = MeterData.builder(List.of("r", "a", "b"), EPOCHS);
        for (int m = 0; m < 3; m++) {
            for (int t = 0; t < EPOCHS.length; t++) {
                b.set(m, t, v[m][t], p[m][t], q[m][t]);
            }
        }
        return b.build();
    }

    private static final double[][] VARYING_V = {{12.5, 12.5, 12.5, 12.5}, {12.4, 12.3, 12.4, 12.2}, {12.3, 12.2, 12.3, 12.1}};
    private static final double[][] VARYING_P = {{0.3, 0.4, 0.3, 0.5}, {0.1, 0.2, 0.1, 0.3}, {0.2, 0.2, 0.2, 0.2}};
    private static final double[][] ZERO = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};

    private static String refusal(MeterData d) {
        return assertThrows(GrididException.class, () -> MeterInformation.require(d, "r")).getMessage();
    }

    @Test
    void informativeDataPass() {
        assertDoesNotThrow(() -> MeterInformation.require(data(VARYING_V, VARYING_P, VARYING_P), "r"));
    }

    @Test
    void everyLoadZeroIsRefused() {
        assertEquals("no load: every p_kw and q_kvar of the 2 meters besides the root is zero or missing, so no current"
                + " flows and the data say nothing about the feeder", refusal(data(VARYING_V, ZERO, ZERO)));
    }

    @Test
    void constantLoadsAreRefused() {
        double[][] flat = {{1, 1, 1, 1}, {0.1, 0.1, 0.1, 0.1}, {0.2, 0.2, 0.2, 0.2}};
        assertEquals("no load ever changes: each of the 2 meters besides the root reports the same p_kw and q_kvar"
                + " throughout, so r and x cannot be told apart (estimated or profile data?)",
                refusal(data(VARYING_V, flat, flat)));
    }

    @Test
    void stuckVoltagesAreRefused() {
        double[][] stuck = {{12.5, 12.6, 12.5, 12.4}, {12.4, 12.4, 12.4, 12.4}, {12.3, 12.3, 12.3, 12.3}};
        assertEquals("no voltage ever changes: each of the 2 meters besides the root reports one voltage throughout"
                + " (stuck meters or estimated readings?)", refusal(data(stuck, VARYING_P, VARYING_P)));
    }

    @Test
    void theRootsVoltageEverywhereIsRefused() {
        double[] root = {12.5, 12.4, 12.6, 12.3};
        double[][] same = {root, root, root};
        assertEquals("no voltage drop: each of the 2 meters besides the root reports exactly the root's voltage, so the"
                + " data say nothing about the feeder", refusal(data(same, VARYING_P, VARYING_P)));
    }

    @Test
    void oneStuckMeterAmongWorkingOnesIsNotARefusal() {
        double[][] v = {{12.5, 12.5, 12.5, 12.5}, {12.4, 12.4, 12.4, 12.4}, {12.3, 12.2, 12.3, 12.1}};
        assertDoesNotThrow(() -> MeterInformation.require(data(v, VARYING_P, VARYING_P), "r"));
    }
}

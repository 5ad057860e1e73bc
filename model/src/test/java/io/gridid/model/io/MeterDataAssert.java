package io.gridid.model.io;

import io.gridid.model.MeterData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bit-for-bit comparison of two {@link MeterData} (NaN payloads included). */
final class MeterDataAssert {
    private MeterDataAssert() {
    }

    static void assertBitwiseEqual(MeterData expected, MeterData actual) {
        assertEquals(expected.meterIds(), actual.meterIds());
        assertArrayEquals(expected.epochSeconds(), actual.epochSeconds());
        for (int m = 0; m < expected.meterCount(); m++) {
            String id = expected.meterIds().get(m);
            assertArrayEquals(bits(expected.voltagesKv(m)), bits(actual.voltagesKv(m)), "v of " + id);
            assertArrayEquals(bits(expected.activeMw(m)), bits(actual.activeMw(m)), "p of " + id);
            assertArrayEquals(bits(expected.reactiveMvar(m)), bits(actual.reactiveMvar(m)), "q of " + id);
        }
    }

    static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }
}

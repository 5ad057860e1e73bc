package io.gridid.model.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options are checked for misuse (IllegalArgumentException), not for bad data. */
class MeterCsvReaderOptionsTest {
    @Test
    void defaultsAndWithers() {
        MeterCsvReader.Options d = MeterCsvReader.Options.defaults();
        assertTrue(Double.isNaN(d.baseKv()));
        assertNull(d.delimiter());
        assertEquals(0, d.threads());
        MeterCsvReader.Options o = d.withBaseKv(12.47).withDelimiter(';').withThreads(3);
        assertEquals(12.47, o.baseKv());
        assertEquals(';', o.delimiter());
        assertEquals(3, o.threads());
        assertEquals(0, new MeterCsvReader.Options(4.16, null).threads());
    }

    @Test
    void rejectsMisuse() {
        MeterCsvReader.Options d = MeterCsvReader.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(0));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(-4.16));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> d.withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> d.withDelimiter('\n'));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(-1));
        assertThrows(NullPointerException.class, () -> new MeterCsvReader(null));
    }
}

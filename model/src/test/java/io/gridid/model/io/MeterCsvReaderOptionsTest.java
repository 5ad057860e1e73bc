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
        MeterCsvReader.Options o = d.withBaseKv(12.47).withDelimiter(';');
        assertEquals(12.47, o.baseKv());
        assertEquals(';', o.delimiter());
    }

    @Test
    void rejectsMisuse() {
        MeterCsvReader.Options d = MeterCsvReader.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(0));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(-4.16));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseKv(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> d.withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> d.withDelimiter('\n'));
        assertThrows(NullPointerException.class, () -> new MeterCsvReader(null));
    }
}

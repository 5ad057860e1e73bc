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
    void oneChunkPerThreadOfAtLeastTheMinimumSize() {
        long min = MeterCsvReader.MIN_CHUNK_BYTES;
        MeterCsvReader four = new MeterCsvReader(MeterCsvReader.Options.defaults().withThreads(4));
        assertEquals(1, four.chunks(MeterCsvReader.Parser.AUTO, 0));
        assertEquals(1, four.chunks(MeterCsvReader.Parser.AUTO, 2 * min - 1));
        assertEquals(2, four.chunks(MeterCsvReader.Parser.AUTO, 2 * min));
        assertEquals(4, four.chunks(MeterCsvReader.Parser.AUTO, 100 * min));
        assertEquals(1, four.chunks(MeterCsvReader.Parser.COMMONS, 100 * min));
        assertEquals(MeterCsvReader.TEST_CHUNKS, four.chunks(MeterCsvReader.Parser.CHUNKED, 10));
        MeterCsvReader one = new MeterCsvReader(MeterCsvReader.Options.defaults().withThreads(1));
        assertEquals(1, one.chunks(MeterCsvReader.Parser.AUTO, 100 * min));
        MeterCsvReader all = new MeterCsvReader(MeterCsvReader.Options.defaults());
        assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), 100),
                all.chunks(MeterCsvReader.Parser.AUTO, 100 * min));
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

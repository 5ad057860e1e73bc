package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory bounded by what a file holds: a small file whose meters times intervals would make a huge
 * dense table is refused while it is read, at the row where the table outgrows the memory, with
 * what it would need; a quoted field is held to the fast path's line limit on the Commons CSV path.
 */
class BoundedMemoryTest {
    /** The memory the reads below may take (256 MiB): a budget the 5,000-meter file outgrows before its end. */
    static final long BUDGET = 1L << 28;

    @TempDir
    Path dir;

    @Test
    void aSmallFileOfMetersOnTheirOwnClocksIsRefusedBeforeItFillsTheHeap() throws Exception {
        Path f = dir.resolve("clocks.csv");
        int meters = 5_000;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("timestamp,meter_id,v_kv,p_kw,q_kvar\n");
            for (int k = 0; k < meters; k++) {
                w.write(Instant.ofEpochSecond(1_767_225_600L + 60L * k) + ",m" + k + ",12.4,10,5\n");
            }
        }
        assertTrue(Files.size(f) < 300_000, "a small file: " + Files.size(f));
        // row k (line k + 2) brings meter k + 1 and interval k + 1: k + 1 squared cells of 48 bytes
        long k = 0;
        while ((k + 1) * (k + 1) <= BUDGET / 48) {
            k++;
        }
        long line = k + 2;
        MeterCsvReader reader = new MeterCsvReader(MeterCsvReader.Options.defaults(), BUDGET);
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(f, parser));
            assertEquals(line, e.line(), parser.name());
            assertTrue(e.reason().startsWith((k + 1) + " meters x " + (k + 1) + " intervals so far need at least 268 MB"
                    + " as a dense table, more than the 268 MB this Java heap may take;"), e.reason());
            assertTrue(e.reason().contains("meters on different clocks?"), e.reason());
        }
    }

    /**
     * Whatever the heap, a table the file fills below 1/64 once it passes 2^24 cells is refused: row k
     * (line k + 2) makes (k + 1)^2 cells for k + 1 rows, so the first k + 1 above 4096 does it.
     */
    @Test
    void aSparseTableIsRefusedWhateverTheHeap() throws Exception {
        Path f = dir.resolve("clocks.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("timestamp,meter_id,v_kv,p_kw,q_kvar\n");
            for (int k = 0; k < 30_000; k++) {
                w.write(Instant.ofEpochSecond(1_767_225_600L + 60L * k) + ",m" + k + ",12.4,10,5\n");
            }
        }
        MeterCsvReader reader = new MeterCsvReader(MeterCsvReader.Options.defaults(), Long.MAX_VALUE / 2);
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(f, parser));
            assertEquals(f + ":4098: 4097 meters x 4097 intervals so far make a dense table of 806 MB of which only"
                    + " 0.0244 % of the cells have a reading: meters on different clocks? put the timestamps on one"
                    + " interval grid", e.getMessage(), parser.name());
        }
    }

    @Test
    void aHugeQuotedFieldStopsAtTheLineLimitOnEitherPath() throws Exception {
        Path f = dir.resolve("quoted.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("timestamp,meter_id,v_kv,p_kw,q_kvar\n2026-01-01T00:00:00Z,a,12.4,1,1\n");
            w.write("2026-01-01T00:00:00Z,\"");
            String chunk = "x\n".repeat(1024);
            for (int i = 0; i < 640; i++) { // 1.25 MiB with line breaks, inside one quoted field
                w.write(chunk);
            }
            w.write("\",12.4,1,1\n");
        }
        MeterCsvReader reader = new MeterCsvReader(MeterCsvReader.Options.defaults());
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(f, parser));
            assertEquals(f + ":3: line longer than 1048576 bytes; not a meter CSV file?", e.getMessage(), parser.name());
        }
    }
}

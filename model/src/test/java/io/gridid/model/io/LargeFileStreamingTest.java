package io.gridid.model.io;

import io.gridid.model.MeterData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A meters.csv far larger than the heap is streamed (gridid issue 7): the reader keeps 24 bytes
 * per (interval, meter) cell in primitive columns plus a presence bit, never the file's text or
 * row objects, so its memory follows the number of readings, not the number of bytes. The test
 * writes a temporary file of {@link #METERS} x {@link #INTERVALS} rows, each padded by an extra
 * (ignored) column to about {@link #ROW_BYTES} bytes, i.e. about 370 MB, and reads it in a child
 * JVM whose heap is only {@link #CHILD_HEAP_MB} MB (the file is over 5 times the heap). The
 * readings themselves need 24 B x 480,000 = 11.5 MB; with the columns' growth copies and the
 * final {@link MeterData} copy the bound is about 64 B a cell, 31 MB, which fits; holding the
 * file's text (or a String per row) would not.
 *
 * <p>Not in the default run (it writes a third of a gigabyte): run it with
 * <pre>
 * mvn -o -pl model test -Dtest=LargeFileStreamingTest -Dsurefire.failIfNoSpecifiedTests=false -Dgridid.largeTests=true
 * </pre>
 * The temporary file is deleted afterwards.
 */
class LargeFileStreamingTest {
    static final int METERS = 240;
    static final int INTERVALS = 2_000;
    static final int ROW_BYTES = 800;
    static final int CHILD_HEAP_MB = 64;
    /** The point of the test: the file must dwarf the heap that reads it. */
    static final long MIN_FILE_TO_HEAP_RATIO = 5;
    static final long START_EPOCH_SECOND = 1_767_225_600L; // 2026-01-01T00:00:00Z
    static final int INTERVAL_SECONDS = 900;

    @TempDir
    Path dir;

    /** Child JVM entry point: reads the file, prints "rows meters intervals missing". */
    public static final class Read {
        public static void main(String[] args) throws Exception {
            MeterFile f = new MeterCsvReader(MeterCsvReader.Options.defaults()).read(Path.of(args[0]));
            MeterData d = f.data();
            System.out.println(f.rows() + " " + d.meterCount() + " " + d.intervalCount() + " " + d.missingCount());
        }
    }

    @Test
    void aFileFiveTimesTheHeapReadsInBoundedMemory() throws Exception {
        assumeTrue(Boolean.getBoolean("gridid.largeTests"), "set -Dgridid.largeTests=true to run");
        Path file = dir.resolve("large-meters.csv");
        try {
            write(file);
            long size = Files.size(file);
            assertTrue(size >= MIN_FILE_TO_HEAP_RATIO * CHILD_HEAP_MB * (1L << 20), "file of " + size + " bytes");

            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            Path output = dir.resolve("child.out");
            Process child = new ProcessBuilder(javaBin.toString(), "-Xmx" + CHILD_HEAP_MB + "m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Read.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), "child finished");
            String out = Files.readString(output, StandardCharsets.UTF_8).trim();
            assertEquals(0, child.exitValue(), out);
            long rows = (long) METERS * INTERVALS;
            assertEquals(rows + " " + METERS + " " + INTERVALS + " 0", out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** meters.csv in the contract's plain layout plus a padding column the reader ignores. */
    private static void write(Path file) throws IOException {
        String header = "timestamp,meter_id,v_kv,p_kw,q_kvar,note\n";
        String padding = "x".repeat(ROW_BYTES - 60);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(header);
            for (int t = 0; t < INTERVALS; t++) {
                String ts = Instant.ofEpochSecond(START_EPOCH_SECOND + (long) t * INTERVAL_SECONDS).toString();
                for (int m = 0; m < METERS; m++) {
                    double vKv = 12.47 - 0.001 * m - 0.0001 * (t % 96);
                    w.write(ts);
                    w.write(",m");
                    w.write(Integer.toString(m));
                    w.write(String.format(Locale.ROOT, ",%.4f,%d,%d,", vKv, 10 + (t + m) % 50, 3 + m % 7));
                    w.write(padding);
                    w.write('\n');
                }
            }
        }
    }
}

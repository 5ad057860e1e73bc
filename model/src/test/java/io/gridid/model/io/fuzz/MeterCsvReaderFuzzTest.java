package io.gridid.model.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer fuzz target for {@link MeterCsvReader} (gridid issue 7, item 4): any byte sequence, read
 * with the contract's comma and with {@code --delimiter ';'}, gives either meter data or one
 * {@link InvalidInputException} whose message is one line naming the file; any other exception
 * (an unchecked one, or a multi-line message) is a finding.
 *
 * <p>In the default test run ({@code mvn -pl model test}) Jazzer runs in regression mode: it
 * replays only the seed corpus in
 * {@code src/test/resources/io/gridid/model/io/fuzz/MeterCsvReaderFuzzTestInputs/readsOrRejectsInOneLine/}
 * (plus an empty input), in about a second. To fuzz for real (Linux x86-64 or arm64; findings are
 * written next to the seeds, the growing corpus to {@code .cifuzz-corpus/}):
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl model test -Dtest=MeterCsvReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * It stops at the first finding or after {@code maxDuration} (below; a {@code -Djazzer.max_duration}
 * on the mvn command line was not honoured in our run, so change the annotation to fuzz longer).
 * Measured on a shared 2-core machine: about 490 inputs a second. The first campaign found the
 * multi-line message kept in {@code MeterCsvReaderFindingsTest}; with that check set aside, 124,600
 * further inputs (4 min, 796 coverage edges) found nothing else.
 */
class MeterCsvReaderFuzzTest {
    private static final Path DIR;
    private static final Path FILE;

    static {
        try {
            DIR = Files.createTempDirectory("gridid-fuzz");
            FILE = DIR.resolve("meters.csv");
            DIR.toFile().deleteOnExit();
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final MeterCsvReader COMMA = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(12.47));
    private static final MeterCsvReader SEMICOLON = new MeterCsvReader(
            MeterCsvReader.Options.defaults().withBaseKv(12.47).withDelimiter(';'));

    @FuzzTest(maxDuration = "10m")
    void readsOrRejectsInOneLine(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        check(COMMA);
        check(SEMICOLON);
    }

    private static void check(MeterCsvReader reader) throws IOException {
        MeterFile f;
        try {
            f = reader.read(FILE);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(FILE + ":"), m);
            assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
            assertFalse(e.reason().isBlank(), m);
            return;
        }
        MeterData d = f.data();
        assertTrue(d.meterCount() >= 1 && d.intervalCount() >= 1, "data of a file that read");
        assertTrue(f.rows() >= 1, "rows");
        long[] t = d.epochSeconds();
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i - 1] < t[i], "intervals strictly increasing");
        }
        assertTrue(f.rows() <= (long) d.meterCount() * d.intervalCount(), "a row per (interval, meter) cell at most");
    }
}

package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static io.gridid.model.io.MeterDataAssert.assertBitwiseEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The chunked (multi-threaded) fast path against the sequential fast path and Commons CSV, the
 * independent parser of record: identical data bit for bit, row count and warnings on clean files
 * (and the chunked path must really have read them, not fallen back); the identical first error,
 * message and FILE:LINE, on files broken at a random line, including problems only visible across
 * chunks (a cell repeated in another chunk, timestamp forms that change between chunks).
 */
class ChunkedReadEquivalenceTest {
    static final double BASE_KV = 12.47;
    static final int[] CHUNK_COUNTS = {2, 3, 5, 8};
    static final int BROKEN_FILES = 60;

    @TempDir
    Path dir;

    private static MeterCsvReader reader() {
        return new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(BASE_KV));
    }

    /** Sequential, Commons and chunked (every count) agree; the chunked path did the reading. */
    private static void assertChunkedReadsTheSame(MeterCsvReader reader, Path file) throws Exception {
        MeterFile sequential = reader.read(file, MeterCsvReader.Parser.AUTO, 1);
        MeterFile commons = reader.read(file, MeterCsvReader.Parser.COMMONS, 1);
        assertBitwiseEqual(commons.data(), sequential.data());
        assertEquals(commons.warnings(), sequential.warnings());
        for (int chunks : CHUNK_COUNTS) {
            MeterFile chunked = reader.read(file, MeterCsvReader.Parser.AUTO, chunks, true);
            assertNotNull(chunked, "the chunked path declined a clean file, chunks = " + chunks);
            assertBitwiseEqual(sequential.data(), chunked.data());
            assertEquals(sequential.rows(), chunked.rows());
            assertEquals(sequential.warnings(), chunked.warnings(), "chunks = " + chunks);
            assertEquals(sequential.voltageColumn(), chunked.voltageColumn());
        }
    }

    /** Sequential, Commons and chunked (every count, with its fallback) fail with the same message. */
    private static String assertSameError(MeterCsvReader reader, Path file) {
        String expected = assertThrows(InvalidInputException.class,
                () -> reader.read(file, MeterCsvReader.Parser.AUTO, 1)).getMessage();
        assertEquals(expected, assertThrows(InvalidInputException.class,
                () -> reader.read(file, MeterCsvReader.Parser.COMMONS, 1)).getMessage());
        for (int chunks : CHUNK_COUNTS) {
            assertEquals(expected, assertThrows(InvalidInputException.class,
                    () -> reader.read(file, MeterCsvReader.Parser.AUTO, chunks)).getMessage(), "chunks = " + chunks);
        }
        return expected;
    }

    @ParameterizedTest
    @CsvSource({"1,40,0.0,false,1", "7,50,0.05,false,2", "30,20,0.3,true,3", "3,200,0.0,true,4", "60,40,0.01,false,5",
        "200,3,0.1,false,6", "5,5,0.9,false,7"})
    void randomCleanFiles(int meters, int intervals, double missing, boolean local, long seed) throws Exception {
        Path file = new RandomMeterCsv(meters, intervals, missing, local, seed).writeFile(dir.resolve("m.csv"));
        assertChunkedReadsTheSame(reader(), file);
    }

    /** Rows shuffled, blank lines, CRLF, no final newline, meters first seen late: all in chunks. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void randomCleanFilesInOtherShapes(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        String text = new RandomMeterCsv(1 + rnd.nextInt(20), 1 + rnd.nextInt(60), 0.1, rnd.nextBoolean(), seed).text();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = lines.remove(0);
        if (seed % 2 == 0) {
            Collections.shuffle(lines, new Random(seed)); // unsorted, meters and intervals first seen anywhere
        }
        for (int k = 0; k < 5; k++) {
            lines.add(rnd.nextInt(lines.size() + 1), "");
        }
        lines.add(0, header);
        String eol = seed % 3 == 0 ? "\r\n" : "\n";
        String body = String.join(eol, lines) + (seed % 5 == 0 ? "" : eol);
        assertChunkedReadsTheSame(reader(), Files.writeString(dir.resolve("shaped.csv"), body));
    }

    /** The plain files of the good-input corpus read in chunks to what they read to sequentially. */
    @ParameterizedTest
    @ValueSource(strings = {"pu-utc.csv", "pu-offset.csv", "pu-local.csv", "pu-crlf.csv", "pu-no-final-newline.csv",
        "pu-blank-lines.csv", "pu-shuffled-extra.csv", "pu-trailing-header-spaces.csv", "pu-unsorted.csv",
        "missing.csv", "single-meter.csv", "kv-offset.csv"})
    void goodCorpusPlainFiles(String name) throws Exception {
        Path file = GoodInputCorpusTest.file(name);
        MeterCsvReader.Options options = name.startsWith("kv") ? MeterCsvReader.Options.defaults()
                : GoodInputCorpusTest.pu();
        assertChunkedReadsTheSame(new MeterCsvReader(options), file);
    }

    /** Files broken at one random line, in one of several ways; sequential, chunked and Commons agree. */
    @Test
    void filesBrokenAtARandomLine() throws Exception {
        SplittableRandom rnd = new SplittableRandom(99);
        String[] kinds = {"number", "timestamp", "fields", "duplicate", "volts", "watts", "local", "meter", "nul",
            "infinite", "quote"};
        for (int f = 0; f < BROKEN_FILES; f++) {
            String text = new RandomMeterCsv(2 + rnd.nextInt(15), 4 + rnd.nextInt(40), 0.05, false, f).text();
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            int at = 1 + rnd.nextInt(lines.size() - 1);
            String[] fields = lines.get(at).split(",", -1);
            String kind = kinds[f % kinds.length];
            switch (kind) {
                case "number": fields[2 + rnd.nextInt(3)] = "1x"; break;
                case "timestamp": fields[0] = "2026-13-01T00:00:00Z"; break;
                case "fields": fields = new String[] {fields[0], fields[1], fields[2]}; break;
                case "duplicate": fields = lines.get(1 + rnd.nextInt(at)).split(",", -1); break;
                case "volts": fields[2] = "230.1"; break;
                case "watts": fields[3] = "350000"; break;
                case "local": fields[0] = fields[0].replace("T", " ").replace("Z", ""); break;
                case "meter": fields[1] = " "; break;
                case "nul": fields[1] = "m\u0000"; break;
                case "infinite": fields[4] = "-Infinity"; break;
                default: fields[1] = "\"" + fields[1] + "\""; // quoted: a valid file, through Commons
            }
            lines.set(at, String.join(",", fields));
            Path file = Files.writeString(dir.resolve("broken-" + f + ".csv"), String.join("\n", lines) + "\n");
            if (kind.equals("quote")) {
                assertNull(reader().read(file, MeterCsvReader.Parser.AUTO, 3, true), "a quote declines the chunks");
                MeterFile expected = reader().read(file, MeterCsvReader.Parser.COMMONS, 1);
                assertBitwiseEqual(expected.data(), reader().read(file, MeterCsvReader.Parser.AUTO, 3).data());
                continue;
            }
            String message = assertSameError(reader(), file);
            assertEquals(true, message.startsWith(file + ":"), message);
        }
    }

    /** A cell repeated far apart lands in two chunks; only the merge sees it. */
    @Test
    void duplicateAcrossChunks() throws Exception {
        String text = new RandomMeterCsv(10, 100, 0.0, false, 5).text();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.add(lines.get(3)); // line 4's cell again at the very end
        Path file = Files.writeString(dir.resolve("dup.csv"), String.join("\n", lines) + "\n");
        for (int chunks : CHUNK_COUNTS) {
            assertNull(reader().read(file, MeterCsvReader.Parser.AUTO, chunks, true));
        }
        String message = assertSameError(reader(), file);
        assertEquals(file + ":" + lines.size() + ": duplicate reading for meter m2 at 2026-01-01T00:00:00Z"
                + " (first on line 4)", message);
    }

    /** The first half in UTC, the second in local time: each chunk alone is consistent. */
    @Test
    void timestampFormChangesBetweenChunks() throws Exception {
        List<String> utc = new ArrayList<>(List.of(new RandomMeterCsv(4, 50, 0.0, false, 6).text().split("\n")));
        List<String> local = new ArrayList<>(List.of(new RandomMeterCsv(4, 100, 0.0, true, 6).text().split("\n")));
        List<String> lines = new ArrayList<>(utc);
        lines.addAll(local.subList(1 + utc.size() - 1, local.size())); // later intervals, local form
        Path file = Files.writeString(dir.resolve("forms.csv"), String.join("\n", lines) + "\n");
        assertNull(reader().read(file, MeterCsvReader.Parser.AUTO, 2, true));
        String message = assertSameError(reader(), file);
        // the header and 4 meters x 50 intervals in UTC, then 2026-01-01 12:30 (interval 50) in local time
        assertEquals(file + ":" + (utc.size() + 1) + ": local timestamp without offset '2026-01-01 12:30', but line 2 is"
                + " offset/UTC time; use one form throughout", message);
    }

    @Test
    void cutsFallOnLineStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("cuts.csv"), "h\naaaa\nbb\n\ncccccc\nd");
        long[] cuts = ChunkedMeterCsvParser.cuts(file, 2, Files.size(file), 4);
        String text = Files.readString(file);
        assertEquals(2, cuts[0]);
        assertEquals(text.length(), cuts[4]);
        for (int k = 1; k < 4; k++) {
            int c = (int) cuts[k];
            assertEquals(true, c >= cuts[k - 1] && (c == text.length() || text.charAt(c - 1) == '\n'), "cut " + c);
        }
    }
}

package io.gridid.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of the reader's bad-input corpus ({@code model/src/test/resources/bad-input/cases.csv})
 * run end to end through {@code gridid topology}: exit code 2, stderr exactly the corpus' one line
 * {@code FILE:LINE: reason}, no stack trace, nothing on stdout, nothing written under {@code --out}.
 * Plus the checks that belong to the command line, not the reader: the root meter and the options.
 */
class BadInputCliTest {
    /** The corpus, relative to the cli module folder (surefire's working directory). */
    static final Path CORPUS = Path.of("..", "model", "src", "test", "resources", "bad-input");
    /** The issue asks for at least 40 cases; the corpus must not silently shrink below it. */
    static final int MIN_CASES = 40;
    static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    static List<CSVRecord> table() throws IOException {
        return CorpusTable.read(CORPUS);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (CSVRecord r : table()) {
            out.add(Arguments.of(r.get("file"), r.get("base_kv"), r.get("delimiter"), Long.parseLong(r.get("line")),
                    r.get("reason")));
        }
        return out.stream();
    }

    @Test
    void theCorpusIsThereAndLargeEnough() throws IOException {
        assertTrue(table().size() >= MIN_CASES, "cases: " + table().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCorpusCaseIsOneLineAndExitTwo(String file, String baseKv, String delimiter, long line, String reason)
            throws IOException {
        String path = CORPUS.resolve(file).toString();
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("topology", "--meters", path, "--root", "1",
                "--stability", "0", "--out", out.toString()));
        if (!baseKv.isEmpty()) {
            args.addAll(List.of("--base-kv", baseKv));
        }
        if (!delimiter.isEmpty()) {
            args.addAll(List.of("--delimiter", delimiter));
        }
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        String expected = (line > 0 ? path + ":" + line + ": " : path + ": ") + reason + NL;
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals(expected, r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
        assertNothingWritten(out);
    }

    private static void assertNothingWritten(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(), s.toList(), "files under --out");
            }
        }
    }

    private Path meters(String... meterIds) throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,meter_id,v_kv,p_kw,q_kvar\n");
        for (int t = 0; t < 3; t++) {
            for (String id : meterIds) {
                sb.append("2026-01-01T0").append(t).append(":00:00Z,").append(id).append(",12.4").append(t)
                        .append(",10").append(t).append(",5\n");
            }
        }
        Path p = dir.resolve("meters.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aRootMissingFromTheFileNamesTheMetersThatAre() throws IOException {
        Path m = meters("head", "a", "b");
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "hed", "--out", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals(m + ": root meter 'hed' not found (meters: head, a, b)" + NL, r.err());
        assertEquals("", r.out());
        assertNothingWritten(out);
    }

    @Test
    void aLongMeterListIsCutAndCounted() throws IOException {
        String[] ids = new String[MeterInput.NAMED_METERS + 5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "m" + i;
        }
        Path m = meters(ids);
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "x", "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals(m + ": root meter 'x' not found (meters: m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, ... 15 in all)"
                + NL, r.err());
    }

    @Test
    void noRootIsAUsageError() throws IOException {
        Path m = meters("head", "a");
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("gridid: Missing required option: '--root=ID'" + NL), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aSingleMeterIsOneClearLine() throws IOException {
        Path m = meters("head");
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "head", "--out", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals(m + ": only one meter, the root 'head'; a feeder needs the root and at least one more meter" + NL,
                r.err());
        assertEquals("", r.out());
        assertNothingWritten(out);
    }

    @Test
    void aBadDelimiterOptionIsOneLine() throws IOException {
        Path m = meters("head", "a");
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "head", "--delimiter", ";;",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals("gridid: --delimiter must be one character (e.g. ';' or '\\t'), not ';;'" + NL, r.err());
    }

    @Test
    void aNegativeReadThreadsOptionIsOneLine() throws IOException {
        Path m = meters("head", "a");
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "head", "--read-threads", "-1",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals("gridid: --read-threads must be 0 (all processors) or a positive number, not -1" + NL, r.err());
        assertNothingWritten(dir.resolve("out"));
    }

    @Test
    void theDelimiterOptionReadsASemicolonFile() throws IOException {
        Path m = dir.resolve("semi.csv");
        Files.writeString(m, "timestamp;meter_id;v_kv;p_kw;q_kvar\n2026-01-01T00:00:00Z;head;12.47;1;1\n",
                StandardCharsets.UTF_8);
        CommandRun r = CommandRun.of("topology", "--meters", m.toString(), "--root", "head", "--delimiter", ";",
                "--out", dir.resolve("out").toString());
        // read past the delimiter: the file's next problem is the command line's single-meter check
        assertEquals(m + ": only one meter, the root 'head'; a feeder needs the root and at least one more meter" + NL,
                r.err());
    }

    /** Found by fuzzing the reader: a quoted field with a line break inside an error message. */
    @Test
    void aQuotedLineBreakStillGivesOneLine() throws IOException {
        String path = Path.of("..", "model", "src", "test", "resources", "io", "gridid", "model", "io", "fuzz", "findings",
                "quoted-line-break-in-number.csv").toString();
        CommandRun r = CommandRun.of("topology", "--meters", path, "--root", "1", "--base-kv", "12.47",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertEquals(path + ":2: unparsable number '12.4timestamp,meter_id,v_pu,p_kw,q_kvar\\n2027' in v_kv" + NL, r.err());
    }

    /** A failed run leaves an earlier result as it was, and adds nothing next to it. */
    @Test
    void aFailedRunLeavesThePreviousResultIntact() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        byte[] previous = "from_bus,to_bus,confidence\nhead,a,1.0\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("topology.csv"), previous);
        String bad = CORPUS.resolve("unparsable-number.csv").toString();
        CommandRun r = CommandRun.of("topology", "--meters", bad, "--root", "1", "--base-kv", "12.47", "--out", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode(), r.err());
        assertArrayEquals(previous, Files.readAllBytes(out.resolve("topology.csv")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("topology.csv")), s.toList());
        }
    }
}

package io.gridid.cli;

import io.gridid.reports.ResultFolder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second bad-input corpus (gridid issue 16): field data and hostile input through the command
 * line. {@code hostile/cases.csv} lists each case once: a set-up of the output folder, the command
 * line ({@code {dir}} = the corpus folder, {@code {out}} = an output folder, {@code {tmp}} = the
 * case's scratch folder, {@code {result}} = a result folder made by the set-up), the exit code, and
 * what must be said: for a failure the exact last line of stderr, for a success a text some line
 * of stdout or stderr contains. Every case must also show: no stack trace and no internal error;
 * no control character on the terminal; on failure one line (after the warnings, if any) and every
 * folder the case touched exactly as before, with no temporary left; on an identify success a
 * complete, consistent result folder.
 */
class HostileInputCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    /** The issue asks for at least 80 new cases. */
    static final int MIN_CASES = 80;
    static final String NL = System.lineSeparator();

    @TempDir
    static Path shared;
    /** A complete identify result of the corpus' base file, copied by the set-ups that need one. */
    private static Path result;
    /** branches.csv of another run (another feeder state), for a folder mixing two runs. */
    private static byte[] otherBranches;

    @TempDir
    Path tmp;

    @BeforeAll
    static void results() throws IOException {
        result = shared.resolve("result");
        CommandRun r = CommandRun.of("identify", "--meters", CORPUS.resolve("base-3-days.csv").toString(), "--root", "650",
                "--base-kv", "4.16", "--stability", "0", "--out", result.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Path other = shared.resolve("other");
        r = CommandRun.of("identify", "--meters", CORPUS.resolve("ragged-meter-stops.csv").toString(), "--root", "650",
                "--base-kv", "4.16", "--stability", "0", "--out", other.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        otherBranches = Files.readAllBytes(other.resolve(ResultFolder.BRANCHES));
    }

    static List<CSVRecord> table() throws IOException {
        return CorpusTable.read(CORPUS);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (CSVRecord r : table()) {
            out.add(Arguments.of(r.get("case"), r.get("setup"), r.get("args"), Integer.parseInt(r.get("exit")),
                    r.get("expect")));
        }
        return out.stream();
    }

    @Test
    void theCorpusIsLargeEnoughAndEveryFileIsUsed() throws IOException {
        List<CSVRecord> t = table();
        assertTrue(t.size() >= MIN_CASES, "cases: " + t.size());
        assertEquals(t.size(), t.stream().map(r -> r.get("case")).distinct().count(), "case names are unique");
        String all = String.join(" ", t.stream().map(r -> r.get("args")).toList());
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.equals("cases.csv") || all.contains("{dir}/" + name), name + " is in no case");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseEndsAsTheTableSays(String name, String setup, String args, int exit, String expect) throws Exception {
        Path out = tmp.resolve("out");
        Path res = tmp.resolve("result");
        setUp(setup, out, res);
        Map<String, byte[]> before = snapshot(tmp);
        String[] argv = Arrays.stream(args.split(" ")).map(this::expand).toArray(String[]::new);
        CommandRun r = CommandRun.of(argv);
        String err = r.err();
        assertEquals(exit, r.exitCode(), name + ": " + err + r.out());
        assertFalse(err.contains("\tat ") || err.contains("internal error") || err.contains("Exception"), err);
        for (char c : (err + r.out()).toCharArray()) {
            assertFalse(c != '\n' && c != '\r' && io.gridid.model.PrintableText.isControl(c),
                    name + ": control character U+" + Integer.toHexString(c) + " on the terminal: " + err);
        }
        List<String> lines = err.lines().toList();
        if (exit != ExitCode.OK) {
            List<String> said = lines;
            if (!said.isEmpty() && said.get(said.size() - 1).startsWith("Try 'gridid")) {
                said = said.subList(0, said.size() - 1);
            }
            assertFalse(said.isEmpty(), name + ": nothing said");
            assertEquals(expand(expect), said.get(said.size() - 1), name);
            for (String w : said.subList(0, said.size() - 1)) {
                assertTrue(w.startsWith("gridid: warning: "), name + ": more than one line: " + err);
            }
            if (exit == ExitCode.INVALID_INPUT) {
                assertEquals(1, said.size(), name + ": one line: " + err);
            }
            assertSameFiles(before, snapshot(tmp), name);
        } else {
            assertTrue(expect.isEmpty() || (err + r.out()).contains(expand(expect)), name + ": '" + expect + "' in " + err
                    + r.out());
            if (argv[0].equals("identify")) {
                try (Stream<Path> s = Files.list(out)) {
                    assertEquals(ResultFolder.files().stream().sorted().toList(),
                            s.map(p -> p.getFileName().toString()).sorted().toList(), name);
                }
                ResultFolder.read(out); // complete and consistent
            }
        }
        assertNoTemporaries(tmp, name);
    }

    private String expand(String s) {
        return s.replace("{dir}", CORPUS.toString()).replace("{out}", tmp.resolve("out").toString())
                .replace("{result}", tmp.resolve("result").toString()).replace("{tmp}", tmp.toString());
    }

    private void setUp(String setup, Path out, Path res) throws IOException {
        switch (setup) {
            case "" -> {
            }
            case "out-user-file" -> Files.writeString(Files.createDirectories(out).resolve("notes.txt"), "mine\n");
            case "out-user-meters" -> Files.writeString(Files.createDirectories(out).resolve("meters.csv"),
                    "timestamp,meter_id,v_kv,p_kw,q_kvar\n");
            case "out-is-a-file" -> Files.writeString(out, "a file\n");
            case "out-stale-temp" -> Files.writeString(Files.createDirectories(out)
                    .resolve(".branches.csv.gridid-tmp-123.tmp"), "half");
            case "out-result" -> copy(result, out);
            case "result" -> copy(result, res);
            case "result-mixed" -> {
                copy(result, res);
                Files.write(res.resolve(ResultFolder.BRANCHES), otherBranches);
            }
            case "result-negative-base-kv" -> {
                copy(result, res);
                Path json = res.resolve(ResultFolder.REPORT_JSON);
                Files.writeString(json, Files.readString(json).replace("\"base_kv\" : 4.16", "\"base_kv\" : -4.16"));
            }
            case "result-empty-r-without-manifest" -> {
                copy(result, res);
                Path json = res.resolve(ResultFolder.REPORT_JSON);
                String j = Files.readString(json);
                Files.writeString(json, j.substring(0, j.indexOf(",\n  \"files\"")) + "\n}\n");
                Path csv = res.resolve(ResultFolder.BRANCHES);
                List<String> rows = new ArrayList<>(Files.readAllLines(csv));
                String[] f = rows.get(1).split(",", -1);
                f[2] = "";
                f[3] = "";
                rows.set(1, String.join(",", f));
                Files.write(csv, rows);
            }
            case "link-to-file" -> {
                Files.writeString(tmp.resolve("target.dss"), "old\n");
                Files.createSymbolicLink(tmp.resolve("link.dss"), tmp.resolve("target.dss"));
                copy(result, res);
            }
            default -> throw new IllegalArgumentException("unknown set-up " + setup);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** Every file under {@code dir} (links not followed) with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(key + " -> ", Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, Files.readAllBytes(p));
                } else {
                    m.put(key + "/", new byte[0]);
                }
            }
        }
        return m;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after, String name) {
        assertEquals(before.keySet(), after.keySet(), name + ": files touched");
        for (String k : before.keySet()) {
            assertArrayEquals(before.get(k), after.get(k), name + ": " + k + " changed");
        }
    }

    private static void assertNoTemporaries(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> temps = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".gridid-tmp-")).toList();
            assertEquals(List.of(), temps, name + ": temporaries left");
        }
    }
}

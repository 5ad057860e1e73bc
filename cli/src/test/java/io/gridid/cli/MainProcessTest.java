package io.gridid.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process, as a user runs it: what a command prints must reach stdout even when it does
 * not end with a newline (`gridid benchmark` without --out printed nothing: its table was left in
 * picocli's buffered writer at System.exit).
 */
class MainProcessTest {
    @Test
    void benchmarkTablePrintedWithoutOutReachesStdout() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.gridid.cli.Main", "benchmark", "--feeders", "ieee13", "--days", "10", "--noise-v", "0"));
        pb.redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("| ieee13 |"), "stdout was:\n" + out);
    }

    /**
     * Fault injection: a heap far too small for the request. Any {@link OutOfMemoryError} becomes one
     * line with the heap's limit and the -Xmx hint, exit 1, no stack trace, and nothing written.
     */
    @Test
    void outOfMemoryIsOneLineWithTheHeapHint(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx40m", "-cp", System.getProperty("java.class.path"),
                "io.gridid.cli.Main", "simulate", "--feeder", "random:2000", "--days", "365", "--out", out.toString()));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(ExitCode.INTERNAL, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("gridid: out of memory (Java heap space; this Java heap may take "), err);
        assertTrue(err.contains("-Xmx2g"), err);
        assertTrue(!Files.exists(out), "nothing written");
    }

    private static List<Path> temporaries(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".gridid-tmp-")).toList();
        }
    }

    /** Starts {@code simulate} of a large feeder writing to {@code out}; returns once its temporary folder exists. */
    private static Process simulatingInto(Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.gridid.cli.Main", "simulate", "--feeder", "ieee69", "--days", "120", "--interval-min", "15",
                "--out", out.toString()));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (temporaries(out.getParent()).isEmpty()) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the child is writing its temporary folder");
            Thread.sleep(5);
        }
        return p;
    }

    /** A child stopped by TERM (as by Ctrl-C or a scheduler) while writing leaves nothing behind. */
    @Test
    void terminatedWhileWritingLeavesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Process p = simulatingInto(out);
        p.destroy(); // SIGTERM: the shutdown hook deletes the temporary folder
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");
        assertEquals(List.of(), temporaries(dir));
        assertFalse(Files.exists(out), "no result folder");
    }

    /** A child killed outright leaves its hidden temporary at most; the next run into the folder removes it. */
    @Test
    void aTemporaryLeftByKillIsRemovedByTheNextRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Process p = simulatingInto(out);
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "killed");
        assertFalse(Files.exists(out), "no result folder");
        CommandRun r = CommandRun.of("simulate", "--feeder", "ieee13", "--days", "1", "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals(List.of(), temporaries(dir));
        try (var s = Files.list(out)) {
            assertEquals(3, s.count());
        }
    }

    /**
     * Memory amplification (issue 16): 30,000 meters reporting once each at their own minute, 1.2 MB,
     * would need 43 GB as a dense table. In a 256 MB heap it is refused while read, in one line saying
     * what it would need and the -Xmx to give, exit 2, nothing written; no OutOfMemoryError.
     */
    @Test
    void metersEachOnTheirOwnClockAreRefusedBeforeTheHeapFills(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("clocks.csv");
        try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("timestamp,meter_id,v_kv,p_kw,q_kvar\n");
            for (int k = 0; k < 30_000; k++) {
                w.write(java.time.Instant.ofEpochSecond(1_767_225_600L + 60L * k) + ",m" + k + ",12.4,10,5\n");
            }
        }
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.gridid.cli.Main", "identify", "--meters", f.toString(), "--root", "m0", "--base-kv", "12.47",
                "--out", out.toString()));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(ExitCode.INVALID_INPUT, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(f + ":"), err);
        assertTrue(err.contains("as a dense table, more than the") && err.contains("-Xmx"), err);
        assertFalse(Files.exists(out));
    }
}

package io.gridid.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

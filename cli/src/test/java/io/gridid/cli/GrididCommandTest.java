package io.gridid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrididCommandTest {

    @Test
    void helpListsEverySubcommand() {
        CommandRun r = CommandRun.of("--help");
        assertEquals(0, r.exitCode());
        String out = r.out();
        for (String sub : new String[] {"demo", "simulate", "powerflow", "topology", "impedance", "identify",
                "check", "benchmark", "report", "export"}) {
            assertTrue(out.contains("  " + sub + " "), "help lists " + sub + ":\n" + out);
        }
    }

    @Test
    void versionNamesTheTool() {
        CommandRun r = CommandRun.of("--version");
        assertEquals(0, r.exitCode());
        assertTrue((r.out()).startsWith("gridid "));
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CommandRun r = CommandRun.of("--no-such-option");
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        String err = r.err();
        assertTrue(err.startsWith("gridid: Unknown option: '--no-such-option'"), err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CommandRun r = CommandRun.of();
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
    }

    /** Bad input: one line without --debug; the same line after the stack trace with it; exit 2 either way. */
    @Test
    void debugAddsTheStackTraceToTheSameLine(@TempDir Path dir) throws Exception {
        Path meters = dir.resolve("meters.csv");
        Files.writeString(meters, "timestamp,meter_id,v_pu,p_kw,q_kvar\n2026-01-01T00:00:00Z,a,abc,1,1\n");
        String[] args = {"identify", "--meters", meters.toString(), "--root", "a", "--base-kv", "12.47",
                "--out", dir.resolve("out").toString()};
        CommandRun plain = CommandRun.of(args);
        assertEquals(ExitCode.INVALID_INPUT, plain.exitCode());
        assertEquals(1, plain.err().lines().count(), plain.err());
        assertTrue(plain.err().startsWith(meters + ":2: "), plain.err());
        String[] withDebug = new String[args.length + 1];
        System.arraycopy(args, 0, withDebug, 0, args.length);
        withDebug[args.length] = "--debug";
        CommandRun debug = CommandRun.of(withDebug);
        assertEquals(ExitCode.INVALID_INPUT, debug.exitCode());
        assertTrue(debug.err().contains("\tat io.gridid."), "a stack trace: " + debug.err());
        List<String> lines = debug.err().lines().toList();
        assertEquals(plain.err().strip(), lines.get(lines.size() - 1), "the same one line, last");
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    /** The process answers --version before building the command line; the same lines as the command's. */
    @Test
    void versionProcessPrintsWhatTheCommandPrints() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.gridid.cli.Main",
                "--version").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue());
        assertEquals(CommandRun.of("--version").out(), out);
    }
}

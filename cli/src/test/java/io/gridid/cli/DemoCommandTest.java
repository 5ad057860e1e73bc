package io.gridid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void runsTheWholeStoryAndSaysWhereTheReportIs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo-out");
        CommandRun run = CommandRun.of("demo", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("result").resolve("report.html")));
        assertTrue(run.out().contains("report: " + out.resolve("result").resolve("report.html").toAbsolutePath().normalize()),
                run.out());
        assertTrue(run.out().contains("topology: "), run.out());
        // a second run reuses its own folder
        assertEquals(0, CommandRun.of("demo", "--out", out.toString()).exitCode());
    }

    @Test
    void aForeignNonEmptyFolderIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("thesis.tex"), "x");
        CommandRun run = CommandRun.of("demo", "--out", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--force"), run.err());
    }
}

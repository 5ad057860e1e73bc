package io.gridid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    /** The 0.5 % the issue asks of every branch on noise-free data, held here by the medians at 1e-5 p.u.; the README's benchmark table gives 0.1-0.2 %. */
    private static final double MAX_MEDIAN_ERROR_PERCENT = 0.5;

    @Test
    void runsTheWholeStoryAndSaysWhereTheReportIs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo-out");
        CommandRun run = CommandRun.of("demo", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("result").resolve("report.html")));
        assertTrue(run.out().contains("report: " + out.resolve("result").resolve("report.html").toAbsolutePath().normalize()),
                run.out());
        // the demo's data (ieee13, 60 days hourly, 1e-5 p.u.) determine the tree, and stage 2's
        // medians stay inside the bound: the demo must show both
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "topology: 13 of 13 branches found \\(F1 1\\.000\\); median r error ([0-9.]+) %, median x error ([0-9.]+) %")
                .matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Double.parseDouble(m.group(1)) < MAX_MEDIAN_ERROR_PERCENT, "median r error " + m.group(1) + " %");
        assertTrue(Double.parseDouble(m.group(2)) < MAX_MEDIAN_ERROR_PERCENT, "median x error " + m.group(2) + " %");
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

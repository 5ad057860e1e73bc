package io.gridid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkCommandTest {
    @Test
    void aSmallRunPrintsAndWritesOneRowPerCase(@TempDir Path dir) throws Exception {
        CommandRun run = CommandRun.of("benchmark", "--feeders", "random:10:2", "--noise-v", "0,1e-5", "--days", "5",
                "--noise-pq", "0", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "no progress bar without a terminal");
        assertTrue(run.out().contains("| random:10:2 | 10 | 0 | 5 |"), run.out());
        assertTrue(run.out().contains("| random:10:2 | 10 | 1e-05 | 5 |"), run.out());
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("benchmark.json")));
        assertEquals(2, json.path("rows").size());
        JsonNode row = json.path("rows").get(0);
        assertEquals(120, row.path("intervals").asInt());
        assertTrue(row.path("error").isNull(), row.toString());
        assertEquals(1.0, row.path("f1").asDouble(), 0.0, "exact data: every edge " + row);
        assertTrue(Files.readString(dir.resolve("benchmark.md")).startsWith("Synthetic data"));
    }

    @Test
    void anUnknownFeederIsOneLineExitTwo() {
        CommandRun run = CommandRun.of("benchmark", "--feeders", "ieee99");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}

package io.gridid.cli;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.MeterCsvWriter;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field data as engineers bring it, through {@code gridid identify} with the defaults: a few days
 * only, a meter exchanged after two days, a meter that starts late. Noise-free IEEE 13-node data,
 * so the truth is known: each must identify (exit 0), say what is unusual about the data in a
 * warning, and still find the true topology.
 */
class FieldDataCliTest {
    @TempDir
    static Path dir;
    private static Feeder feeder;
    private static Path tenDays;
    private static Path threeDays;

    @BeforeAll
    static void simulate() throws Exception {
        feeder = TestFeeders.load("ieee13");
        tenDays = dir.resolve("ten.csv");
        MeterCsvWriter.write(tenDays, MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(10))
                .meters(), feeder.baseKv());
        threeDays = dir.resolve("three.csv");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(3));
        MeterCsvWriter.write(threeDays, sim.meters(), feeder.baseKv());
    }

    private static CommandRun identify(Path meters, Path out) {
        return CommandRun.of("identify", "--meters", meters.toString(), "--root", feeder.rootBus(), "--base-kv",
                Double.toString(feeder.baseKv()), "--out", out.toString());
    }

    /** The ten-day file without the rows the predicate (on "timestamp,meter_id") drops. */
    private static Path without(String name, Predicate<String[]> drop) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(tenDays, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 3);
            if (kept.isEmpty() || !drop.test(f)) {
                kept.add(line);
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, kept, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertExactTopology(Path out) throws Exception {
        Score s = new Scoring().score(BranchCsvReader.read(out.resolve("branches.csv")), SimulationFiles.truthRows(feeder));
        assertEquals(1.0, s.f1(), "noise-free ieee13: exact topology");
    }

    @Test
    void threeDaysHourlyWorkWithTheDefaults() throws Exception {
        Path out = dir.resolve("short");
        CommandRun r = identify(threeDays, out);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertFalse(r.err().contains("stability"), "the default confidence needs no halves: " + r.err());
        assertExactTopology(out);
    }

    @Test
    void aMeterExchangedAfterTwoDaysIsNamedWithItsCoverage() throws Exception {
        Path m = without("stops.csv", f -> f[1].equals("632") && f[0].compareTo("2026-01-03") >= 0);
        Path out = dir.resolve("stops");
        CommandRun r = identify(m, out);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("gridid: warning: 1 meter has rows for only part of the intervals: 632 (48 of 240,"
                + " 2026-01-01T00:00:00Z to 2026-01-02T23:00:00Z)"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertExactTopology(out);
    }

    @Test
    void aLeafMeterStartingLateIsNamedWithItsCoverage() throws Exception {
        Path m = without("starts.csv", f -> f[1].equals("652") && f[0].compareTo("2026-01-05") < 0);
        Path out = dir.resolve("starts");
        CommandRun r = identify(m, out);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        // report.json names the meter as the partial-coverage warning's subject
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> partial = new ArrayList<>();
        for (var w : report.path("warning_details")) {
            if (w.path("code").asText().equals(WarningCode.METERS_PARTIAL.name())) {
                w.path("subjects").forEach(s -> partial.add(s.asText()));
            }
        }
        assertEquals(List.of("652"), partial, r.err());
        assertExactTopology(out);
    }

    /**
     * A meter exchanged under a new id: two meters that never report together. The same bus cannot be
     * identified from two halves that share no interval, so identify exits 3 with the reason, and the
     * warning says which meters take over from one another.
     */
    @Test
    void aNewIdTakingOverIsNamedAndTheBranchRefusedWithTheReason() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(tenDays, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 3);
            lines.add(f.length == 3 && f[1].equals("671") && f[0].compareTo("2026-01-06") >= 0
                    ? f[0] + ",671-new," + f[2] : line);
        }
        Path m = dir.resolve("takeover.csv");
        Files.write(m, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("takeover");
        CommandRun r = identify(m, out);
        assertEquals(ExitCode.NOT_IDENTIFIABLE, r.exitCode(), r.err());
        assertTrue(r.err().contains("gridid: warning: meters that take over from one another (one starts after the"
                + " other stopped: the same bus under a new id? give both one id): 671 then 671-new"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}

package io.gridid.cli;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvWriter;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gridid identify} end to end on simulated IEEE 13-node data with known truth. */
class IdentifyCommandTest {
    /** The README's claim for noise-free data: every branch's r and x within 0.5 %. */
    private static final double NOISE_FREE_BRANCH_ERROR = 0.005;

    @TempDir
    static Path dir;
    private static Feeder feeder;
    private static Path meters;

    @BeforeAll
    static void simulate() throws Exception {
        feeder = TestFeeders.load("ieee13");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(30));
        meters = dir.resolve("meters.csv");
        MeterCsvWriter.write(meters, sim.meters(), feeder.baseKv());
    }

    private CommandRun identify(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("identify", "--meters", meters.toString(), "--root",
                feeder.rootBus(), "--base-kv", Double.toString(feeder.baseKv()), "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void recoversTheFeederAndWritesTheResultFolder() throws Exception {
        Path out = dir.resolve("res");
        CommandRun run = identify(out);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("branches.csv"));
        assertTrue(lines.get(0).startsWith("from_bus,to_bus,r_ohm,x_ohm,"), lines.get(0));
        List<BranchRow> rows = BranchCsvReader.read(out.resolve("branches.csv"));
        Score s = new Scoring().score(rows, SimulationFiles.truthRows(feeder));
        assertEquals(1.0, s.f1(), "noise-free ieee13: exact topology");
        for (BranchRow truth : SimulationFiles.truthRows(feeder)) {
            BranchRow found = rows.stream().filter(b -> b.toBus().equals(truth.toBus())).findFirst().orElseThrow();
            // a component that is 0 (the 671-692 switch's x) has no relative error: 0.5 % of |z| there
            double z = Math.hypot(truth.rOhm(), truth.xOhm());
            assertEquals(truth.rOhm(), found.rOhm(), NOISE_FREE_BRANCH_ERROR * (truth.rOhm() > 0 ? truth.rOhm() : z),
                    "r of " + truth.toBus());
            assertEquals(truth.xOhm(), found.xOhm(), NOISE_FREE_BRANCH_ERROR * (truth.xOhm() > 0 ? truth.xOhm() : z),
                    "x of " + truth.toBus());
        }
        for (String f : List.of("topology.csv", "report.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        var doc = Jsoup.parse(out.resolve("report.html").toFile());
        assertEquals(feeder.branches().size(), doc.select("table#branches tbody tr").size());
        assertEquals(feeder.branches().size(), doc.select("svg#tree line.edge").size());
        assertTrue(run.out().contains("identified " + feeder.branches().size() + " branches"), run.out());
    }

    @Test
    void aKilovoltFileNeedsNoBaseKv() throws Exception {
        // the same readings as v_kv (line-to-line kV): no --base-kv needed, same topology found
        List<String> lines = Files.readAllLines(meters);
        List<String> kv = new java.util.ArrayList<>();
        kv.add(lines.get(0).replace("v_pu", "v_kv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            f[2] = f[2].isEmpty() ? "" : Double.toString(Double.parseDouble(f[2]) * feeder.baseKv());
            kv.add(String.join(",", f));
        }
        Path kvFile = dir.resolve("meters-kv.csv");
        Files.write(kvFile, kv);
        Path out = dir.resolve("res-kv");
        CommandRun run = CommandRun.of("identify", "--meters", kvFile.toString(), "--root", feeder.rootBus(),
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Score s = new Scoring().score(BranchCsvReader.read(out.resolve("branches.csv")), SimulationFiles.truthRows(feeder));
        assertEquals(1.0, s.f1(), "noise-free ieee13 from v_kv: exact topology");
        assertTrue(run.err().contains("no --base-kv"), run.err());
    }

    @Test
    void aNonEmptyFolderIsRefusedWithoutForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("x.txt"), "x");
        CommandRun run = identify(out);
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--force"), run.err());
        assertEquals(0, identify(out, "--force").exitCode());
    }

    @Test
    void anUnknownRootIsOneLineExitTwo() {
        CommandRun run = CommandRun.of("identify", "--meters", meters.toString(), "--root", "nope", "--base-kv", "4.16",
                "--out", dir.resolve("r2").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}

package io.gridid.cli;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.model.io.MeterCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyCommandTest {
    @TempDir
    Path dir;

    /** Runs the command line with captured output; returns {exit code, stdout, stderr}. */

    private Feeder writeMeters(String name, int days) throws Exception {
        Feeder f = TestFeeders.load(name);
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(days));
        MeterCsvWriter.write(dir.resolve("meters.csv"), sim.meters(), f.baseKv());
        return f;
    }

    @Test
    void writesTheTrueTreeOfIeee13AsTopologyCsv() throws Exception {
        Feeder f = writeMeters("ieee13", 10);
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("topology.csv"), StandardCharsets.UTF_8);
        assertEquals("from_bus,to_bus,confidence,evidence", lines.get(0));
        assertEquals(f.branches().size() + 1, lines.size());
        RadialTree truth = f.tree();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(truth.parentOf(c[1]), c[0], "parent of " + c[1]);
            double conf = Double.parseDouble(c[2]);
            assertTrue(conf >= 0 && conf <= 1, line);
        }
        String stdout = r.out();
        assertTrue(stdout.startsWith("topology: " + truth.size() + " buses, " + f.branches().size() + " branches, root "
                + f.rootBus()), stdout);
        assertTrue(stdout.contains("PHYSICS_SEARCH"), stdout);
    }

    @Test
    void methodOptionSelectsTheEstimatorAndReportsTheRegressionPath() throws Exception {
        Feeder f = writeMeters("ieee37", 10);
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--method", "tree-metric", "--out", dir.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue((r.out()).contains("TREE_METRIC (JOINT path"), r.out());
    }

    @Test
    void anUnknownRootIsOneLineAndExitTwo() throws Exception {
        Feeder f = writeMeters("ieee13", 2);
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", "nope",
                "--base-kv", Double.toString(f.baseKv()), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        String err = r.err();
        assertTrue(err.startsWith(dir.resolve("meters.csv") + ": root meter 'nope' not found (meters: "), err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("o").resolve("topology.csv")));
    }

    @Test
    void aNegativeSearchBudgetIsExitTwoBeforeAnythingIsWritten() throws Exception {
        Feeder f = writeMeters("ieee13", 2);
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--search-budget", "-1", "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("--search-budget must be >= 0"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aZeroSearchBudgetStopsTheLocalSearchAndSaysHowToRaiseIt() throws Exception {
        // noisy data make the local search move; with no budget it stops at once and says so
        Feeder f = TestFeeders.load("random:40");
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(20)
                .withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005));
        MeterCsvWriter.write(dir.resolve("meters.csv"), sim.meters(), f.baseKv());
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--stability", "0", "--search-budget", "0",
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("stopped at its work budget (0 branch fits per bus)"), r.err());
        assertTrue(r.err().contains("--search-budget"), r.err());
    }

    @Test
    void anUnknownMethodIsExitTwo() throws Exception {
        CommandRun r = CommandRun.of("topology", "--meters", "m.csv", "--root", "1", "--method", "magic", "--out", "o");
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        assertTrue((r.err()).contains("--method must be"), r.err());
    }

    @Test
    void aMissingMetersFileIsExitTwo() {
        CommandRun r = CommandRun.of("topology", "--meters", dir.resolve("none.csv").toString(), "--root", "1", "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        assertEquals(dir.resolve("none.csv") + ": no such file", (r.err()).strip(), "FILE: reason, one line");
    }

    /**
     * --likelihood-search on noisy ieee13 (90 days hourly, 1e-5 p.u., 0.5 % P/Q): the search moves
     * no bus there and keeps stage 1's tree (written as a run without the option writes it), saying
     * what it scored; on exact readings there is no noise to weigh trees by, and it says so and keeps
     * stage 1's tree, which is then the true one.
     */
    @Test
    void theLikelihoodSearchSaysWhatItDidOrWhyNot() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        for (double sigma : new double[]{1e-5, 0}) {
            SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(90).withSeed(7)
                    .withNoiseVoltagePu(sigma).withNoisePowerRelative(sigma > 0 ? 0.005 : 0));
            Path meters = dir.resolve("meters-" + sigma + ".csv");
            MeterCsvWriter.write(meters, sim.meters(), f.baseKv());
            Path out = dir.resolve("out-" + sigma);
            CommandRun r = CommandRun.of("topology", "--meters", meters.toString(), "--root", f.rootBus(),
                    "--base-kv", Double.toString(f.baseKv()), "--stability", "0", "--likelihood-search",
                    "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            List<String> lines = Files.readAllLines(out.resolve("topology.csv"), StandardCharsets.UTF_8);
            Path plain = dir.resolve("plain-" + sigma);
            CommandRun stage1 = CommandRun.of("topology", "--meters", meters.toString(), "--root", f.rootBus(),
                    "--base-kv", Double.toString(f.baseKv()), "--stability", "0", "--out", plain.toString());
            assertEquals(0, stage1.exitCode(), stage1.err());
            assertEquals(Files.readAllLines(plain.resolve("topology.csv"), StandardCharsets.UTF_8), lines);
            if (sigma == 0) {
                RadialTree truth = f.tree();
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split(",");
                    assertEquals(truth.parentOf(c[1]), c[0], "parent of " + c[1]);
                }
            }
            String expected = sigma > 0 ? "gridid: warning: likelihood search: 0 bus(es) moved"
                    : "gridid: warning: likelihood search not run: the voltages are exact to rounding";
            assertTrue(r.err().contains(expected), r.err());
        }
    }
}

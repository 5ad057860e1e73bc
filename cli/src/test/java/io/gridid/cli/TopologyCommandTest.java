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
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    private static Object[] run(String... args) {
        CommandLine cl = GrididCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Object[] {code, out.toString(), err.toString()};
    }

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
        Object[] r = run("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--out", out.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = Files.readAllLines(out.resolve("topology.csv"), StandardCharsets.UTF_8);
        assertEquals("from_bus,to_bus,confidence", lines.get(0));
        assertEquals(f.branches().size() + 1, lines.size());
        RadialTree truth = f.tree();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(truth.parentOf(c[1]), c[0], "parent of " + c[1]);
            double conf = Double.parseDouble(c[2]);
            assertTrue(conf >= 0 && conf <= 1, line);
        }
        String stdout = (String) r[1];
        assertTrue(stdout.startsWith("topology: " + truth.size() + " buses, " + f.branches().size() + " branches, root "
                + f.rootBus()), stdout);
        assertTrue(stdout.contains("PHYSICS_SEARCH"), stdout);
    }

    @Test
    void methodOptionSelectsTheEstimatorAndReportsTheRegressionPath() throws Exception {
        Feeder f = writeMeters("ieee37", 10);
        Object[] r = run("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", f.rootBus(),
                "--base-kv", Double.toString(f.baseKv()), "--method", "tree-metric", "--out", dir.resolve("o").toString());
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("TREE_METRIC (JOINT path"), (String) r[1]);
    }

    @Test
    void anUnknownRootIsOneLineAndExitTwo() throws Exception {
        Feeder f = writeMeters("ieee13", 2);
        Object[] r = run("topology", "--meters", dir.resolve("meters.csv").toString(), "--root", "nope",
                "--base-kv", Double.toString(f.baseKv()), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.INVALID_INPUT, r[0]);
        String err = (String) r[2];
        assertTrue(err.startsWith(dir.resolve("meters.csv") + ": root meter 'nope' not found (meters: "), err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("o").resolve("topology.csv")));
    }

    @Test
    void anUnknownMethodIsExitTwo() throws Exception {
        Object[] r = run("topology", "--meters", "m.csv", "--root", "1", "--method", "magic", "--out", "o");
        assertEquals(ExitCode.INVALID_INPUT, r[0]);
        assertTrue(((String) r[2]).contains("--method must be"), (String) r[2]);
    }

    @Test
    void aMissingMetersFileIsExitTwo() {
        Object[] r = run("topology", "--meters", dir.resolve("none.csv").toString(), "--root", "1", "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCode.INVALID_INPUT, r[0]);
        assertEquals(dir.resolve("none.csv") + ": no such file", ((String) r[2]).strip(), "FILE: reason, one line");
    }
}

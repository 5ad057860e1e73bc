package io.gridid.cli;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.model.io.MeterCsvWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gridid compare}: the true topology against one with a misplaced bus, on noisy meters. */
class CompareCommandTest {
    @TempDir
    static Path dir;
    private static Feeder feeder;
    private static String moved;

    @BeforeAll
    static void writeInputs() throws Exception {
        feeder = TestFeeders.load("ieee13");
        MeterCsvWriter.write(dir.resolve("meters.csv"), MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults()
                .withDays(60).withSeed(5).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters(), feeder.baseKv());
        RadialTree truth = feeder.tree();
        writeTopology(dir.resolve("truth.csv"), truth.parents());
        List<String> order = truth.topDown();
        moved = order.get(order.size() - 1); // a leaf, hung on the root's child instead
        Map<String, String> wrong = new HashMap<>(truth.parents());
        wrong.put(moved, truth.childrenOf(truth.root()).get(0));
        assertTrue(!wrong.get(moved).equals(truth.parentOf(moved)), "the leaf must move");
        writeTopology(dir.resolve("wrong.csv"), wrong);
    }

    private static void writeTopology(Path file, Map<String, String> parents) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("from_bus,to_bus");
        parents.forEach((child, parent) -> lines.add(parent + "," + child));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static CommandRun compare(String first, String second) {
        return CommandRun.of("compare", "--meters", dir.resolve("meters.csv").toString(), "--root", feeder.rootBus(),
                "--base-kv", Double.toString(feeder.baseKv()), "--topology", dir.resolve(first).toString(),
                "--against", dir.resolve(second).toString());
    }

    /** The gain printed for {@code bus} (the line "bus, parent in first, parent in second, gain"). */
    private static double gainOf(String out, String bus) {
        for (String line : out.split("\n")) {
            String[] c = line.trim().split(", ");
            if (c.length == 4 && c[0].equals(bus)) {
                return Double.parseDouble(c[3]);
            }
        }
        throw new AssertionError("no line for bus " + bus + " in:\n" + out);
    }

    /**
     * The misplaced leaf must lose decisively either way round: its gain is the deviance the true
     * parent saves, far above the "decisive" 4 (a leaf on the wrong side of the feeder).
     */
    @Test
    void theTrueTreeWinsAndTheMovedBusIsNamed() {
        CommandRun r = compare("truth.csv", "wrong.csv");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("verdict: the first topology is likelier"), r.out());
        assertTrue(r.out().contains("1 bus(es) hang differently"), r.out());
        assertTrue(gainOf(r.out(), moved) > 4, r.out());

        CommandRun back = compare("wrong.csv", "truth.csv");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.out().contains("verdict: the second topology is likelier"), back.out());
        assertTrue(gainOf(back.out(), moved) < -4, back.out());
    }

    @Test
    void aTreeAgainstItselfIsTheSameTreeWithNoVerdict() {
        CommandRun r = compare("truth.csv", "truth.csv");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("the trees are the same"), r.out());
        assertTrue(!r.out().contains("verdict"), "no verdict between a tree and itself:\n" + r.out());
    }

    @Test
    void treesOverDifferentBusesAreOneLineAndExitTwo() throws Exception {
        Map<String, String> fewer = new HashMap<>(feeder.tree().parents());
        fewer.remove(moved);
        writeTopology(dir.resolve("fewer.csv"), fewer);
        CommandRun r = compare("truth.csv", "fewer.csv");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cover different buses") && r.err().contains(moved), r.err());
    }

    /**
     * Real data have gaps: with 2 % of the rows missing at random the comparison uses every interval,
     * says so in one line, and still finds the true tree likelier.
     */
    @Test
    void gapsInTheReadingsStillDecide() throws Exception {
        Path gappy = dir.resolve("gappy.csv");
        MeterCsvWriter.write(gappy, MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(60)
                .withSeed(5).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005).withMissingFraction(0.02)).meters(),
                feeder.baseKv());
        CommandRun r = CommandRun.of("compare", "--meters", gappy.toString(), "--root", feeder.rootBus(), "--base-kv",
                Double.toString(feeder.baseKv()), "--topology", dir.resolve("truth.csv").toString(), "--against",
                dir.resolve("wrong.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s)gaps: \\d+ of \\d+ voltage readings missing \\(integrated out\\) and \\d+ loads"
                + "[^\\n]*every interval with two or more voltages used \\(1440 of 1440 intervals\\)\\n.*"), r.out());
        assertTrue(r.out().contains("verdict: the first topology is likelier"), r.out());
    }
}

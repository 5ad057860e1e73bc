package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedding facade: its checks of the root, its base voltage rule, and the typed view of the rows. */
class FeederIdentifierTest {
    private static Feeder feeder;
    private static SimulatedData sim;

    @BeforeAll
    static void simulate() throws GrididException {
        feeder = TestFeeders.load("ieee13");
        sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(14).withSeed(3));
    }

    @Test
    void givesThePipelinesBranchesTypedAndTheTrueTree() throws Exception {
        IdentifiedFeeder got = new FeederIdentifier().identify(sim.meters(), feeder.rootBus(), feeder.baseKv());
        IdentificationResult direct = new IdentifyPipeline(FeederIdentifier.defaultOptions())
                .identify(sim.meters(), feeder.rootBus(), feeder.baseKv(), List.of());
        assertEquals(feeder.tree(), got.tree()); // 14 days of the default noise determine ieee13's tree
        assertEquals(direct.branches(), got.result().branches());
        assertEquals(direct.branches().size(), got.branches().size());
        for (int i = 0; i < got.branches().size(); i++) {
            assertEquals(IdentifiedBranch.of(direct.branches().get(i)), got.branches().get(i));
        }
        for (IdentifiedBranch b : got.branches()) {
            // 8 stability runs: a confidence is a share of 8 halves
            assertEquals(0, (b.confidence() * FeederIdentifier.STABILITY_RUNS) % 1, 1e-12, b.toBus());
            assertTrue(b.rStdErrOhm() > 0, b.toBus());
        }
    }

    @Test
    void tellsItsProgressOnTheCallingThread() throws Exception {
        List<String> steps = new java.util.ArrayList<>();
        Thread caller = Thread.currentThread();
        IdentifiedFeeder got = new FeederIdentifier().withProgress((label, done, total) -> {
            assertEquals(caller, Thread.currentThread());
            steps.add(label + " " + done + "/" + total);
        }).identify(sim.meters(), feeder.rootBus(), feeder.baseKv());
        int branches = got.branches().size();
        assertEquals("topology 0/" + branches, steps.get(0));
        assertEquals("impedance " + branches + "/" + branches, steps.get(steps.size() - 1));
    }

    @Test
    void withoutABaseVoltageTheRootsMeanIsTheBaseAndAWarningSaysSo() throws Exception {
        IdentifiedFeeder got = new FeederIdentifier().identify(sim.meters(), feeder.rootBus(), Double.NaN);
        double[] v = sim.meters().voltagesKv(sim.meters().indexOf(feeder.rootBus()));
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        assertEquals(mean, got.result().baseKv(), 1e-12 * mean); // the same sum, in the same order
        assertTrue(got.warnings().stream().anyMatch(w -> w.code() == WarningCode.NO_BASE_VOLTAGE
                && w.subjects().equals(List.of(feeder.rootBus()))), got.warnings().toString());
    }

    @Test
    void aRootThatIsNoMeterOrThatTheDataContradictIsRefused(@TempDir Path dir) throws Exception {
        GrididException e = assertThrows(GrididException.class,
                () -> new FeederIdentifier().identify(sim.meters(), "no-such-bus", feeder.baseKv()));
        assertEquals("root meter 'no-such-bus' not found among the 14 meters", e.getMessage());
        // a leaf carries a small share of the feeder's load: the data contradict it as the head
        String leaf = "652";
        assertTrue(feeder.tree().childrenOf(leaf).isEmpty());
        e = assertThrows(GrididException.class, () -> new FeederIdentifier().identify(sim.meters(), leaf, feeder.baseKv()));
        assertTrue(e.getMessage().contains("650"), e.getMessage()); // names the likely head

        SimulationFiles.write(dir, sim, "ieee13");
        Path meters = dir.resolve(SimulationFiles.METERS);
        InvalidInputException located = assertThrows(InvalidInputException.class,
                () -> new FeederIdentifier().identify(meters, "no-such-bus", feeder.baseKv()));
        assertEquals(meters.toString(), located.file());
    }

    @Test
    void aRowsFurtherColumnsBecomeTypedFigures() {
        BranchRow row = new BranchRow("632", "671", 0.5, 1.25, Map.of(BranchColumns.R_STD_ERR, "0.01",
                BranchColumns.X_STD_ERR, "0.02", BranchColumns.CONFIDENCE, "0.875", BranchColumns.CONDUCTOR, "601",
                BranchColumns.LENGTH_KM, "0.6096", BranchColumns.NOTE, "polished"));
        assertEquals(new IdentifiedBranch("632", "671", 0.5, 1.25, 0.01, 0.02, 0.875, "601", 0.6096, Double.NaN,
                Double.NaN, "polished"), IdentifiedBranch.of(row));
        assertEquals(new IdentifiedBranch("a", "b", 1, 2, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, Double.NaN,
                Double.NaN, ""), IdentifiedBranch.of(new BranchRow("a", "b", 1, 2)));
    }
}

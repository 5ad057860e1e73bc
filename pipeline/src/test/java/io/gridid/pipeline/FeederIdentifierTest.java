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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedding facade: its checks of the root, its base voltage rule, and the typed view of the rows. */
class FeederIdentifierTest {
    /** A share k / 8 and its product by 8 are exact in binary: room for round-off only. */
    private static final double WHOLE_RUNS = 1e-12;
    /** The pipeline takes the same mean of the root's voltages; 1e-12 of it leaves room for round-off only (~1e-16 per reading). */
    private static final double SAME_MEAN_RELATIVE = 1e-12;

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
        assertEquals(direct.branches(), got.branches());
        for (IdentifiedBranch b : got.branches()) {
            // 8 stability runs: a confidence is a share of 8 halves
            assertEquals(0, (b.confidence() * FeederIdentifier.STABILITY_RUNS) % 1, WHOLE_RUNS, b.toBus());
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
        assertEquals(mean, got.result().baseKv(), SAME_MEAN_RELATIVE * mean);
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
}

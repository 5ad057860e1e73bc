package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.JointRefinementReport;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.WarningCode;
import io.gridid.topology.PhysicsSearchOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline's single-stage entry points against simulated data of known truth, and the stage
 * statuses they and {@link IdentifyPipeline#identify} carry.
 */
class StageEntryPointsTest {
    /** Noise-free data: stage 2 on the true tree is exact up to the fits' tolerances (0.5 %, as the README example). */
    private static final double RELATIVE_TOLERANCE = 0.005;

    private static MeterData ieee13(double noiseV) throws Exception {
        return MeterDataSynthesizer.synthesize(TestFeeders.load("ieee13"), SynthesisOptions.defaults().withDays(30)
                .withNoiseVoltagePu(noiseV).withNoisePowerRelative(0).withQuantizeVolts(0).withMissingFraction(0))
                .meters();
    }

    @Test
    void stageOneAloneFindsTheTrueTreeOnExactData() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        TopologyRun run = new IdentifyPipeline(IdentifyOptions.defaults())
                .identifyTopology(ieee13(0), f.rootBus(), ProgressListener.NONE);
        assertEquals(f.tree(), run.topology().tree());
        assertEquals(StageStatus.COMPLETE, run.status(), run.topology().diagnostics().warnings().toString());
    }

    @Test
    void stageTwoAloneOnTheTrueTreeRecoversTheTrueImpedances() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        ImpedanceRun run = new IdentifyPipeline(IdentifyOptions.defaults())
                .estimateImpedances(ieee13(0), f.tree(), ProgressListener.NONE);
        assertEquals(f.branches().size(), run.result().branches().size());
        for (Branch truth : f.branches()) {
            BranchEstimate e = run.result().branchTo(truth.toBus());
            assertEquals(truth.rOhm(), e.rOhm(), RELATIVE_TOLERANCE * truth.rOhm(), truth.toBus());
            assertEquals(truth.xOhm(), e.xOhm(), RELATIVE_TOLERANCE * truth.xOhm(), truth.toBus());
        }
        assertEquals(StageStatus.COMPLETE, run.status(), run.result().warnings().toString());
    }

    /** Exact voltages give the likelihood search no noise to weigh trees by: it does not run, stage 1 falls back. */
    @Test
    void aLikelihoodSearchThatCannotRunMakesStageOneAFallback() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        IdentificationResult r = new IdentifyPipeline(IdentifyOptions.defaults()
                .withLikelihoodSearch(LikelihoodSearchOptions.defaults()))
                .identify(ieee13(0), f.rootBus(), f.baseKv(), List.of());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == WarningCode.LIKELIHOOD_SEARCH_NOT_RUN),
                r.warnings().toString());
        assertEquals(List.of(IdentifyPipeline.TOPOLOGY, IdentifyPipeline.IMPEDANCE), List.copyOf(r.stageStatus().keySet()));
        assertEquals(StageStatus.FALLBACK, r.stageStatus().get(IdentifyPipeline.TOPOLOGY));
        assertEquals(StageStatus.COMPLETE, r.stageStatus().get(IdentifyPipeline.IMPEDANCE));
    }

    /**
     * The result carries stage 2's own record of its joint refinement: on exact voltages there is no
     * meter noise to pool (the sweep's fits stand); with voltage noise of 1e-4 p.u. it pools every
     * meter with the dense solver (13 branches, far below the iterative solver's size).
     */
    @Test
    void theResultCarriesWhatTheJointRefinementDid() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        IdentifyPipeline pipeline = new IdentifyPipeline(IdentifyOptions.defaults());
        IdentificationResult exact = pipeline.identify(ieee13(0), f.rootBus(), f.baseKv(), List.of());
        assertEquals(JointRefinementReport.Status.NOTHING_TO_POOL, exact.jointRefinement().status());
        IdentificationResult noisy = pipeline.identify(ieee13(1e-4), f.rootBus(), f.baseKv(), List.of());
        assertEquals(JointRefinementReport.Status.POOLED, noisy.jointRefinement().status());
        assertEquals(JointRefinementReport.Solver.DENSE, noisy.jointRefinement().free().solver());
    }

    /** No work budget at all: the physics search's local search stops at once on noisy data. */
    @Test
    void aSearchWithoutBudgetIsABudgetCut() throws Exception {
        Feeder f = TestFeeders.load("ieee13");
        IdentifyOptions o = IdentifyOptions.defaults();
        o = o.withTopology(o.topology().withSearch(PhysicsSearchOptions.defaults().withFitsPerBus(0)));
        TopologyRun run = new IdentifyPipeline(o).identifyTopology(ieee13(1e-4), f.rootBus(), ProgressListener.NONE);
        assertEquals(StageStatus.BUDGET_CUT, run.status(), run.topology().diagnostics().warnings().toString());
    }
}

package io.gridid.topology;

import io.gridid.model.Feeder;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PhysicsSearchTest extends TopologyEstimatorContractTest {
    /** RSS (kV^4) of exact data: residuals are round-off of ~150 kV^2 values (~1e-13 kV^2), squared and summed over 200 intervals far below this. */
    private static final double EXACT_OBJECTIVE_KV4 = 1e-12;
    /** A wrong tree must misfit by six orders more than the exact tree's round-off bound, so rounding cannot pass it. */
    private static final double WRONG_TREE_MIN_KV4 = 1e-6;

    @Override
    boolean worksWithGaps() {
        return true;
    }

    @Override
    TopologyEstimator estimator() {
        return new PhysicsSearch(PhysicsSearchOptions.defaults());
    }

    @Test
    void theTrueTreeHasNoResidualOnExactDataAndAWrongOneHas() throws Exception {
        Feeder f = HandFeeders.small();
        FeederSeries s = FeederSeries.of(HandFeeders.simulate(f, 200, 21, false, 0), f.rootBus());
        // every branch equation holds exactly: only rounding of kV^2 differences remains
        assertEquals(0, PhysicsSearch.objective(s, f.tree()), EXACT_OBJECTIVE_KV4);
        java.util.Map<String, String> wrong = new java.util.LinkedHashMap<>(f.tree().parents());
        wrong.put("5", "1"); // bus 5 really hangs on 4 (r = 0.5 ohm)
        double misfit = PhysicsSearch.objective(s, new io.gridid.model.RadialTree(f.rootBus(), wrong));
        org.junit.jupiter.api.Assertions.assertTrue(misfit > WRONG_TREE_MIN_KV4, "wrong tree objective " + misfit);
    }

    @Test
    void aBusWhoseLoadNeverVariesIsWarned() throws Exception {
        Feeder f = HandFeeders.small();
        io.gridid.model.MeterData full = HandFeeders.simulate(f, 100, 22, false, 0);
        io.gridid.model.MeterData.Builder b = io.gridid.model.MeterData.builder(full.meterIds(), full.epochSeconds());
        int bus3 = full.indexOf("3");
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < full.intervalCount(); t++) {
                boolean flat = m == bus3;
                b.set(m, t, full.vKv(m, t), flat ? 0.1 : full.pMw(m, t), flat ? 0.05 : full.qMvar(m, t));
            }
        }
        Topology t = run(f, b.build());
        assertEquals(List.of(List.of("3")), t.diagnostics().warnings().stream()
                .filter(w -> w.code() == WarningCode.CONSTANT_LOADS).map(Warning::subjects).toList(),
                t.diagnostics().warnings().toString());
    }

    @Test
    void fixedPowerFactorsNeedNoSeparateRAndX() throws Exception {
        Feeder f = HandFeeders.random(30, 13, 0.2, 5.0);
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 14, true, 0));
        assertEquals(f.tree(), t.tree());
        assertNull(t.diagnostics().regressionPath());
    }

    /**
     * The parallel search (candidate ranking in blocks, move evaluations at once) must give the
     * very result of the sequential one: same tree, confidences and diagnostics (incl. the
     * number of branch fits). 250 buses and 2880 intervals (hourly, 120 days) put well over 2^16 candidate-intervals
     * into one ranking, so the parallel branch really runs; noise makes the local search move.
     */
    @Test
    void parallelSearchEqualsSequentialExactly() throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load("random:250");
        FeederSeries s = FeederSeries.of(io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                io.gridid.feeders.SynthesisOptions.defaults().withDays(120).withIntervalMinutes(60).withSeed(32)
                        .withNoiseVoltagePu(1e-4)).meters(), f.rootBus());
        Topology parallel = new PhysicsSearch(PhysicsSearchOptions.defaults().withParallel(true)).estimate(s);
        Topology sequential = new PhysicsSearch(PhysicsSearchOptions.defaults().withParallel(false)).estimate(s);
        org.junit.jupiter.api.Assertions.assertTrue(
                parallel.diagnostics().warnings().stream().anyMatch(w -> w.code() == WarningCode.LOCAL_SEARCH_MOVES),
                "the local search must have moved something: " + parallel.diagnostics().warnings());
        assertEquals(sequential, parallel);
    }

    /**
     * On noisy data the search ranks parents by their drops fitted on all loads instead of their
     * own noisy readings. ieee69, a year hourly, sigma_v = 1e-4 p.u., 0.5 % P/Q noise, seed 1: the
     * README's table measured 56 of 68 edges with it and 46 without; the test asks for a gain of
     * at least 6 (the difference between seeds was 3-5 edges on this feeder) and says it did.
     * On exact data nothing changes: the exact tree, no denoising.
     */
    @Test
    void denoisedParentsFindMoreEdgesOnNoisyDataAndStayOutOfExactData() throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load("ieee69");
        io.gridid.feeders.SynthesisOptions year = io.gridid.feeders.SynthesisOptions.defaults().withDays(365)
                .withIntervalMinutes(60).withSeed(1).withNoisePowerRelative(0.005);
        FeederSeries noisy = FeederSeries.of(io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                year.withNoiseVoltagePu(1e-4)).meters(), f.rootBus());
        Topology denoised = new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(noisy);
        Topology plain = new PhysicsSearch(PhysicsSearchOptions.defaults().withDenoiseParents(false)).estimate(noisy);
        int withDenoising = correctEdges(f, denoised);
        int without = correctEdges(f, plain);
        org.junit.jupiter.api.Assertions.assertTrue(withDenoising >= without + 6,
                "denoised " + withDenoising + " vs plain " + without + " of 68 edges");
        org.junit.jupiter.api.Assertions.assertTrue(denoised.diagnostics().warnings().stream()
                .anyMatch(w -> w.code() == WarningCode.VOLTAGES_DENOISED), denoised.diagnostics().warnings().toString());

        FeederSeries exact = FeederSeries.of(io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                year.withDays(90).withNoisePowerRelative(0)).meters(), f.rootBus());
        Topology t = new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(exact);
        assertEquals(f.tree(), t.tree());
        org.junit.jupiter.api.Assertions.assertFalse(t.diagnostics().warnings().stream()
                .anyMatch(w -> w.code() == WarningCode.VOLTAGES_DENOISED), t.diagnostics().warnings().toString());
    }

    /**
     * With 2 % of the readings missing, noisy data keep nearly what complete data find: the
     * denoising still runs (missing drops imputed, then refitted: {@link DenoisedDrops#fitWithMissing})
     * and the fits use every interval, estimated loads included. random:114, a year hourly, sigma_v =
     * 1e-4 p.u., seeds 1-3: measured 295 edges against 305 with complete data (277 when the fits left
     * out the intervals with an estimated load, 260 without the denoising); the test asks for 95 % of
     * the complete data's count, which neither of those reached.
     */
    @Test
    void missingReadingsCostFewEdgesOnNoisyData() throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load("random:114");
        int gappy = 0;
        int complete = 0;
        for (long seed = 1; seed <= 3; seed++) {
            io.gridid.feeders.SynthesisOptions o = io.gridid.feeders.SynthesisOptions.defaults().withDays(365)
                    .withIntervalMinutes(60).withSeed(seed).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005);
            Topology withGaps = new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(FeederSeries.of(
                    io.gridid.feeders.MeterDataSynthesizer.synthesize(f, o.withMissingFraction(0.02)).meters(), f.rootBus()));
            org.junit.jupiter.api.Assertions.assertTrue(withGaps.diagnostics().warnings().stream()
                    .anyMatch(w -> w.code() == WarningCode.VOLTAGES_DENOISED), withGaps.diagnostics().warnings().toString());
            gappy += correctEdges(f, withGaps);
            complete += correctEdges(f, new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(FeederSeries.of(
                    io.gridid.feeders.MeterDataSynthesizer.synthesize(f, o).meters(), f.rootBus())));
        }
        org.junit.jupiter.api.Assertions.assertTrue(gappy >= 0.95 * complete,
                "2 % missing: " + gappy + " edges, complete data: " + complete + " of 339");
    }

    /**
     * ieee13 without voltage noise but with 0.5 % P/Q noise: the fits are not exact, so the
     * denoising is tried, but the loads' linear fit misses the drops of its heavy, lossy branches
     * (transformer, 4.16 kV laterals) by far more than the branch fits do; those rows must stay
     * measured and the tree stay exact (it was 10 of 13 edges when every row was replaced).
     */
    @Test
    void fittedDropsThatMissThePhysicsAreNotUsed() throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load("ieee13");
        FeederSeries s = FeederSeries.of(io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                io.gridid.feeders.SynthesisOptions.defaults().withDays(90).withIntervalMinutes(60).withSeed(1)
                        .withNoiseVoltagePu(0).withNoisePowerRelative(0.005)).meters(), f.rootBus());
        Topology t = new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(s);
        assertEquals(f.tree(), t.tree(), () -> t.diagnostics().warnings().toString());
    }

    /**
     * ieee69, a year hourly, 1e-5 p.u. (seed 1): bus 6's denoised row misses its drop by as much as
     * the noise, so on the denoised rows 6 ranks tenth among 7's candidate parents and the search
     * ended with 7 on 5 and 6 on 49 of the 47-50 lateral, its total residual 2046 kV^4 against the
     * truth's 14.3 (a search failure, not the data). The measured rows' best candidates are tried
     * too now: the trunk 5-6-7 must come out right.
     */
    @Test
    void theMeasuredRowsBestParentsAreTriedWhenDenoisedRowsHideThem() throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load("ieee69");
        FeederSeries s = FeederSeries.of(io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                io.gridid.feeders.SynthesisOptions.defaults().withDays(365).withIntervalMinutes(60).withSeed(1)
                        .withNoiseVoltagePu(1e-5).withNoisePowerRelative(0.005)).meters(), f.rootBus());
        Topology t = new PhysicsSearch(PhysicsSearchOptions.defaults()).estimate(s);
        org.junit.jupiter.api.Assertions.assertTrue(t.diagnostics().warnings().stream()
                .anyMatch(w -> w.code() == WarningCode.VOLTAGES_DENOISED), t.diagnostics().warnings().toString());
        assertEquals("5", t.tree().parentOf("6"));
        assertEquals("6", t.tree().parentOf("7"));
    }

    /** Edges of the estimate that are edges of the truth, as unordered bus pairs. */
    private static int correctEdges(Feeder f, Topology t) {
        int correct = 0;
        for (java.util.Map.Entry<String, String> e : t.tree().parents().entrySet()) {
            String a = e.getKey();
            String b = e.getValue();
            java.util.Map<String, String> truth = f.tree().parents();
            if (b.equals(truth.get(a)) || a.equals(truth.get(b))) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * Voltage rises along a branch downstream of a capacitor bank or of PV feeding back; no step
     * of the search may forbid a parent of lower voltage. Noise-free data, so every edge must be
     * found: ieee13 with its published banks; random:200 with 10 banks and PV at 30 % of the buses
     * (in these 30 days 32 of its branches rise on average, checked below so the case cannot go
     * slack); a second random feeder with 20 banks.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ieee13", "random:200+caps=10", "random:120:3+caps=20"})
    void exactWhereVoltageRisesAlongBranches(String name) throws Exception {
        Feeder f = io.gridid.feeders.TestFeeders.load(name);
        io.gridid.feeders.SimulatedData sim = io.gridid.feeders.MeterDataSynthesizer.synthesize(f,
                io.gridid.feeders.SynthesisOptions.defaults().withDays(30).withPvFraction(0.3));
        io.gridid.model.MeterData m = sim.truthMeters();
        int rising = 0;
        for (io.gridid.model.Branch b : f.branches()) {
            int i = m.indexOf(b.fromBus());
            int j = m.indexOf(b.toBus());
            for (int t = 0; t < m.intervalCount(); t++) {
                if (m.vKv(j, t) > m.vKv(i, t)) {
                    rising++;
                    break;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(rising >= 3, name + ": branches with a voltage rise " + rising);
        Topology t = run(f, sim.meters());
        assertEquals(f.tree(), t.tree(), name);
    }
}

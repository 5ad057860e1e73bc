package io.gridid.topology;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The physics search's per-edge evidence (the log-likelihood ratio against the best alternative
 * without the edge, {@link EdgeEvidence}) against the truth: large on exact data, and on noisy data
 * ranking the edges the search got right above those it got wrong.
 */
class EdgeEvidenceTest {
    /**
     * Exact data leave rounding in the fits, so any alternative parent raises the residual by many
     * orders of magnitude of the rounding floor: 1e6 is far below what a wrong parent costs and far
     * above what noise-free data could leave undecided.
     */
    private static final double EXACT_EVIDENCE_FLOOR = 1e6;
    /** The report's threshold of a sure edge. */
    private static final double SURE = 0.99;
    /** Three binomial standard errors of a share of about 0.9 from 339 edges (0.016 each), rounded up. */
    private static final double CALIBRATION = 0.06;

    @Test
    void exactDataGiveLargeEvidenceForEveryWeighedEdge() throws GrididException {
        Feeder f = TestFeeders.load("ieee37");
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(30));
        Topology t = new TopologyIdentifier(TopologyOptions.defaults().withStabilityRuns(0))
                .identify(sim.meters(), f.rootBus());
        assertEquals(f.tree(), t.tree());
        assertTrue(t.evidence().size() >= t.tree().size() - 3, "nearly every edge has an alternative: " + t.evidence());
        t.evidence().forEach((bus, e) -> assertTrue(e > EXACT_EVIDENCE_FLOOR, bus + ": " + e));
    }

    /**
     * random:114, a year hourly, sigma_v 1e-4 p.u. and 0.5 % P/Q noise, seeds 1-3 pooled (34 wrong
     * edges of 339; benchmarks' ConfidenceRun, docs/decisions/014-edge-evidence.md).
     *
     * <ul>
     * <li>The evidence ranks right above wrong edges: AUC 0.956 / 0.934 / 0.882 per seed (the
     *     stability halves 0.900 / 0.940 / 0.911). 0.80 is about three standard errors of an AUC
     *     from 34 wrong edges below the pooled value: room for another machine's rounding, not for a
     *     score that no longer tells right from wrong (0.5).</li>
     * <li>The confidence reads as a probability: its mean over the edges is the share of right
     *     edges (measured 0.865 against 0.900: a little
     *     cautious). With 339 edges the share's binomial standard
     *     error is under 0.02: 0.06 is three of them, so a figure too low or too high by more than
     *     that fails.</li>
     * <li>The edges at confidence 0.99 or more are right (192 of 192 measured): at least 97 %,
     *     so that more than a few wrong ones there fail.</li>
     * </ul>
     */
    @Test
    void noisyDataEvidenceRanksRightEdgesAboveWrongOnesAndTheConfidenceReadsAsAProbability() throws GrididException {
        Feeder f = TestFeeders.load("random:114");
        List<Double> right = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        double confidenceSum = 0;
        int sure = 0;
        int sureRight = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(365)
                    .withSeed(seed).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005));
            Topology t = new TopologyIdentifier(TopologyOptions.defaults().withStabilityRuns(0))
                    .identify(sim.meters(), f.rootBus());
            for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
                boolean ok = e.getValue().equals(f.tree().parents().get(e.getKey()))
                        || e.getKey().equals(f.tree().parents().get(e.getValue()));
                double score = t.evidenceOf(e.getKey());
                (ok ? right : wrong).add(Double.isNaN(score) ? Double.POSITIVE_INFINITY : score);
                double c = t.confidenceOf(e.getKey());
                confidenceSum += c;
                if (c >= SURE) {
                    sure++;
                    sureRight += ok ? 1 : 0;
                }
            }
        }
        assertTrue(wrong.size() >= 15, "the case must have wrong edges to rank: " + wrong.size());
        double auc = auc(right, wrong);
        int edges = right.size() + wrong.size();
        double meanConfidence = confidenceSum / edges;
        double shareRight = right.size() / (double) edges;
        assertTrue(auc >= 0.80, "AUC " + auc);
        assertEquals(shareRight, meanConfidence, CALIBRATION, "mean confidence against the share of right edges");
        assertTrue(sure >= 100 && sureRight >= 0.97 * sure, sureRight + " right of " + sure + " at confidence >= 0.99");
    }

    /**
     * random:200 with 10 capacitor banks (voltage rises downstream of them), a year hourly, sigma_v
     * 1e-4 p.u., 0.5 % P/Q noise, seeds 1-3: 52, 54 and 50 wrong edges of 199, and the confidence
     * ranks right above wrong with AUC 0.802, 0.757 and 0.778 (the stability halves 0.771, 0.807,
     * 0.792; ConfidenceRun). With about 156 wrong edges pooled, an AUC's standard error is about
     * 0.02: 0.70 is three of them below the measured level.
     */
    @Test
    void withCapacitorBanksTheConfidenceStillRanksRightEdgesAboveWrongOnes() throws GrididException {
        Feeder f = TestFeeders.load("random:200+caps=10");
        List<Double> right = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(365)
                    .withSeed(seed).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005));
            Topology t = new TopologyIdentifier(TopologyOptions.defaults()).identify(sim.meters(), f.rootBus());
            for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
                boolean ok = e.getValue().equals(f.tree().parents().get(e.getKey()))
                        || e.getKey().equals(f.tree().parents().get(e.getValue()));
                (ok ? right : wrong).add(t.confidenceOf(e.getKey()));
            }
        }
        assertTrue(wrong.size() >= 100, "the case must have wrong edges to rank: " + wrong.size());
        double auc = auc(right, wrong);
        assertTrue(auc >= 0.70, "AUC " + auc);
    }

    /** P(score of a random right edge > that of a random wrong one), ties counted half. */
    private static double auc(List<Double> right, List<Double> wrong) {
        double s = 0;
        for (double r : right) {
            for (double w : wrong) {
                s += r > w ? 1 : r == w ? 0.5 : 0;
            }
        }
        return s / ((double) right.size() * wrong.size());
    }

    /** A revised topology keeps the evidence of the edges it still has and drops that of moved buses. */
    @Test
    void revisedTopologyKeepsTheEvidenceOfUnmovedEdgesOnly() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("a", "r");
        parents.put("b", "a");
        parents.put("c", "a");
        RadialTree tree = new RadialTree("r", parents);
        Map<String, Double> conf = Map.of("a", 1.0, "b", 0.5, "c", 0.25);
        Topology t = new Topology(tree, conf, new TopologyDiagnostics(TopologyMethod.PHYSICS_SEARCH, null, Double.NaN,
                10, List.of()), Map.of("a", 40.0, "b", 2.5, "c", -1.0));
        Map<String, String> moved = new LinkedHashMap<>(parents);
        moved.put("c", "b");
        Topology r = t.revised(new RadialTree("r", moved), conf, t.diagnostics());
        assertEquals(Map.of("a", 40.0, "b", 2.5), r.evidence());
        assertTrue(Double.isNaN(r.evidenceOf("c")));
        assertFalse(r.evidence().containsKey("c"));
    }
}

package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeLikelihoodTest {
    /** The log of a 3x3 determinant from a few pivots of order 1: round-off of a few ulps (~1e-15). */
    private static final double EXACT_LOG = 1e-12;
    /** Standard deviations sqrt(2 / dof) of the chi-square's mean allowed: a false failure has probability ~6e-7. */
    private static final double CHI2_SDS = 5;
    /** Allowance for the linearisation and for the readings' unequal variances (u's noise is 4|V|^2 sigma_V^2, |V| varying by a few per cent). */
    private static final double UNEQUAL_VARIANCE_ALLOWANCE = 0.01;
    /** With every kappa = 0 each interval adds log N exactly (all pivots 1); summing T of them rounds by ~1e-12 per interval. */
    private static final double LOG_N_PER_INTERVAL = 1e-6;

    /**
     * The determinant term by hand: root r, chain r &rarr; a &rarr; b, &kappa;_a = 1, &kappa;_b = 0 (&sigma;&sup2; = 1).
     * The readings are (v + e_r, v &minus; &eta;_a + e_a, v &minus; &eta;_a + e_b): covariance given v
     * &Sigma; = [[1,0,0],[0,2,1],[0,1,2]], det 3; integrating the flat v adds log(1&#7488;&Sigma;&#8315;&sup1;1) = log(1 + 2/3).
     * Together log 3 + log 5/3 = log 5.
     */
    @Test
    void determinantTermMatchesTheCovarianceByHand() {
        RadialTree chain = new RadialTree("r", Map.of("a", "r", "b", "a"));
        double got = TreeLikelihood.logDeterminantPerInterval(chain, new JointNoiseModel(1, Map.of("a", 1.0)));
        assertEquals(Math.log(5), got, EXACT_LOG);
        // with every kappa = 0 the term is log N for any shape: trees of the same buses cost alike
        RadialTree star = new RadialTree("r", Map.of("a", "r", "b", "r"));
        assertEquals(Math.log(3), TreeLikelihood.logDeterminantPerInterval(star, new JointNoiseModel(1, Map.of())), EXACT_LOG);
        assertEquals(Math.log(3), TreeLikelihood.logDeterminantPerInterval(chain, new JointNoiseModel(1, Map.of())), EXACT_LOG);
    }

    /**
     * With voltage noise only (exact P/Q, so every &kappa; = 0) and the true noise variance, the true
     * tree's quadratic form is a chi-square with readings &minus; intervals &minus; 2(N &minus; 1) degrees of
     * freedom: its mean is that, its standard deviation sqrt(2 dof) (0.9 % here). The tolerance is
     * five of those plus 1 % for the linearisation and for the readings' unequal variances (u's noise
     * is 4|V|&sup2;&sigma;_V&sup2;, |V| varying by a few per cent along the feeder).
     */
    @Test
    void trueTreesQuadraticFormIsChiSquareWithTheRightDegreesOfFreedom() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                .withIntervalMinutes(60).withSeed(3).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0));
        double sigmaVKv = 1e-4 * feeder.baseKv();
        MeterData truth = sim.truthMeters();
        double sum = 0;
        long n = 0;
        for (String bus : feeder.tree().topDown()) {
            int m = truth.indexOf(bus);
            for (int t = 0; t < truth.intervalCount(); t++) {
                double v = truth.vKv(m, t);
                sum += 4 * v * v * sigmaVKv * sigmaVKv;
                n++;
            }
        }
        JointNoiseModel exact = new JointNoiseModel(sum / n, Map.of());
        TreeDeviance d = new TreeLikelihood(ImpedanceOptions.defaults()).deviance(sim.meters(), feeder.tree(), exact);
        long dof = d.readings() - d.intervals() - 2L * (feeder.tree().size() - 1);
        double tolerance = CHI2_SDS * Math.sqrt(2.0 / dof) + UNEQUAL_VARIANCE_ALLOWANCE;
        assertEquals(1.0, d.quadraticForm() / dof, tolerance, "quadratic form over its degrees of freedom");
        assertEquals(0.0, d.logDeterminant() - d.intervals() * Math.log(feeder.tree().size()), LOG_N_PER_INTERVAL * d.intervals());
    }

    /**
     * A leaf hung on the wrong side of the feeder cannot explain its voltages: the true tree must
     * win by far more than noise (a deviance difference of 25 is a likelihood ratio of e^12.5),
     * under the noise model estimated on either tree.
     */
    @Test
    void trueTreeBeatsAMisplacedLeaf() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(60)
                .withIntervalMinutes(60).withSeed(5).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        RadialTree tree = feeder.tree();
        List<String> order = tree.topDown();
        String leaf = order.get(order.size() - 1);
        String rootChild = tree.childrenOf(tree.root()).get(0);
        Map<String, String> parents = new HashMap<>(tree.parents());
        assertTrue(!parents.get(leaf).equals(rootChild), "the leaf must move");
        parents.put(leaf, rootChild);
        RadialTree wrong = new RadialTree(tree.root(), parents);
        TreeLikelihood likelihood = new TreeLikelihood(ImpedanceOptions.defaults());
        for (RadialTree base : List.of(tree, wrong)) {
            JointNoiseModel noise = likelihood.noiseModel(meters, base);
            double gap = likelihood.deviance(meters, wrong, noise).deviance() - likelihood.deviance(meters, tree, noise).deviance();
            assertTrue(gap > 25, "deviance(wrong) - deviance(true) = " + gap);
        }
    }

    /**
     * Gaps no longer cost intervals: with 1 % of the rows missing on ieee13 every interval keeps at
     * least two readings, so every interval and every voltage read enters the deviance.
     */
    @Test
    void gapsKeepEveryIntervalAndEveryReading() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(10)
                .withIntervalMinutes(60).withSeed(5).withNoiseVoltagePu(1e-4).withMissingFraction(0.01)).meters();
        LikelihoodReadings readings = LikelihoodReadings.of(meters, feeder.tree());
        assertTrue(readings.missingVoltages() > 0 && readings.filledLoads() > 0);
        TreeLikelihood likelihood = new TreeLikelihood(ImpedanceOptions.defaults());
        TreeDeviance d = likelihood.deviance(readings, feeder.tree(), likelihood.noiseModel(readings, feeder.tree()));
        assertEquals(meters.intervalCount(), d.intervals());
        assertEquals((long) feeder.tree().size() * meters.intervalCount() - readings.missingVoltages(), d.readings());
        assertEquals(readings.voltageReadings(), d.readings());
    }

    @Test
    void aTreeOverOtherBusesIsRefused() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(10)
                .withIntervalMinutes(60).withSeed(5).withNoiseVoltagePu(1e-4)).meters();
        RadialTree tree = feeder.tree();
        String leaf = tree.topDown().get(tree.size() - 1);
        Map<String, String> parents = new HashMap<>(tree.parents());
        parents.remove(leaf);
        LikelihoodReadings fewer = LikelihoodReadings.of(meters, new RadialTree(tree.root(), parents));
        TreeLikelihood likelihood = new TreeLikelihood(ImpedanceOptions.defaults());
        GrididException e = assertThrows(GrididException.class,
                () -> likelihood.deviance(fewer, tree, new JointNoiseModel(1, Map.of())));
        assertTrue(e.getMessage().contains("buses or root differ"), e.getMessage());
    }
}

package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standard errors of stage 2 without a conductor library, with the defaults (LS, bad-data
 * rejection, joint refinement), against the truth of simulated noisy data: neither too small (an
 * engineer would trust branches the data leave open) nor too large (the "not pinned down" warnings
 * would flag branches the data do pin down). The conductor library's case is
 * {@link ConductorTypesUnderNoiseTest}.
 */
class StandardErrorCalibrationTest {
    private static final long[] SEEDS = {1, 2, 3};
    /**
     * Share of r and x within two reported standard errors: 95.4 % for honest Gaussian errors. A
     * branch's r and x errors are strongly correlated (about &minus;0.98 at 1e-4 p.u.), so the 3 &times; 158
     * estimates count as about 237 independent ones; at that size fewer than 90 % covered has a
     * binomial probability of 0.03 % and more than 99 % of 0.1 %. Measured: 97 % (100, 97 and 95 %
     * per seed).
     */
    private static final double MIN_TWO_SE_COVERAGE = 0.90;
    private static final double MAX_TWO_SE_COVERAGE = 0.99;
    /**
     * Mean squared z-score of r and x: 1 when calibrated; 0.5 means standard errors 41 % too large,
     * 2 means 29 % too small. Wide because the errors of the branches on one path share the meters
     * that bound them, so a seed's mean moves more than independent z-scores would: measured 0.65 to
     * 0.95 per seed, 0.84 over the three.
     */
    private static final double MIN_MEAN_Z2 = 0.5;
    private static final double MAX_MEAN_Z2 = 2.0;

    @Test
    void twoStandardErrorsCoverTheTruthAtTheGaussianRate() throws Exception {
        Feeder feeder = TestFeeders.load("random:80");
        int covered = 0;
        int estimates = 0;
        double z2 = 0;
        for (long seed : SEEDS) {
            MeterData data = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                    .withIntervalMinutes(60).withSeed(seed).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005))
                    .meters();
            ImpedanceResult result = new ImpedanceEstimator(ImpedanceOptions.defaults()).estimate(data, feeder.tree());
            for (BranchEstimate e : result.branches()) {
                Branch t = feeder.branchTo(e.toBus());
                double zr = (e.rOhm() - t.rOhm()) / e.rStdErr();
                double zx = (e.xOhm() - t.xOhm()) / e.xStdErr();
                covered += (Math.abs(zr) <= 2 ? 1 : 0) + (Math.abs(zx) <= 2 ? 1 : 0);
                z2 += zr * zr + zx * zx;
                estimates += 2;
            }
        }
        double coverage = (double) covered / estimates;
        double meanZ2 = z2 / estimates;
        assertTrue(coverage >= MIN_TWO_SE_COVERAGE && coverage <= MAX_TWO_SE_COVERAGE, "2-SE coverage " + coverage);
        assertTrue(meanZ2 >= MIN_MEAN_Z2 && meanZ2 <= MAX_MEAN_Z2, "mean z² " + meanZ2);
    }
}

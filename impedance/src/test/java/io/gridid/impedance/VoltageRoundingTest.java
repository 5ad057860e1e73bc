package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.VoltageResolution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep on voltages that meters rounded to 0.1 V (on a 240 V base: 4.2e-4 p.u., more than most
 * of ieee69's branch drops): where both ends of a branch read the same value in most intervals, the
 * residuals of its fit tie and their median absolute deviation is zero, so a bad-data rejection
 * scaled by it alone dropped every interval that did not tie (12 % of ieee69's, leaving fits with
 * no residual at all where gaps kept the joint refinement away). Its scale is floored at the
 * rounding's own ({@link VoltageResolution}); real bad data are still dropped.
 */
class VoltageRoundingTest {
    private static Feeder feeder;
    private static MeterData rounded;

    @BeforeAll
    static void simulate() throws Exception {
        feeder = TestFeeders.load("ieee69");
        rounded = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(60)
                .withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)
                .withQuantizeVolts(0.1)).meters();
    }

    @Test
    void roundedVoltagesAreNotBadData() throws Exception {
        BottomUpSweep.Outcome sweep = new BottomUpSweep(ImpedanceOptions.defaults()).run(rounded, feeder.tree(),
                SweepProgress.NONE);
        long rejected = 0;
        long usable = 0;
        for (SweptBranch b : sweep.branches().values()) {
            rejected += b.rejected();
            usable += b.usable();
            assertTrue(b.fit().rmsResidual() > 0, b.fromBus() + "-" + b.toBus() + " fitted with no residual");
        }
        // Gaussian noise plus rounding's uniform error reach 5 robust standard deviations in well under
        // 1e-4 of the intervals; the scale without the floor dropped 0.12 of them here
        assertTrue(rejected < 1e-3 * usable, rejected + " of " + usable + " intervals rejected");
    }

    @Test
    void spikesAmongRoundedVoltagesAreStillRejected() throws Exception {
        // bus 30's meter reads 2 % high (48 steps of 0.1 V: still on the grid) in 20 intervals
        int m = rounded.indexOf("30");
        double[] v = rounded.voltagesKv(m);
        double step = VoltageResolution.step(v);
        assertTrue(step > 0, "the simulated readings lie on a grid");
        int spikes = 20;
        for (int k = 0; k < spikes; k++) {
            int t = 37 + 71 * k;
            v[t] += 48 * step;
        }
        MeterData.Builder b = MeterData.builder(rounded.meterIds(), rounded.epochSeconds());
        for (int i = 0; i < rounded.meterCount(); i++) {
            b.setColumns(i, i == m ? v : rounded.voltagesKv(i), rounded.activeMw(i), rounded.reactiveMvar(i),
                    rounded.intervalCount());
        }
        BottomUpSweep.Outcome sweep = new BottomUpSweep(ImpedanceOptions.defaults()).run(b.build(), feeder.tree(),
                SweepProgress.NONE);
        SweptBranch own = sweep.branches().get("30");
        // a 2 % spike (0.04 in u, p.u.) is about 100 robust standard deviations of the drop (rounding 3.4e-4
        // and noise 2.8e-4 of u): every one is beyond 5, and little else
        assertTrue(own.rejected() >= spikes, own.rejected() + " intervals rejected on 29-30");
        assertTrue(own.rejected() < spikes + 1e-3 * own.usable(), own.rejected() + " intervals rejected on 29-30");
    }
}

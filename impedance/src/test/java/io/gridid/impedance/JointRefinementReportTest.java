package io.gridid.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.solvers.fit.FitNorm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The joint refinement's report in {@link ImpedanceResult}: what ran, with which solver, and the
 * voltage noise it measured against the noise the simulation put in.
 */
class JointRefinementReportTest {
    /** Voltage noise of the simulation, p.u. of the base kV. */
    private static final double SIGMA_PU = 1e-4;
    /**
     * Allowed relative distance of the estimated &sigma;&sup2; from the simulated one: a variance
     * estimated from 240 intervals has a relative standard error of sqrt(2 / 240) = 9 %, and 0.3
     * is about three of those.
     */
    private static final double NOISE_TOLERANCE = 0.3;

    private static MeterData noisy(Feeder feeder, int days) throws GrididException {
        return MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withSeed(7).withNoiseVoltagePu(SIGMA_PU).withNoisePowerRelative(0.005)).meters();
    }

    /**
     * ieee13, 10 days hourly, &sigma;_v = 1e-4 p.u.: the refinement pools, with the dense solver (24
     * unknowns), over every reading but the rejected ones and every interval; the &sigma;&sup2; it
     * reports is that of u = |V|&sup2; under the simulated noise, 4|V|&sup2;&sigma;_V&sup2; averaged over
     * the readings (the delta method: du = 2|V| dV).
     */
    @Test
    void noisyVoltagesArePooledAndTheirNoiseMeasured() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = noisy(feeder, 10);
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true))
                .estimate(d, feeder.tree());
        JointRefinementReport report = r.jointRefinement();
        assertEquals(JointRefinementReport.Status.POOLED, report.status());
        assertTrue(report.pooled());
        JointRefinementReport.Pass free = report.free();
        assertEquals(JointRefinementReport.Solver.DENSE, free.solver());
        assertTrue(free.iterations() >= 1, free.toString());
        assertEquals((long) d.meterCount() * d.intervalCount() - free.rejectedReadings(), free.readings());
        assertEquals(d.intervalCount(), free.intervals());
        double sigmaKv = SIGMA_PU * feeder.baseKv();
        double expected = 0;
        for (int m = 0; m < d.meterCount(); m++) {
            for (int t = 0; t < d.intervalCount(); t++) {
                expected += 4 * d.vKv(m, t) * d.vKv(m, t) * sigmaKv * sigmaKv;
            }
        }
        expected /= (double) d.meterCount() * d.intervalCount();
        assertEquals(expected, free.voltageNoiseVariance(), NOISE_TOLERANCE * expected);
        assertNull(report.lengths());
    }

    /** With a conductor library the chosen types' lengths are refitted in a pass of their own. */
    @Test
    void libraryLengthsGetAPassOfTheirOwn() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true)
                .withConductors(ConductorLibrary.builtIn().types())).estimate(noisy(feeder, 10), feeder.tree());
        JointRefinementReport report = r.jointRefinement();
        assertEquals(JointRefinementReport.Status.POOLED, report.status());
        assertTrue(report.lengths().pooled());
        assertEquals(JointRefinementReport.Solver.DENSE, report.lengths().solver());
    }

    /** Switched off, or with LAD fits, the refinement is not asked for, and the report says so. */
    @Test
    void notRequestedWhenOffOrLad() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = noisy(feeder, 10);
        for (ImpedanceOptions o : List.of(ImpedanceOptions.defaults().withJointRefinement(false),
                ImpedanceOptions.defaults().withJointRefinement(true).withNorm(FitNorm.LAD))) {
            JointRefinementReport report = new ImpedanceEstimator(o).estimate(d, feeder.tree()).jointRefinement();
            assertEquals(JointRefinementReport.Status.NOT_REQUESTED, report.status(), o.toString());
            assertFalse(report.pooled());
            assertNull(report.free());
        }
    }

    /** The constructors without a report keep working and record none; inconsistent reports are refused. */
    @Test
    void legacyConstructorsAndContract() {
        assertSame(JointRefinementReport.NOT_RECORDED, new ImpedanceResult(List.of(), List.of()).jointRefinement());
        assertSame(JointRefinementReport.NOT_RECORDED, new ImpedanceResult(List.of(), List.of(), null).jointRefinement());
        JointRefinementReport.Pass pooled = new JointRefinementReport.Pass(true, JointRefinementReport.Solver.DENSE,
                3, 0, 1e-5, 100, 10, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> JointRefinementReport.notRun(JointRefinementReport.Status.POOLED));
        assertThrows(IllegalArgumentException.class, () -> new JointRefinementReport(
                JointRefinementReport.Status.NOT_REQUESTED, pooled, null));
        assertThrows(IllegalArgumentException.class, () -> new JointRefinementReport(
                JointRefinementReport.Status.NOTHING_TO_POOL, pooled, pooled));
        assertThrows(IllegalArgumentException.class, () -> new JointRefinementReport.Pass(false,
                JointRefinementReport.Solver.DENSE, 0, 0, 1e-5, 0, 0, Double.NaN));
        assertThrows(NullPointerException.class, () -> new ImpedanceResult(List.of(), List.of(), null, null));
    }
}

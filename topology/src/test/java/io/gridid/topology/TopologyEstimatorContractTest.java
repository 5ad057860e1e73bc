package io.gridid.topology;

import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cases every {@link TopologyEstimator} must pass (JGraphT style: each implementation's test
 * subclasses this with a factory). Exact AC data come from the project's power flow, so the true
 * tree is known; with exact data every estimator must find it exactly.
 */
abstract class TopologyEstimatorContractTest {
    /** Hourly intervals: a month, comfortably more than the 2n regressors of a 30-bus joint fit. */
    static final int MONTH = 720;

    abstract TopologyEstimator estimator();

    /**
     * Whether the estimator works on intervals with gaps (the physics search: a missing voltage
     * leaves out only the fits that need it, a missing load is estimated) rather than on the
     * complete intervals only (the regression-based estimators).
     */
    boolean worksWithGaps() {
        return false;
    }

    Topology run(Feeder f, MeterData data) throws GrididException {
        return estimator().estimate(FeederSeries.of(data, f.rootBus()));
    }

    @Test
    void findsTheExactTreeOfASmallBranchedFeederFromExactData() throws Exception {
        Feeder f = HandFeeders.small();
        Topology t = run(f, HandFeeders.simulate(f, 200, 1, false, 0));
        assertEquals(f.tree(), t.tree());
    }

    @Test
    void findsTheExactTreeOfARandom30BusFeederFromExactData() throws Exception {
        Feeder f = HandFeeders.random(30, 3, 0.5, 2.0);
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 4, false, 0));
        assertEquals(f.tree(), t.tree());
    }

    @Test
    void confidencesAreInTheUnitIntervalOnePerEdge() throws Exception {
        Feeder f = HandFeeders.random(20, 5, 0.5, 2.0);
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 6, false, 1e-4));
        assertEquals(20, t.confidence().size());
        for (double c : t.confidence().values()) {
            assertTrue(c >= 0 && c <= 1, "confidence " + c);
        }
    }

    @Test
    void intervalsWithMissingReadingsAreDroppedNotZeroFilled() throws Exception {
        Feeder f = HandFeeders.small();
        MeterData full = HandFeeders.simulate(f, 200, 7, false, 0);
        MeterData.Builder b = MeterData.builder(full.meterIds(), full.epochSeconds());
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < full.intervalCount(); t++) {
                b.set(m, t, full.vKv(m, t), full.pMw(m, t), full.qMvar(m, t));
            }
        }
        b.setActiveMw(3, 10, Double.NaN);
        b.setVoltageKv(5, 11, Double.NaN);
        Topology t = run(f, b.build());
        // exact data: a zero-filled P or V in any fit would leave a residual and could move a bus
        assertEquals(f.tree(), t.tree());
        if (worksWithGaps()) {
            assertEquals(200, t.diagnostics().intervalsUsed());
            assertTrue(t.diagnostics().warnings().stream().anyMatch(w -> w.code() == WarningCode.READINGS_MISSING),
                    t.diagnostics().warnings().toString());
        } else {
            assertEquals(198, t.diagnostics().intervalsUsed());
            assertTrue(t.diagnostics().warnings().stream().anyMatch(w -> w.code() == WarningCode.INTERVALS_DROPPED),
                    t.diagnostics().warnings().toString());
        }
    }

    @Test
    void isDeterministic() throws Exception {
        Feeder f = HandFeeders.random(20, 8, 0.5, 2.0);
        MeterData data = HandFeeders.simulate(f, MONTH, 9, false, 2e-4);
        Topology a = run(f, data);
        Topology b = run(f, data);
        assertEquals(a.tree(), b.tree());
        assertEquals(a.confidence(), b.confidence());
    }

    @Test
    void anUnknownRootIsAClearError() throws Exception {
        Feeder f = HandFeeders.small();
        MeterData data = HandFeeders.simulate(f, 50, 1, false, 0);
        GrididException e = assertThrows(GrididException.class, () -> estimator().estimate(FeederSeries.of(data, "nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}

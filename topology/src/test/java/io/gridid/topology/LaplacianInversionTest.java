package io.gridid.topology;

import io.gridid.model.Feeder;
import io.gridid.model.WarningCode;
import io.gridid.solvers.regression.RegressionPath;
import io.gridid.solvers.regression.SensitivityOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaplacianInversionTest extends TopologyEstimatorContractTest {
    @Override
    TopologyEstimator estimator() {
        return new LaplacianInversion(SensitivityOptions.defaults());
    }

    @Test
    void jointPathIsTakenWhenPowerFactorsVary() throws Exception {
        Feeder f = HandFeeders.random(30, 3, 0.5, 2.0);
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 4, false, 0));
        assertEquals(RegressionPath.JOINT, t.diagnostics().regressionPath());
        assertTrue(t.diagnostics().conditionNumber() < SensitivityOptions.DEFAULT_MAX_CONDITION_NUMBER);
    }

    @Test
    void uniformRxWithFixedPowerFactorsIsExactViaThePOnlyPath() throws Exception {
        Feeder f = HandFeeders.random(30, 11, 1.0, 1.0); // every branch x/r = 1
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 12, true, 0));
        assertEquals(RegressionPath.P_ONLY, t.diagnostics().regressionPath());
        assertEquals(f.tree(), t.tree());
        assertTrue(t.diagnostics().warnings().stream().noneMatch(w -> w.code() == WarningCode.P_ONLY_UNRELIABLE),
                t.diagnostics().warnings().toString());
    }

    @Test
    void stronglyHeterogeneousRxOnThePOnlyPathIsWarnedNotHidden() throws Exception {
        Feeder f = HandFeeders.random(30, 13, 0.2, 5.0); // cables beside overhead lines
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 14, true, 0));
        assertEquals(RegressionPath.P_ONLY, t.diagnostics().regressionPath());
        assertTrue(t.diagnostics().warnings().stream().anyMatch(w -> w.code() == WarningCode.P_ONLY_UNRELIABLE),
                t.diagnostics().warnings().toString());
    }
}

package io.gridid.topology;

import io.gridid.model.Feeder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhysicsSearchTest extends TopologyEstimatorContractTest {
    @Override
    TopologyEstimator estimator() {
        return new PhysicsSearch(PhysicsSearchOptions.defaults());
    }

    @Test
    void fixedPowerFactorsNeedNoSeparateRAndX() throws Exception {
        Feeder f = HandFeeders.random(30, 13, 0.2, 5.0);
        Topology t = run(f, HandFeeders.simulate(f, MONTH, 14, true, 0));
        assertEquals(f.tree(), t.tree());
        assertEquals("n/a", t.diagnostics().regressionPath());
    }
}

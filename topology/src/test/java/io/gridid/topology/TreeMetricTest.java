package io.gridid.topology;

import io.gridid.solvers.regression.SensitivityOptions;

class TreeMetricTest extends TopologyEstimatorContractTest {
    @Override
    TopologyEstimator estimator() {
        return new TreeMetric(SensitivityOptions.defaults());
    }
}

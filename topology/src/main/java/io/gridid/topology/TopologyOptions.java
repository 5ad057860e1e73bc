package io.gridid.topology;

import io.gridid.solvers.regression.SensitivityOptions;

import java.util.Objects;

/**
 * Parameters of a {@link TopologyIdentifier}.
 *
 * @param method      the estimator; default {@link TopologyMethod#PHYSICS_SEARCH}, chosen by
 *                    measurement (see the topology module README)
 * @param sensitivity regression parameters of the LAPLACIAN and TREE_METRIC estimators
 * @param search      parameters of the PHYSICS_SEARCH estimator
 */
public record TopologyOptions(TopologyMethod method, SensitivityOptions sensitivity, PhysicsSearchOptions search) {
    public TopologyOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(search, "search");
    }

    public static TopologyOptions defaults() {
        return new TopologyOptions(TopologyMethod.PHYSICS_SEARCH, SensitivityOptions.defaults(),
                PhysicsSearchOptions.defaults());
    }

    public TopologyOptions withMethod(TopologyMethod value) {
        return new TopologyOptions(value, sensitivity, search);
    }

    public TopologyOptions withSensitivity(SensitivityOptions value) {
        return new TopologyOptions(method, value, search);
    }

    public TopologyOptions withSearch(PhysicsSearchOptions value) {
        return new TopologyOptions(method, sensitivity, value);
    }

    /** The estimator these options select. */
    public TopologyEstimator estimator() {
        return switch (method) {
            case LAPLACIAN -> new LaplacianInversion(sensitivity);
            case TREE_METRIC -> new TreeMetric(sensitivity);
            case PHYSICS_SEARCH -> new PhysicsSearch(search);
        };
    }
}

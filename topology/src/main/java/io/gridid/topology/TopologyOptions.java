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
 * @param stabilityRuns 0: each estimator's own confidence figure; N &gt; 0: confidence = edge
 *                    stability over N random halves of the data ({@link EdgeStability}, N more
 *                    estimates on half the data each)
 * @param stabilityWarmStart true: each half's estimate starts from the tree found on all the data
 *                    ({@link TopologyEstimator#estimateFrom}), about half the cost; false (default):
 *                    from nothing, as on all the data, which separates right from wrong edges better
 *                    (docs/decisions/003-stability-halves.md)
 * @param hidden      the hidden-junction search after the metered tree ({@link HiddenJunctionSearch}); off by default
 */
public record TopologyOptions(TopologyMethod method, SensitivityOptions sensitivity, PhysicsSearchOptions search,
                              int stabilityRuns, boolean stabilityWarmStart, HiddenJunctionOptions hidden) {
    public TopologyOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(search, "search");
        if (stabilityRuns < 0) {
            throw new IllegalArgumentException("stabilityRuns must be >= 0");
        }
        Objects.requireNonNull(hidden, "hidden");
    }

    public static TopologyOptions defaults() {
        return new TopologyOptions(TopologyMethod.PHYSICS_SEARCH, SensitivityOptions.defaults(),
                PhysicsSearchOptions.defaults(), 0, false, HiddenJunctionOptions.defaults());
    }

    public TopologyOptions withMethod(TopologyMethod value) {
        return new TopologyOptions(value, sensitivity, search, stabilityRuns, stabilityWarmStart, hidden);
    }

    public TopologyOptions withSensitivity(SensitivityOptions value) {
        return new TopologyOptions(method, value, search, stabilityRuns, stabilityWarmStart, hidden);
    }

    public TopologyOptions withSearch(PhysicsSearchOptions value) {
        return new TopologyOptions(method, sensitivity, value, stabilityRuns, stabilityWarmStart, hidden);
    }

    public TopologyOptions withStabilityRuns(int value) {
        return new TopologyOptions(method, sensitivity, search, value, stabilityWarmStart, hidden);
    }

    public TopologyOptions withStabilityWarmStart(boolean value) {
        return new TopologyOptions(method, sensitivity, search, stabilityRuns, value, hidden);
    }

    public TopologyOptions withHidden(HiddenJunctionOptions value) {
        return new TopologyOptions(method, sensitivity, search, stabilityRuns, stabilityWarmStart, value);
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

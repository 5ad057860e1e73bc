package io.gridid.topology;

/** The topology estimators gridid offers. */
public enum TopologyMethod {
    /** {@link LaplacianInversion}: invert the regressed sensitivity matrix, maximum-weight spanning tree. */
    LAPLACIAN,
    /** {@link TreeMetric}: additive path-impedance metric from the sensitivities, minimum spanning tree. */
    TREE_METRIC,
    /** {@link PhysicsSearch}: greedy attachment and local search on exact branch-equation residuals. */
    PHYSICS_SEARCH
}

package io.gridid.solvers.regression;

/**
 * Which injections a sensitivity regression used as regressors.
 */
public enum RegressionPath {
    /** Active and reactive power: estimates R and X separately. */
    JOINT,
    /**
     * Active power only (P and Q too collinear to separate): estimates the effective matrix
     * M = R + X&middot;diag(&kappa;), &kappa;_k the bus's Q/P ratio.
     */
    P_ONLY
}

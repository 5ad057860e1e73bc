package io.gridid.solvers.fit;

/** The loss a branch fit minimises over the intervals. */
public enum FitNorm {
    /** Least absolute deviations: sum of |residual| (kV&sup2;); robust to gross bad readings. */
    LAD,
    /** Least squares: sum of residual&sup2; (kV&#8308;); efficient under Gaussian noise. */
    LS
}

package io.gridid.solvers.milp;

/** Outcome of a {@link ChoiceSolver} run. */
public enum ChoiceStatus {
    /** Proven optimal. */
    OPTIMAL,
    /** A feasible choice found, optimality not proven within the time limit. */
    FEASIBLE,
    /** The priors admit no choice at all. */
    INFEASIBLE
}

package io.gridid.solvers.milp;

/**
 * Parameters of a {@link ChoiceSolver}.
 *
 * @param timeLimitSeconds wall-time limit of one MILP solve, s (default 30); when reached the best
 *                         choice found so far is returned as {@link ChoiceStatus#FEASIBLE}
 */
public record ChoiceSolverOptions(double timeLimitSeconds) {
    public ChoiceSolverOptions {
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("timeLimitSeconds must be positive: " + timeLimitSeconds);
        }
    }

    public static ChoiceSolverOptions defaults() {
        return new ChoiceSolverOptions(30);
    }

    public ChoiceSolverOptions withTimeLimitSeconds(double value) {
        return new ChoiceSolverOptions(value);
    }
}

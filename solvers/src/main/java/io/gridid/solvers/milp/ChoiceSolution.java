package io.gridid.solvers.milp;

import java.util.List;
import java.util.Objects;

/**
 * The chosen option of every item.
 *
 * @param status    OPTIMAL, FEASIBLE, or INFEASIBLE (then {@code chosen} is empty and the cost NaN)
 * @param chosen    per item, the index of its chosen option in {@link ChoiceProblem#items()}
 * @param totalCost sum of the chosen options' costs
 * @param solver    what solved it: "argmin" (no binding prior: cheapest option per item, no MILP),
 *                  or the OR-Tools backend, e.g. "SCIP"
 */
public record ChoiceSolution(ChoiceStatus status, List<Integer> chosen, double totalCost, String solver) {
    public ChoiceSolution {
        Objects.requireNonNull(status, "status");
        chosen = List.copyOf(chosen);
        Objects.requireNonNull(solver, "solver");
    }

    /** True when a choice was found (OPTIMAL or FEASIBLE). */
    public boolean feasible() {
        return status != ChoiceStatus.INFEASIBLE;
    }

    /** Index of the chosen option of item {@code item}. */
    public int optionOf(int item) {
        return chosen.get(item);
    }
}

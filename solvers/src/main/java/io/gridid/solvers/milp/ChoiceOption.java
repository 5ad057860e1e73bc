package io.gridid.solvers.milp;

/**
 * One candidate for an item of a {@link ChoiceProblem}.
 *
 * @param kind what the option is, e.g. a conductor-type index (&ge; 0); kinds are shared across items
 * @param cost the cost of choosing it, e.g. a branch-fit objective (finite; any unit, the same for all)
 */
public record ChoiceOption(int kind, double cost) {
    public ChoiceOption {
        if (kind < 0) {
            throw new IllegalArgumentException("kind must be non-negative: " + kind);
        }
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("cost must be finite: " + cost);
        }
    }
}

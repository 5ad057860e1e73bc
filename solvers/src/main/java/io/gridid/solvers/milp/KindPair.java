package io.gridid.solvers.milp;

/**
 * A forbidden combination across a link: the parent item may not take an option of kind
 * {@code parentKind} while the child takes one of kind {@code childKind} (e.g. "a larger conductor
 * below a smaller one").
 */
public record KindPair(int parentKind, int childKind) {
    public KindPair {
        if (parentKind < 0 || childKind < 0) {
            throw new IllegalArgumentException("kinds must be non-negative: " + parentKind + ", " + childKind);
        }
    }
}

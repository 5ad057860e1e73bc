package io.gridid.solvers.fit;

import io.gridid.model.GrididException;

import java.util.List;

/** The convex relaxation of one branch fit with the cone replaced by a finite set of tangent cuts. */
interface RelaxedProblem {
    /**
     * Minimises the relaxed objective over r, x, w &ge; 0 subject to the cuts.
     *
     * @param cuts tangent cuts (not modified)
     * @return {@code {r, x, w}} in ohm, ohm, ohm&sup2;
     * @throws GrididException when the solver fails on this data
     */
    double[] solve(List<TangentCut> cuts) throws GrididException;

    /**
     * A point (r, x, w) in ohm, ohm, ohm&sup2; near the relaxed optimum known before any solve, or null.
     * When it violates the cone, a tangent cut there saves the first solve-and-cut round.
     */
    default double[] startingPoint() {
        return null;
    }
}

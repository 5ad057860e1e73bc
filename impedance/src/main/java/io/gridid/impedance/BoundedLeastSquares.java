package io.gridid.impedance;

/**
 * Least squares with &phi; &ge; 0 by an active set over a {@link NormalEquationsSolver}: a component
 * that comes out negative is fixed at 0 and the rest re-solved; components are never released.
 * At most {@link #MAX_ACTIVE_SET_ROUNDS} solves.
 */
final class BoundedLeastSquares {
    /** Active-set rounds at most (each fixes the newly negative components at 0). */
    static final int MAX_ACTIVE_SET_ROUNDS = 6;

    private BoundedLeastSquares() {
    }

    /**
     * A solution.
     *
     * @param phi        the unknowns (fixed ones 0)
     * @param fixed      the components held at 0
     * @param iterations the solver's work summed over the rounds
     */
    record Solved(double[] phi, boolean[] fixed, int iterations) {
    }

    /**
     * Solves from {@code start}.
     *
     * @param start   the start (not modified; negative components start at 0)
     * @param fixedIn components already held at 0 (not modified)
     * @param bounded false: one unconstrained solve, no component fixed for its sign
     */
    static Solved solve(NormalEquationsSolver.Pass pass, double[] start, boolean[] fixedIn, boolean bounded) {
        int m = start.length;
        boolean[] fixed = fixedIn.clone();
        double[] phi = start.clone();
        for (int i = 0; i < m; i++) {
            if (fixed[i] || phi[i] < 0) {
                phi[i] = 0;
            }
        }
        int iterations = 0;
        for (int round = 0; round < MAX_ACTIVE_SET_ROUNDS; round++) {
            iterations += pass.solve(phi, fixed);
            if (!bounded) {
                break;
            }
            boolean changed = false;
            for (int i = 0; i < m; i++) {
                if (!fixed[i] && phi[i] < 0) {
                    fixed[i] = true;
                    phi[i] = 0;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < m; i++) {
            if (fixed[i]) {
                phi[i] = 0;
            }
        }
        return new Solved(phi, fixed, iterations);
    }
}

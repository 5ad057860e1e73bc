package io.gridid.impedance;

import org.ejml.data.DMatrixRMaj;

/**
 * Solves a {@link JointProblem}'s normal equations K&phi; = b over the free components (the fixed ones
 * held at 0), for {@link BoundedLeastSquares}. Two implementations, chosen by size in
 * {@link #choose} only: {@link DenseNormalEquations} (K formed once, O(T&middot;m&sup2;), and factorised
 * per solve, O(m&sup3;); gives the standard errors) and {@link ConjugateGradientSolver} (O(N&middot;T)
 * per iteration, memory O(N&middot;T); no standard errors).
 */
interface NormalEquationsSolver {
    /**
     * Largest number of unknowns solved with the dense normal matrix: forming it grows as
     * T&middot;m&sup2; against N&middot;T per conjugate-gradient iteration, and up to this size the dense solve
     * was the faster one and gives the standard errors (docs/decisions/002).
     */
    int DENSE_MAX_UNKNOWNS = 400;

    /** Whether {@code unknowns} are solved densely given the switch point {@code denseMaxUnknowns}. */
    static boolean dense(int unknowns, int denseMaxUnknowns) {
        return unknowns <= denseMaxUnknowns;
    }

    /**
     * The solver for {@code problem}: dense up to {@code denseMaxUnknowns} unknowns, else CG.
     *
     * @param sigma2 the voltage-noise variance, kV&#8308; (CG's stopping rule)
     */
    static NormalEquationsSolver choose(JointProblem problem, int denseMaxUnknowns, double sigma2) {
        return dense(problem.unknowns(), denseMaxUnknowns) ? DenseNormalEquations.of(problem)
                : new ConjugateGradientSolver(problem, sigma2);
    }

    /** One solve of the problem as its readings are now: moves &phi; to the solution over the free components. */
    interface Pass {
        /**
         * @param phi   start (fixed components 0); modified: the solution
         * @param fixed components held at 0 (not modified)
         * @return the work done: refinement steps (dense) or iterations (CG)
         */
        int solve(double[] phi, boolean[] fixed);
    }

    /** A pass for the problem's readings as they are now (right-hand side, preconditioner). */
    Pass prepare();

    /** Whether this is the dense solver. */
    boolean dense();

    /** K&#8315;&sup1; of the unconstrained problem (in units of 1/&sigma;&sup2;), or null where not formed. */
    DMatrixRMaj inverse();
}

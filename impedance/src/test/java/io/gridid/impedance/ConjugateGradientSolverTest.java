package io.gridid.impedance;

/** {@link ConjugateGradientSolver} against the solvers' contract (no voltage noise: it stops on the relative residual). */
class ConjugateGradientSolverTest extends NormalEquationsSolverContract {
    @Override
    NormalEquationsSolver solver(JointProblem problem) {
        return new ConjugateGradientSolver(problem, 0);
    }
}

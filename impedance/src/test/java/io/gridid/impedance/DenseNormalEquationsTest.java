package io.gridid.impedance;

/** {@link DenseNormalEquations} against the solvers' contract. */
class DenseNormalEquationsTest extends NormalEquationsSolverContract {
    @Override
    NormalEquationsSolver solver(JointProblem problem) {
        return DenseNormalEquations.of(problem);
    }
}

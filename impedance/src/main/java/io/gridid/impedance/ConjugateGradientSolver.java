package io.gridid.impedance;

import org.ejml.data.DMatrixRMaj;

/**
 * Preconditioned conjugate gradients on the joint normal equations, one matrix-free product per
 * iteration (O(N&middot;T)) with the {@link BlockPreconditioner}. Deterministic as the products are.
 */
final class ConjugateGradientSolver implements NormalEquationsSolver {
    /**
     * Stop at the latest when the preconditioned residual norm falls below this share of the
     * right-hand side's (a numerical floor; {@link #CG_CHI2} gives the usual stop).
     */
    static final double CG_TOLERANCE = 1e-10;
    /**
     * Stop when the remaining error r&#7488;M&#8315;&sup1;r (about (&theta; &minus; &theta;*)&#7488;K(&theta; &minus; &theta;*), the
     * estimate's sampling error being &sigma;&sup2;&chi;&sup2;_m in that norm) is below this many &sigma;&sup2;: every
     * parameter's iteration error is then at most &radic;CG_CHI2 = a tenth of its standard error.
     */
    static final double CG_CHI2 = 0.01;
    /** Iteration cap: a safeguard against a stalled iteration (convergence takes far fewer). */
    static final int MAX_CG_ITERATIONS = 2000;

    private final JointProblem problem;
    private final double sigma2;

    /** @param sigma2 the voltage-noise variance, kV&#8308; */
    ConjugateGradientSolver(JointProblem problem, double sigma2) {
        this.problem = problem;
        this.sigma2 = sigma2;
    }

    @Override
    public Pass prepare() {
        BlockPreconditioner pre = BlockPreconditioner.of(problem);
        double[] b = problem.rightHandSide();
        return (phi, fixed) -> solve(pre, b.clone(), phi, fixed);
    }

    private int solve(BlockPreconditioner pre, double[] rhs, double[] phi, boolean[] fixed) {
        int m = phi.length;
        double[] res = JointProblem.minus(rhs, problem.times(phi));
        JointProblem.mask(res, fixed);
        JointProblem.mask(rhs, fixed);
        double[] z = pre.apply(res, fixed);
        double[] zb = pre.apply(rhs, fixed);
        double bNorm = Math.sqrt(Math.max(dot(rhs, zb), 0));
        double rz = dot(res, z);
        double[] p = z.clone();
        int it = 0;
        double stop = Math.max(CG_TOLERANCE * bNorm, Math.sqrt(CG_CHI2 * sigma2));
        while (it < MAX_CG_ITERATIONS && Math.sqrt(Math.max(rz, 0)) > stop) {
            double[] q = problem.times(p);
            JointProblem.mask(q, fixed);
            double pq = dot(p, q);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rz / pq;
            for (int i = 0; i < m; i++) {
                phi[i] += alpha * p[i];
                res[i] -= alpha * q[i];
            }
            z = pre.apply(res, fixed);
            double rzNew = dot(res, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < m; i++) {
                p[i] = z[i] + beta * p[i];
            }
            it++;
        }
        return it;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public boolean dense() {
        return false;
    }

    @Override
    public DMatrixRMaj inverse() {
        return null;
    }
}

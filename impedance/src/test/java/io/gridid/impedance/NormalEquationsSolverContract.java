package io.gridid.impedance;

import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link NormalEquationsSolver} must do, on the exact 3-bus chain of
 * {@link JointRefinementTest} (voltages from the branch equation with known r, x; no noise)
 * linearised at the truth, where the normal equations' solution is the truth itself.
 */
abstract class NormalEquationsSolverContract {
    /**
     * Relative distance from the truth allowed: the targets are exact up to rounding of u (about
     * 1e-16 of 150 kV&sup2;), which the 4-unknown normal matrix amplifies by its condition; CG stops at
     * 1e-10 of the right-hand side's norm. 1e-6 sits far above both and far below any modelling error.
     */
    static final double SOLVED = 1e-6;

    /** The solver under test for {@code problem}. */
    abstract NormalEquationsSolver solver(JointProblem problem);

    private static JointProblem exactChainAtTruth() {
        MeterData d = JointRefinementTest.chain(JointRefinementTest.loads(), 0, 1);
        RadialTree tree = JointRefinementTest.chainTree();
        TreeLayout lay = new TreeLayout(tree);
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            boolean first = lay.buses.get(k).equals("1");
            r[k] = first ? JointRefinementTest.R1 : JointRefinementTest.R2;
            x[k] = first ? JointRefinementTest.X1 : JointRefinementTest.X2;
        }
        LinearisedModel lin = LinearisedModel.of(d, tree, lay, null, r, x, false);
        double[] none = new double[lay.n];
        JointParameters par = new JointParameters(lay, nan(lay.n), nan(lay.n));
        return new JointProblem(new TreeSmoother(lin, none), par, false);
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** The truth in the layout's unknowns (r, x of the branch to the first bus listed, then the second). */
    private static double[] truth(JointProblem p) {
        double[] t = new double[p.unknowns()];
        TreeLayout lay = new TreeLayout(JointRefinementTest.chainTree());
        for (int k = 1; k < lay.n; k++) {
            boolean first = lay.buses.get(k).equals("1");
            t[p.par.col[k]] = first ? JointRefinementTest.R1 : JointRefinementTest.R2;
            t[p.par.col[k] + 1] = first ? JointRefinementTest.X1 : JointRefinementTest.X2;
        }
        return t;
    }

    @Test
    void solvesTheExactProblemToTheTruthFromAStartOff() {
        JointProblem p = exactChainAtTruth();
        double[] truth = truth(p);
        double[] phi = new double[truth.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = truth[i] * (i % 2 == 0 ? 1.2 : 0.8);
        }
        int work = solver(p).prepare().solve(phi, new boolean[phi.length]);
        assertTrue(work >= 1, "some work was done");
        for (int i = 0; i < phi.length; i++) {
            assertEquals(truth[i], phi[i], SOLVED * truth[i], "unknown " + i);
        }
    }

    /**
     * With a component held at 0 the others solve the restricted normal equations: the free
     * components of K&phi; &minus; b vanish (the matrix-free product, independent of how the solver
     * works), and the held one stays exactly 0.
     */
    @Test
    void fixedComponentStaysAtZeroAndTheRestIsOptimal() {
        JointProblem p = exactChainAtTruth();
        double[] phi = truth(p);
        boolean[] fixed = new boolean[phi.length];
        fixed[3] = true;
        phi[3] = 0;
        solver(p).prepare().solve(phi, fixed);
        assertEquals(0.0, phi[3], 0.0);
        double[] b = p.rightHandSide();
        double[] g = JointProblem.minus(p.times(phi), b);
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, g[i], SOLVED * scale, "gradient of free unknown " + i);
        }
    }
}

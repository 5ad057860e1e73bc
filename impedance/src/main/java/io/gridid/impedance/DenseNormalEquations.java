package io.gridid.impedance;

import io.gridid.solvers.regression.ColumnProducts;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.stream.IntStream;

/**
 * The joint normal matrix formed densely as W &#8728; M (the edge-difference precision times the flow
 * moments), once, on the readings as they are when it is built: exact when every interval used has
 * every reading, else the preconditioner of an iterative refinement on the matrix-free residual
 * (the steps contract by the share of readings missing or dropped). Forming costs O(T&middot;m&sup2;),
 * each solve a Cholesky factorisation, O(m&sup3;).
 */
final class DenseNormalEquations implements NormalEquationsSolver {
    /** Iterative-refinement steps at most per solve. */
    static final int MAX_REFINEMENT_STEPS = 8;
    /**
     * A refinement step smaller than this share of the largest unknown ends the solve: far below
     * the ~1e-4 relative accuracy of noise-free recovery.
     */
    static final double REFINEMENT_TOLERANCE = 1e-9;

    private final JointProblem problem;
    private final int m;
    private final double[] k; // full symmetric, row-major
    /** Every interval used had every reading when K was formed. */
    private final boolean everyReading;
    /** The model's dropped readings when K was formed: K stays exact only while none is dropped since. */
    private final int droppedAtFormation;

    private DenseNormalEquations(JointProblem problem, double[] k, boolean everyReading) {
        this.problem = problem;
        this.m = problem.unknowns();
        this.k = k;
        this.everyReading = everyReading;
        this.droppedAtFormation = problem.model().dropped();
    }

    /** Forms K for the problem's readings as they are now. */
    static DenseNormalEquations of(JointProblem problem) {
        LinearisedModel lin = problem.model();
        JointParameters par = problem.par;
        double[] kappa = problem.smoother.kappa;
        int n = lin.n;
        int e = n - 1;
        int mt = 2 * e; // (r, x) per branch
        DMatrixRMaj wm = edgePrecision(lin.parent, kappa);
        // M = sum_t F_t F_t^T with F_t = (a_c, b_c) per branch: column products over the intervals
        // with at least two readings (the others' columns stay 0), blocked in cache (ColumnProducts)
        int tn = lin.t;
        double[][] cols = new double[mt][tn];
        for (int t = 0; t < tn; t++) {
            if (lin.readings(t) < 2) {
                continue;
            }
            int base = t * n;
            for (int q = 1; q < n; q++) {
                cols[2 * q - 2][t] = lin.a[base + q];
                cols[2 * q - 1][t] = lin.b[base + q];
            }
        }
        double[][] upper = ColumnProducts.upper(cols, mt, problem.parallel);
        double[] kt = new double[mt * mt];
        for (int j = 0; j < mt; j++) {
            for (int i = j; i < mt; i++) {
                kt[i * mt + j] = upper[j][i - j];
            }
        }
        for (int i = 0; i < mt; i++) {
            double[] wrow = wm.data;
            int ei = i / 2;
            for (int j = 0; j <= i; j++) {
                double v = kt[i * mt + j] * wrow[ei * e + j / 2];
                kt[i * mt + j] = v;
                kt[j * mt + i] = v;
            }
        }
        boolean everyReading = true;
        for (int t = 0; t < lin.t && everyReading; t++) {
            everyReading = lin.readings(t) < 2 || problem.smoother.uniform(t);
        }
        return new DenseNormalEquations(problem, reduce(kt, mt, par), everyReading);
    }

    /** W = (B B&#7488; + diag &kappa;)&#8315;&sup1;: the edge differences' noise precision when every bus is read. */
    private static DMatrixRMaj edgePrecision(int[] parent, double[] kappa) {
        int n = parent.length;
        int e = n - 1;
        DMatrixRMaj cov = new DMatrixRMaj(e, e);
        int[] firstChild = new int[n];
        int[] nextSibling = new int[n];
        java.util.Arrays.fill(firstChild, -1);
        java.util.Arrays.fill(nextSibling, -1);
        for (int c = n - 1; c >= 1; c--) {
            nextSibling[c] = firstChild[parent[c]];
            firstChild[parent[c]] = c;
        }
        for (int c = 1; c < n; c++) {
            cov.set(c - 1, c - 1, 2 + kappa[c]);
            int p = parent[c];
            if (p >= 1) {
                cov.set(c - 1, p - 1, -1);
                cov.set(p - 1, c - 1, -1);
            }
            for (int g = nextSibling[c]; g >= 1; g = nextSibling[g]) {
                cov.set(c - 1, g - 1, 1);
                cov.set(g - 1, c - 1, 1);
            }
        }
        DMatrixRMaj wm = new DMatrixRMaj(e, e);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(e);
        if (!chol.setA(cov)) {
            throw new IllegalStateException("edge-difference covariance not positive definite");
        }
        chol.invert(wm);
        return wm;
    }

    /** K_&phi; = B&#7488; K B: the (r, x) matrix {@code kt} reduced to the unknowns (itself when all are free). */
    private static double[] reduce(double[] kt, int mt, JointParameters par) {
        int m = par.m;
        if (m == mt) {
            return kt;
        }
        double[] coef = new double[mt];
        int[] to = new int[mt];
        for (int q = 1; q < par.col.length; q++) {
            int c = par.col[q];
            boolean typed = par.typed(q);
            to[2 * q - 2] = c;
            coef[2 * q - 2] = typed ? par.cr[q] : 1;
            to[2 * q - 1] = typed ? c : c + 1;
            coef[2 * q - 1] = typed ? par.cx[q] : 1;
        }
        double[] kp = new double[m * m];
        for (int i = 0; i < mt; i++) {
            int ri = to[i] * m;
            double ci = coef[i];
            for (int j = 0; j < mt; j++) {
                kp[ri + to[j]] += ci * coef[j] * kt[i * mt + j];
            }
        }
        return kp;
    }

    @Override
    public Pass prepare() {
        // with the exact normal matrix one step solves the problem; else refine on the true residual
        boolean exact = everyReading && problem.model().dropped() == droppedAtFormation;
        double[] b = problem.rightHandSide();
        return (phi, fixed) -> {
            int steps = 0;
            for (int step = 0; step < MAX_REFINEMENT_STEPS; step++) {
                double[] g = JointProblem.minus(b, exact ? times(phi) : problem.times(phi));
                JointProblem.mask(g, fixed);
                double[] delta = solve(g, fixed);
                double big = 0;
                double change = 0;
                for (int i = 0; i < m; i++) {
                    phi[i] += delta[i];
                    big = Math.max(big, Math.abs(phi[i]));
                    change = Math.max(change, Math.abs(delta[i]));
                }
                steps++;
                if (exact || change <= REFINEMENT_TOLERANCE * big) {
                    break;
                }
            }
            return steps;
        };
    }

    @Override
    public boolean dense() {
        return true;
    }

    /** K&phi; with the formed matrix (phi not modified). O(m&sup2;). */
    double[] times(double[] phi) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double acc = 0;
            for (int j = 0; j < m; j++) {
                acc += k[i * m + j] * phi[j];
            }
            out[i] = acc;
        }
        return out;
    }

    /** Solves K&delta; = g over the free components (fixed ones 0); returns all components. */
    double[] solve(double[] g, boolean[] fixed) {
        int[] free = IntStream.range(0, m).filter(i -> !fixed[i]).toArray();
        int f = free.length;
        double[] out = new double[m];
        if (f == 0) {
            return out;
        }
        DMatrixRMaj a = new DMatrixRMaj(f, f);
        DMatrixRMaj b = new DMatrixRMaj(f, 1);
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                a.set(i, j, k[free[i] * m + free[j]]);
            }
            b.set(i, 0, g[free[i]]);
        }
        DMatrixRMaj sol = new DMatrixRMaj(f, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(f);
        if (!solver.setA(a)) {
            solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            solver.setA(a);
        }
        solver.solve(b, sol);
        for (int i = 0; i < f; i++) {
            out[free[i]] = sol.get(i, 0);
        }
        return out;
    }

    /** K&#8315;&sup1; of the unconstrained problem (all components free); NaN where K is not positive definite. */
    @Override
    public DMatrixRMaj inverse() {
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        System.arraycopy(k, 0, a.data, 0, m * m);
        DMatrixRMaj inv = new DMatrixRMaj(m, m);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m);
        if (!solver.setA(a)) {
            java.util.Arrays.fill(inv.data, Double.NaN);
            return inv;
        }
        solver.invert(inv);
        return inv;
    }
}

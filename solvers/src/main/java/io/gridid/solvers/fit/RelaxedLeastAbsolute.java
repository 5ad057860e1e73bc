package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;
import io.gridid.solvers.linear.GramSums;
import io.gridid.solvers.linear.LinearSystem3;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

import java.util.Arrays;
import java.util.List;

/**
 * The least-absolute-deviations relaxation {@code min sum |y - a r - b x - c w|} over r, x, w &ge; 0
 * and tangent cuts, as an LP solved by ojAlgo's {@link LinearSolver} (built directly in standard
 * form; the ExpressionsBasedModel front end was ~3x slower here), made cheap by a
 * <em>sign-safe trust region</em>.
 *
 * <p>A plain LP needs two residual variables per interval (T up to 35,040) and ojAlgo's dense
 * tableau makes that far too slow. Here the LP is solved inside a box around a centre &theta;c
 * (first the iteratively-reweighted least-squares (IRLS) estimate). The box half-widths are
 * s&middot;d_k with d_k the least-squares standard-error shape sqrt(diag(G&#8315;&sup1;)) of the scaled
 * columns, and s chosen so that only a working set U of about {@link #WORKING_SET_SHARE} of the
 * intervals can change residual sign inside the box: an interval t outside U has
 * |e_t(&theta;c)| &gt; s &Sigma;_k |col_tk| d_k, so its |e_t| is the linear function s_t e_t throughout the box and
 * folds into three objective coefficients. The reduced LP is therefore the <em>exact</em> LAD
 * problem restricted to the box. If its optimum is interior to the box it is the global optimum
 * (the objective is convex); otherwise the box is re-centred there with a larger working set
 * (at most {@link #MAX_WORKING_SET}) and solved again. The objective never increases between
 * rounds. After a new cut the centre is first lifted in w onto the cuts, so the box stays feasible.
 *
 * <p>Scaling as in {@link RelaxedLeastSquares}: columns divided by their RMS.
 */
final class RelaxedLeastAbsolute implements RelaxedProblem {
    /** Working-set share of all rows. */
    static final double WORKING_SET_SHARE = 0.005;
    /** Smallest working set: several times the three rows an LAD vertex interpolates. */
    static final int MIN_WORKING_SET = 30;
    /**
     * A box half-width below this fraction of (1 + |theta|) is numerical noise: a bound hit there
     * does not count as active (the optimum is pinned to solver resolution).
     */
    static final double BOX_RESOLUTION = 1e-10;
    /** IRLS is O(T) per iteration, cheap next to an LP: iterate until the start barely moves. */
    private static final int IRLS_ITERATIONS = 30;
    private static final double IRLS_CONVERGED = 1e-8;
    /**
     * IRLS weights 1/max(|e|, floor) with floor = this share of the median least-squares |residual|:
     * a floor near zero lets IRLS lock onto a few rows and stall away from the LAD optimum; this
     * one keeps it within a small fraction of the noise, far inside the first trust box.
     */
    private static final double IRLS_RELATIVE_FLOOR = 1e-3;
    /** Absolute IRLS floor, scaled residual units (noise-free data). */
    private static final double IRLS_FLOOR = 1e-9;
    /**
     * Largest working set: ojAlgo's dense simplex costs grow faster than cubically with the LP's
     * rows (each fourfold size costs 5-10 times, then 30-60 times more); past this size an on-box
     * optimum only moves the box, it does not grow it.
     */
    static final int MAX_WORKING_SET = 160;
    private static final int MAX_ROUNDS = 200;
    /** Relative objective decrease below which an on-box LP optimum is no better than the centre. */
    static final double DEGENERATE_GAIN = 1e-12;
    /**
     * Ridge of the scaled Gram matrix (entries of order 1), relative to its diagonal, in the IRLS
     * solves and the box shape: keeps collinear columns (a fixed power factor) solvable while
     * changing a regular system only in its last digits.
     */
    static final double GRAM_RIDGE = 1e-12;

    private final int n;
    private final double[] ys;
    private final double[][] cols;
    private final double kr;
    private final double kx;
    private final double kw;
    /** Standard-error shape of the scaled parameters: box half-width = s * shape. */
    private final double[] shape = new double[3];
    private double[] centre;
    private int workingTarget;
    private int lpSolves;

    RelaxedLeastAbsolute(FitRows rows) {
        OjAlgoQuiet.ensure();
        this.n = rows.n;
        this.kr = rows.sy / rows.sa;
        this.kx = rows.sy / rows.sb;
        this.kw = rows.sy / rows.sc;
        this.ys = new double[n];
        this.cols = new double[3][n];
        for (int t = 0; t < n; t++) {
            ys[t] = rows.y[t] / rows.sy;
            cols[0][t] = rows.a[t] / rows.sa;
            cols[1][t] = rows.b[t] / rows.sb;
            cols[2][t] = rows.c[t] / rows.sc;
        }
        double[][] g = gram(null);
        for (int k = 0; k < 3; k++) {
            double[] unit = new double[3];
            unit[k] = 1;
            double[] col = LinearSystem3.solve(g, unit, GRAM_RIDGE);
            shape[k] = Math.sqrt(Math.max(col[k], 0) * n);
            if (!(shape[k] > 0) || !Double.isFinite(shape[k])) {
                shape[k] = 1;
            }
        }
        this.centre = irlsStart();
        for (int k = 0; k < 3; k++) {
            centre[k] = Math.max(0, centre[k]);
        }
        this.workingTarget = Math.min(n, Math.min(MAX_WORKING_SET,
                Math.max(MIN_WORKING_SET, (int) Math.ceil(WORKING_SET_SHARE * n))));
    }

    @Override
    public double[] startingPoint() {
        return new double[] {centre[0] * kr, centre[1] * kx, centre[2] * kw};
    }

    /** LP solves so far (for diagnostics and benchmarks). */
    int lpSolves() {
        return lpSolves;
    }

    @Override
    public double[] solve(List<TangentCut> cuts) throws GrididException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            liftOntoCuts(cuts);
            double[] e = residuals(centre);
            double[] ratio = new double[n];
            for (int t = 0; t < n; t++) {
                double reach = Math.abs(cols[0][t]) * shape[0] + Math.abs(cols[1][t]) * shape[1]
                        + Math.abs(cols[2][t]) * shape[2];
                ratio[t] = reach > 0 ? Math.abs(e[t]) / reach : Double.POSITIVE_INFINITY;
            }
            boolean everything = workingTarget >= n; // tiny data: the full LP
            double s;
            if (everything) {
                s = Double.POSITIVE_INFINITY;
            } else {
                double[] copy = ratio.clone();
                s = Median.select(copy, n, workingTarget - 1);
            }
            double[] lo = new double[3];
            double[] hi = new double[3];
            for (int k = 0; k < 3; k++) {
                double half = s * shape[k];
                lo[k] = Math.max(0, centre[k] - half);
                hi[k] = centre[k] + half;
            }
            double[] theta = solveReduced(cuts, e, ratio, s, lo, hi);
            if (theta == null) { // only by round-off: the lifted centre is feasible
                workingTarget = Math.min(MAX_WORKING_SET, 2 * workingTarget);
                continue;
            }
            boolean onBox = false;
            for (int k = 0; k < 3; k++) {
                double half = s * shape[k];
                if (half <= BOX_RESOLUTION * (1 + Math.abs(centre[k]))) {
                    continue;
                }
                double tol = 1e-7 * half;
                if (theta[k] >= hi[k] - tol || (lo[k] > 0 && theta[k] <= lo[k] + tol)) {
                    onBox = true;
                }
            }
            double before = objective(centre);
            double after = objective(theta);
            if (onBox && !everything && after >= before - DEGENERATE_GAIN * Math.max(before, Double.MIN_NORMAL)) {
                // no better point in the box than its centre, which is interior (or on r, x, w = 0):
                // the centre is optimal in the box, hence globally (convexity); the on-box vertex
                // is an alternative optimum of a degenerate LP
                return new double[] {centre[0] * kr, centre[1] * kx, centre[2] * kw};
            }
            centre = theta;
            if (!onBox || everything) {
                return new double[] {theta[0] * kr, theta[1] * kx, theta[2] * kw};
            }
            workingTarget = Math.min(Math.max(MAX_WORKING_SET, workingTarget), workingTarget * 3 / 2);
        }
        throw new GrididException("least-absolute-deviations branch fit did not settle after "
                + MAX_ROUNDS + " LP rounds");
    }

    /**
     * Raises the centre's omega (w) until every cut holds, so the box around it meets the feasible
     * set (a tangent cut always has a positive w coefficient).
     */
    private void liftOntoCuts(List<TangentCut> cuts) {
        for (TangentCut cut : cuts) {
            ScaledCut sc = ScaledCut.of(cut, kr, kx, kw);
            double need = (sc.rhs() - sc.cr() * centre[0] - sc.cx() * centre[1]) / sc.cw();
            if (centre[2] < need) {
                centre[2] = need * (1 + 1e-12) + 1e-15;
            }
        }
    }

    /** The exact LAD problem restricted to the box; null when the box misses the feasible set. */
    private double[] solveReduced(List<TangentCut> cuts, double[] e, double[] ratio, double s,
                                  double[] lo, double[] hi) throws GrididException {
        lpSolves++;
        int m = 0;
        for (int t = 0; t < n; t++) {
            if (!(ratio[t] > s)) {
                m++;
            }
        }
        // Variables, all >= 0 (ojAlgo's LP builder works in that standard form and ignores bounds):
        // u = theta - lo (3), then e+ and e- of each working row; u <= hi - lo as inequalities.
        int size = 3 + 2 * m;
        double[] objective = new double[size];
        Arrays.fill(objective, 3, size, 1.0);
        for (int t = 0; t < n; t++) {
            if (ratio[t] > s) {
                // |e_t| = s_t (y_t - col_t . theta) throughout the box: theta part is -s_t col_t
                double sign = e[t] > 0 ? 1 : -1;
                for (int k = 0; k < 3; k++) {
                    objective[k] -= sign * cols[k][t];
                }
            }
        }
        LinearSolver.Builder builder = LinearSolver.newGeneralBuilder(objective);
        int row = 0;
        for (int t = 0; t < n; t++) {
            if (!(ratio[t] > s)) {
                double[] coefficients = new double[size];
                coefficients[0] = cols[0][t];
                coefficients[1] = cols[1][t];
                coefficients[2] = cols[2][t];
                coefficients[3 + 2 * row] = 1;
                coefficients[4 + 2 * row] = -1;
                double shift = cols[0][t] * lo[0] + cols[1][t] * lo[1] + cols[2][t] * lo[2];
                builder.equality(ys[t] - shift, coefficients);
                row++;
            }
        }
        for (int k = 0; k < 3; k++) {
            if (Double.isFinite(hi[k])) {
                double[] coefficients = new double[size];
                coefficients[k] = 1;
                builder.inequality(hi[k] - lo[k], coefficients);
            }
        }
        for (TangentCut cut : cuts) {
            ScaledCut sc = ScaledCut.of(cut, kr, kx, kw);
            double[] coefficients = new double[size];
            coefficients[0] = -sc.cr();
            coefficients[1] = -sc.cx();
            coefficients[2] = -sc.cw();
            double shift = sc.cr() * lo[0] + sc.cx() * lo[1] + sc.cw() * lo[2];
            builder.inequality(-sc.rhs() + shift, coefficients);
        }
        Optimisation.Result result = builder.build().solve();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            return null;
        }
        if (!result.getState().isFeasible()) {
            throw new GrididException("least-absolute-deviations branch fit: LP solver returned "
                    + result.getState());
        }
        return new double[] {lo[0] + result.doubleValue(0), lo[1] + result.doubleValue(1), lo[2] + result.doubleValue(2)};
    }

    /** Scaled LAD objective sum |e_t| at theta. */
    private double objective(double[] theta) {
        double f = 0;
        double[] a = cols[0], b = cols[1], c = cols[2];
        for (int t = 0; t < n; t++) {
            f += Math.abs(BranchEquation.residual(ys[t], a[t], b[t], c[t], theta[0], theta[1], theta[2]));
        }
        return f;
    }

    private double[] residuals(double[] theta) {
        double[] e = new double[n];
        double[] a = cols[0], b = cols[1], c = cols[2];
        for (int t = 0; t < n; t++) {
            e[t] = BranchEquation.residual(ys[t], a[t], b[t], c[t], theta[0], theta[1], theta[2]);
        }
        return e;
    }

    /** Unconstrained LAD start by IRLS from the least-squares solution (linear in rho, xi, omega). */
    private double[] irlsStart() {
        double[] theta = LinearSystem3.solve(gram(null), cross(null), GRAM_RIDGE);
        double[] w = new double[n];
        double[] a = cols[0], b = cols[1], c = cols[2];
        double[] abs = residuals(theta);
        for (int t = 0; t < n; t++) {
            abs[t] = Math.abs(abs[t]);
        }
        double floor = Math.max(IRLS_FLOOR, IRLS_RELATIVE_FLOOR * Median.ofFirst(abs, n));
        for (int it = 0; it < IRLS_ITERATIONS; it++) {
            for (int t = 0; t < n; t++) {
                double e = BranchEquation.residual(ys[t], a[t], b[t], c[t], theta[0], theta[1], theta[2]);
                w[t] = 1 / Math.max(Math.abs(e), floor);
            }
            double[] next = LinearSystem3.solve(gram(w), cross(w), GRAM_RIDGE);
            double change = Math.abs(next[0] - theta[0]) + Math.abs(next[1] - theta[1]) + Math.abs(next[2] - theta[2]);
            theta = next;
            if (change <= IRLS_CONVERGED * (Math.abs(theta[0]) + Math.abs(theta[1]) + Math.abs(theta[2]))) {
                break;
            }
        }
        return theta;
    }

    /** Weighted Gram matrix of the scaled columns (weights null = 1), one fused pass. */
    private double[][] gram(double[] weights) {
        double[] a = cols[0], b = cols[1], c = cols[2];
        GramSums sums = new GramSums();
        for (int t = 0; t < n; t++) {
            sums.addWeighted(weights == null ? 1 : weights[t], a[t], b[t], c[t]);
        }
        return sums.matrix(1);
    }

    private double[] cross(double[] weights) {
        double[] a = cols[0], b = cols[1], c = cols[2];
        double sa = 0, sb = 0, sc = 0;
        for (int t = 0; t < n; t++) {
            double wy = (weights == null ? 1 : weights[t]) * ys[t];
            sa += wy * a[t];
            sb += wy * b[t];
            sc += wy * c[t];
        }
        return new double[] {sa, sb, sc};
    }
}

package io.gridid.solvers.fit;

import io.gridid.model.GrididException;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.Arrays;
import java.util.List;

/**
 * The least-absolute-deviations relaxation {@code min sum |y - a r - b x - c w|} over r, x, w &ge; 0
 * and tangent cuts, as an LP solved by ojAlgo, made cheap by a <em>sign-safe trust region</em>.
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
 * (the objective is convex); otherwise the box is re-centred there with twice the working set
 * and solved again. The objective never increases between rounds.
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
    private static final int IRLS_ITERATIONS = 12;
    /** IRLS weight floor, scaled residual units: 1/max(|e|, floor). */
    private static final double IRLS_FLOOR = 1e-9;
    private static final int MAX_ROUNDS = 40;

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
            double[] col = LinearSystem3.solve(g, unit, 1e-12);
            shape[k] = Math.sqrt(Math.max(col[k], 0) * n);
            if (!(shape[k] > 0) || !Double.isFinite(shape[k])) {
                shape[k] = 1;
            }
        }
        this.centre = irlsStart();
        for (int k = 0; k < 3; k++) {
            centre[k] = Math.max(0, centre[k]);
        }
        this.workingTarget = Math.min(n, Math.max(MIN_WORKING_SET, (int) Math.ceil(WORKING_SET_SHARE * n)));
    }

    /** LP solves so far (for diagnostics and benchmarks). */
    int lpSolves() {
        return lpSolves;
    }

    @Override
    public double[] solve(List<TangentCut> cuts) throws GrididException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double[] e = residuals(centre);
            double[] ratio = new double[n];
            for (int t = 0; t < n; t++) {
                double reach = Math.abs(cols[0][t]) * shape[0] + Math.abs(cols[1][t]) * shape[1]
                        + Math.abs(cols[2][t]) * shape[2];
                ratio[t] = reach > 0 ? Math.abs(e[t]) / reach : Double.POSITIVE_INFINITY;
            }
            boolean everything = workingTarget >= n;
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
            if (theta == null) { // box does not meet the cuts: widen
                workingTarget = Math.min(n, workingTarget * 4);
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
            centre = theta;
            if (!onBox || everything) {
                return new double[] {theta[0] * kr, theta[1] * kx, theta[2] * kw};
            }
            workingTarget = Math.min(n, workingTarget * 2);
        }
        throw new GrididException("least-absolute-deviations branch fit did not settle after "
                + MAX_ROUNDS + " LP rounds");
    }

    /** The exact LAD problem restricted to the box; null when the box misses the feasible set. */
    private double[] solveReduced(List<TangentCut> cuts, double[] e, double[] ratio, double s,
                                  double[] lo, double[] hi) throws GrididException {
        lpSolves++;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        double[] folded = new double[3];
        Variable[] v = new Variable[3];
        for (int k = 0; k < 3; k++) {
            v[k] = model.addVariable();
        }
        for (int t = 0; t < n; t++) {
            if (ratio[t] > s) {
                // |e_t| = s_t (y_t - col_t . theta) throughout the box: theta part is -s_t col_t
                double sign = e[t] > 0 ? 1 : -1;
                for (int k = 0; k < 3; k++) {
                    folded[k] -= sign * cols[k][t];
                }
            } else {
                Variable plus = model.addVariable().lower(0).weight(1);
                Variable minus = model.addVariable().lower(0).weight(1);
                model.addExpression().level(ys[t])
                        .set(v[0], cols[0][t]).set(v[1], cols[1][t]).set(v[2], cols[2][t])
                        .set(plus, 1).set(minus, -1);
            }
        }
        for (int k = 0; k < 3; k++) {
            v[k].lower(lo[k]).weight(folded[k]);
            if (Double.isFinite(hi[k])) {
                v[k].upper(hi[k]);
            }
        }
        for (TangentCut cut : cuts) {
            ScaledCut sc = ScaledCut.of(cut, kr, kx, kw);
            model.addExpression().lower(sc.rhs()).set(v[0], sc.cr()).set(v[1], sc.cx()).set(v[2], sc.cw());
        }
        Optimisation.Result result = model.minimise();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            return null;
        }
        if (!result.getState().isFeasible()) {
            throw new GrididException("least-absolute-deviations branch fit: LP solver returned "
                    + result.getState());
        }
        return new double[] {result.doubleValue(0), result.doubleValue(1), result.doubleValue(2)};
    }

    private double[] residuals(double[] theta) {
        double[] e = new double[n];
        double[] a = cols[0], b = cols[1], c = cols[2];
        for (int t = 0; t < n; t++) {
            e[t] = ys[t] - a[t] * theta[0] - b[t] * theta[1] - c[t] * theta[2];
        }
        return e;
    }

    /** Unconstrained LAD start by IRLS from the least-squares solution (linear in rho, xi, omega). */
    private double[] irlsStart() {
        double[] theta = LinearSystem3.solve(gram(null), cross(null), 1e-12);
        for (int it = 0; it < IRLS_ITERATIONS; it++) {
            double[] e = residuals(theta);
            double[] w = new double[n];
            for (int t = 0; t < n; t++) {
                w[t] = 1 / Math.max(Math.abs(e[t]), IRLS_FLOOR);
            }
            theta = LinearSystem3.solve(gram(w), cross(w), 1e-12);
        }
        return theta;
    }

    private double[][] gram(double[] weights) {
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double s = 0;
                double[] ci = cols[i], cj = cols[j];
                for (int t = 0; t < n; t++) {
                    s += (weights == null ? 1 : weights[t]) * ci[t] * cj[t];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    private double[] cross(double[] weights) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int t = 0; t < n; t++) {
                s += (weights == null ? 1 : weights[t]) * cols[i][t] * ys[t];
            }
            r[i] = s;
        }
        return r;
    }
}

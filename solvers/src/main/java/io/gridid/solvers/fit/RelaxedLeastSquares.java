package io.gridid.solvers.fit;

import io.gridid.model.GrididException;
import io.gridid.solvers.linear.GramSums;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-squares relaxation {@code min sum (y - a r - b x - c w)^2} over r, x, w &ge; 0 and tangent
 * cuts, as a three-variable convex QP solved by ojAlgo's {@link ConvexSolver} (built directly:
 * the ExpressionsBasedModel front end cost ~8 ms per solve here, the builder ~0.05 ms).
 *
 * <p>Scaling: every column is divided by its RMS (y by its own), so the variables are
 * rho = r&middot;sa/sy, xi = x&middot;sb/sy, omega = w&middot;sc/sy and the objective is the quadratic form of the
 * 3&times;3 normalised Gram matrix (entries of order 1) instead of raw sums spanning ten orders of
 * magnitude. The Gram matrix is formed once in O(T); each solve is then independent of T.
 */
final class RelaxedLeastSquares implements RelaxedProblem {
    private final double kr;
    private final double kx;
    private final double kw;
    /** Normalised Gram matrix of the scaled columns (a, b, c). */
    private final double[][] gram;
    /** Normalised cross products of the scaled columns with the scaled y. */
    private final double[] cross;

    RelaxedLeastSquares(FitRows rows) {
        OjAlgoQuiet.ensure();
        this.kr = rows.sy / rows.sa;
        this.kx = rows.sy / rows.sb;
        this.kw = rows.sy / rows.sc;
        double ia = 1 / rows.sa, ib = 1 / rows.sb, ic = 1 / rows.sc, iy = 1 / rows.sy;
        GramSums sums = new GramSums();
        for (int t = 0; t < rows.n; t++) {
            sums.add(rows.a[t] * ia, rows.b[t] * ib, rows.c[t] * ic, rows.y[t] * iy);
        }
        double inv = 1.0 / rows.n;
        this.gram = sums.matrix(inv);
        this.cross = sums.cross(inv);
    }

    @Override
    public double[] solve(List<TangentCut> cuts) throws GrididException {
        // ojAlgo's convex QP: minimise 1/2 t'Qt - C't subject to A t <= b. Here Q = 2G and C = 2g
        // (the RSS divided by T sy^2, its constant dropped); r, x, w >= 0 as -t_k <= 0.
        ConvexSolver.Builder builder = ConvexSolver.newBuilder(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                builder.objective(i, j, 2 * gram[i][j]);
            }
        }
        builder.linear(2 * cross[0], 2 * cross[1], 2 * cross[2]);
        builder.inequality(0, -1, 0, 0).inequality(0, 0, -1, 0).inequality(0, 0, 0, -1);
        List<ScaledCut> scaled = new ArrayList<>(cuts.size());
        for (TangentCut cut : cuts) {
            ScaledCut s = ScaledCut.of(cut, kr, kx, kw);
            scaled.add(s);
            builder.inequality(-s.rhs(), -s.cr(), -s.cx(), -s.cw());
        }
        Optimisation.Options limits = new Optimisation.Options();
        limits.iterations_abort = MAX_QP_ITERATIONS;
        Optimisation.Result result = builder.build(limits).solve();
        double[] t;
        if (result.getState().isOptimal()) {
            t = new double[] {result.doubleValue(0), result.doubleValue(1), result.doubleValue(2)};
        } else {
            t = ActiveSetEnumeration.solve(gram, cross, scaled);
            if (t == null) {
                throw new GrididException("least-squares branch fit: QP solver returned " + result.getState()
                        + " and no active set is feasible");
            }
        }
        return new double[] {Math.max(0, t[0]) * kr, Math.max(0, t[1]) * kx, Math.max(0, t[2]) * kw};
    }

    /**
     * Iteration limit of ojAlgo's active-set QP: a three-variable problem with a few dozen cuts
     * needs a handful of iterations; beyond this it is cycling and {@link ActiveSetEnumeration}
     * solves it exactly instead.
     */
    static final int MAX_QP_ITERATIONS = 200;
}

package io.gridid.solvers.fit;

import io.gridid.model.GrididException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fits the series impedance r + jx (ohm) of one branch to the exact branch equation
 * {@code y_t = a_t r + b_t x + c_t (r^2 + x^2)} over the usable intervals (see {@link BranchFitData}).
 *
 * <p>Method. The nonlinear term is relaxed with w &ge; r&sup2; + x&sup2;, making the problem convex:
 * a QP for {@link FitNorm#LS} ({@link RelaxedLeastSquares}) and an LP for {@link FitNorm#LAD}
 * ({@link RelaxedLeastAbsolute}), both solved by ojAlgo on RMS-scaled columns. The cone is
 * enforced by outer approximation: after each solve, if r&sup2; + x&sup2; - w exceeds the cone tolerance
 * (relative to max(w, r&sup2; + x&sup2;)), the tangent cut w &ge; 2 r0 r + 2 x0 x - (r0&sup2; + x0&sup2;) at the current
 * (r0, x0) is added and the problem re-solved, up to {@code maxCuts} cuts. The relaxation is exact
 * when w - (r&sup2; + x&sup2;) is within the same tolerance at the optimum; otherwise (and with
 * {@code polish} on) w is projected to r&sup2; + x&sup2; and (r, x) polished on the original nonlinear
 * objective ({@link NonlinearPolish}).
 *
 * <p>Reported objective and RMS residual are those of the original equation at the reported
 * (r, x). Standard errors are from the model linearised there ({@link StandardErrors}).
 *
 * <p>Note: on exact (noise-free) data the LAD LP determines w, the coefficient of the weak column c,
 * to about 1e-9 relative, just above the default cone tolerance, so such fits usually report
 * {@code polished = true} with a gap near 1e-9 w; (r, x) are then exact to round-off either way.
 *
 * <p>Cost: O(T) to read the data; LS then costs a few 3-variable QPs independent of T; LAD costs
 * IRLS passes in O(T) plus a few LPs over a working set of 0.5 % of the rows (30 to 160), several
 * times LS's cost per fit (the impedance README compares the two over a whole sweep).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BranchFitter {
    private final BranchFitOptions options;

    public BranchFitter(BranchFitOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public BranchFitOptions options() {
        return options;
    }

    /**
     * Fits r and x.
     *
     * @param data the branch terms (not modified); rows with any non-finite entry are dropped
     * @throws GrididException fewer than 3 usable intervals, or the solver failed on this data
     */
    public BranchFit fit(BranchFitData data) throws GrididException {
        Objects.requireNonNull(data, "data");
        return fit(data.usableRows());
    }

    /**
     * As {@link #fit(BranchFitData)} on the columns themselves, without the record's copies (a
     * stage-2 sweep fits tens to thousands of branches of T values each, refitting some after
     * bad-data rejection): the arrays are only read, during this call, and not retained.
     *
     * @param y u_i &minus; u_j, kV&sup2;
     * @param a 2 P'_j, MW
     * @param b 2 Q'_j, Mvar
     * @param c (P'_j&sup2; + Q'_j&sup2;) / u_j, MW&sup2;/kV&sup2; (all four of one length; non-finite entries drop the row)
     * @throws GrididException as {@link #fit(BranchFitData)}
     */
    public BranchFit fit(double[] y, double[] a, double[] b, double[] c) throws GrididException {
        BranchFitData.requireColumns(y, a, b, c);
        return fit(FitRows.usable(y, a, b, c));
    }

    private BranchFit fit(FitRows rows) throws GrididException {
        RelaxedProblem problem = options.norm() == FitNorm.LS
                ? new RelaxedLeastSquares(rows) : new RelaxedLeastAbsolute(rows);
        double tol = options.coneTolerance();
        List<TangentCut> cuts = new ArrayList<>();
        double[] start = problem.startingPoint();
        if (start != null) {
            double z0 = start[0] * start[0] + start[1] * start[1];
            if (z0 - start[2] > tol * Math.max(start[2], z0)) {
                cuts.add(new TangentCut(start[0], start[1]));
            }
        }
        double[] s;
        while (true) {
            s = problem.solve(cuts);
            double z = s[0] * s[0] + s[1] * s[1];
            if (z - s[2] <= tol * Math.max(s[2], z) || cuts.size() >= options.maxCuts()) {
                break;
            }
            cuts.add(new TangentCut(s[0], s[1]));
        }
        double r = s[0], x = s[1], w = s[2];
        double z = r * r + x * x;
        double gap = w - z;
        boolean exact = Math.abs(gap) <= tol * Math.max(w, z);
        boolean polished = false;
        if (!exact && options.polish()) {
            double[] p = NonlinearPolish.polish(rows, options.norm(), r, x);
            r = p[0];
            x = p[1];
            polished = true;
        }
        double[] se = StandardErrors.ofBranch(rows, options.norm(), r, x);
        double rss = se[2]; // = rows.sumSquares(r, x), taken in the same pass
        double objective = options.norm() == FitNorm.LS ? rss : rows.sumAbs(r, x);
        return new BranchFit(r, x, w, gap, polished, objective, Math.sqrt(rss / rows.n), se[0], se[1],
                cuts.size(), rows.n);
    }

    /**
     * Fits the length of the branch for one conductor type, r = L r_c and x = L x_c, with the same
     * norm; solved exactly in L &ge; 0 (no relaxation, see {@link LengthFitter}). Compare
     * {@link LengthFit#objective()} across types to rank them.
     *
     * @param rOhmPerKm r_c &ge; 0, ohm/km
     * @param xOhmPerKm x_c &ge; 0, ohm/km (not both zero)
     * @throws GrididException fewer than 3 usable intervals
     */
    public LengthFit fitLength(BranchFitData data, double rOhmPerKm, double xOhmPerKm) throws GrididException {
        Objects.requireNonNull(data, "data");
        if (!(rOhmPerKm >= 0) || !(xOhmPerKm >= 0) || rOhmPerKm + xOhmPerKm == 0
                || Double.isInfinite(rOhmPerKm) || Double.isInfinite(xOhmPerKm)) {
            throw new IllegalArgumentException("conductor impedance per km must be finite, non-negative and not zero: "
                    + rOhmPerKm + " + j" + xOhmPerKm);
        }
        return new LengthFitter(data.usableRows(), rOhmPerKm, xOhmPerKm).fit(options.norm());
    }
}

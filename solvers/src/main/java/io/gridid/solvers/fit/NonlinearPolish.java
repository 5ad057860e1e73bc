package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import io.gridid.solvers.linear.GramSums;
import io.gridid.solvers.linear.LinearSystem3;

import java.util.function.DoubleBinaryOperator;

/**
 * Minimises the original nonlinear objective in (r, x) &ge; 0 with w = r&sup2; + x&sup2; substituted,
 * starting from the projection of an inexact relaxed optimum. Every accepted step lowers the
 * true objective, so the result is never worse than the projected start.
 *
 * <ul>
 *   <li>LS: projected Levenberg&ndash;Marquardt on the residuals e_t = y_t - a_t r - b_t x - c_t (r&sup2; + x&sup2;),
 *       Jacobian columns (a + 2 c r, b + 2 c x), computed from the data's second moments (O(1)
 *       per iteration).</li>
 *   <li>LAD: the same steps on IRLS weights 1/|e_t| (a smooth majoriser of sum |e_t|), at most
 *       30 of them, then a pattern search over eight directions (step doubled after a success,
 *       quartered after a failure) down to {@link #RELATIVE_STEP} of |r| + |x|, which finishes at
 *       the kink where the IRLS weights degenerate. It finds a local minimum; it is not certified
 *       global the way an exact relaxation is.</li>
 * </ul>
 * In both, a variable held at 0 by its bound is left out of the step while its descent direction
 * points outside.
 */
final class NonlinearPolish {
    /** Stop when a step is below this fraction of |r| + |x| (about 5000 ulps of the parameters). */
    static final double RELATIVE_STEP = 1e-12;
    private static final int MAX_ITERATIONS = 200;
    /** IRLS-weighted steps only approach the LAD kink; the pattern search finishes the job. */
    private static final int MAX_LAD_ITERATIONS = 30;
    private static final int MAX_LAD_TRIES = 6;
    /** Damping increases tried per LS iteration before it stops (lambda up to 1e37). */
    private static final int MAX_LS_TRIES = 40;
    /** First Marquardt damping: close to a Gauss&ndash;Newton step, which the polish's start (a near optimum) suits. */
    private static final double INITIAL_DAMPING = 1e-3;
    /** Smallest damping after accepted steps: the step is then the Gauss&ndash;Newton one to rounding, lower gains nothing. */
    private static final double MIN_DAMPING = 1e-12;
    /** LAD: smallest |e| an IRLS weight 1/|e| sees, relative to y's RMS, so a row fitted exactly keeps a finite weight. */
    private static final double LAD_WEIGHT_FLOOR = 1e-9;
    /** LAD: the pattern search's first step, relative to |r| + |x|: finer than the IRLS steps reach, coarser than {@link #RELATIVE_STEP}. */
    private static final double INITIAL_PATTERN_STEP = 1e-5;
    private static final double[][] DIRECTIONS = {
            {1, 0}, {-1, 0}, {0, 1}, {0, -1},
            {0.7071067811865476, 0.7071067811865476}, {-0.7071067811865476, -0.7071067811865476},
            {0.7071067811865476, -0.7071067811865476}, {-0.7071067811865476, 0.7071067811865476}};

    private NonlinearPolish() {
    }

    static double[] polish(FitRows rows, FitNorm norm, double r, double x) {
        double[] p = levenbergMarquardt(rows, norm, Math.max(0, r), Math.max(0, x));
        return norm == FitNorm.LAD ? patternSearch(rows, p[0], p[1]) : p;
    }

    private static double[] levenbergMarquardt(FitRows rows, FitNorm norm, double r, double x) {
        if (norm == FitNorm.LS) {
            Moments mo = new Moments(rows);
            return marquardt(mo::sumSquares, mo::normalEquations, r, x, MAX_ITERATIONS, MAX_LS_TRIES);
        }
        double floor = LAD_WEIGHT_FLOOR * rows.sy;
        return marquardt(rows::sumAbs, (rr, xx) -> reweightedNormalEquations(rows, floor, rr, xx), r, x,
                MAX_LAD_ITERATIONS, MAX_LAD_TRIES);
    }

    /** The damped Gauss&ndash;Newton system at (r, x): {J'WJ rr, rx, xx, J'We r, x}. */
    private interface Linearisation {
        double[] at(double r, double x);
    }

    /**
     * Projected Levenberg&ndash;Marquardt on (r, x) &ge; 0: a step is kept when it does not raise
     * the objective (damping divided by 10), else the damping grows tenfold, up to {@code tries}
     * times; stops when no step is kept or a step is below {@link #RELATIVE_STEP}. A variable at
     * its bound whose descent direction points outside stays there and the step is taken in the
     * other variable alone (a joint step would be bent by the clamp and stall short of the minimum).
     */
    private static double[] marquardt(DoubleBinaryOperator objective, Linearisation linearisation, double r,
                                      double x, int iterations, int tries) {
        double f = objective.applyAsDouble(r, x);
        double lambda = INITIAL_DAMPING;
        for (int it = 0; it < iterations; it++) {
            double[] s = linearisation.at(r, x);
            double jrr = s[0], jrx = s[1], jxx = s[2], gr = s[3], gx = s[4];
            boolean fixR = r == 0 && gr <= 0;
            boolean fixX = x == 0 && gx <= 0;
            if (fixR && fixX) {
                break;
            }
            boolean accepted = false;
            double step = 0;
            for (int inner = 0; inner < tries && !accepted; inner++) {
                double[] d;
                if (fixR) {
                    d = new double[] {0, gx / (jxx * (1 + lambda))};
                } else if (fixX) {
                    d = new double[] {gr / (jrr * (1 + lambda)), 0};
                } else {
                    double[][] m = {{jrr * (1 + lambda), jrx}, {jrx, jxx * (1 + lambda)}};
                    d = LinearSystem3.solve(m, new double[] {gr, gx}, 0);
                }
                double rn = Math.max(0, r + d[0]);
                double xn = Math.max(0, x + d[1]);
                double fn = objective.applyAsDouble(rn, xn);
                if (fn <= f) {
                    step = Math.abs(rn - r) + Math.abs(xn - x);
                    r = rn;
                    x = xn;
                    f = fn;
                    lambda = Math.max(lambda / 10, MIN_DAMPING);
                    accepted = true;
                } else {
                    lambda *= 10;
                }
            }
            if (!accepted || step <= RELATIVE_STEP * (Math.abs(r) + Math.abs(x))) {
                break;
            }
        }
        return new double[] {r, x};
    }

    /** LAD: the system on IRLS weights 1/|e_t| (a smooth majoriser of &Sigma;|e_t|), one pass over the rows. */
    private static double[] reweightedNormalEquations(FitRows rows, double floor, double r, double x) {
        double jrr = 0, jrx = 0, jxx = 0, gr = 0, gx = 0;
        double w = r * r + x * x;
        for (int t = 0; t < rows.n; t++) {
            double e = BranchEquation.residual(rows.y[t], rows.a[t], rows.b[t], rows.c[t], r, x, w);
            double weight = 1 / Math.max(Math.abs(e), floor);
            double ja = BranchEquation.dropSlopeR(rows.a[t], rows.c[t], r);
            double jb = BranchEquation.dropSlopeX(rows.b[t], rows.c[t], x);
            jrr += weight * ja * ja;
            jrx += weight * ja * jb;
            jxx += weight * jb * jb;
            gr += weight * ja * e;
            gx += weight * jb * e;
        }
        return new double[] {jrr, jrx, jxx, gr, gx};
    }

    /** The ten second moments of the rows' y, a, b, c (one pass). */
    static final class Moments {
        final double yy, ya, yb, yc, aa, ab, ac, bb, bc, cc;

        Moments(FitRows rows) {
            GramSums sums = new GramSums();
            for (int t = 0; t < rows.n; t++) {
                sums.add(rows.a[t], rows.b[t], rows.c[t], rows.y[t]);
            }
            yy = sums.yy();
            ya = sums.ay();
            yb = sums.by();
            yc = sums.cy();
            aa = sums.aa();
            ab = sums.ab();
            ac = sums.ac();
            bb = sums.bb();
            bc = sums.bc();
            cc = sums.cc();
        }

        /**
         * LS: the Gauss&ndash;Newton system at (r, x) from the moments (O(1)): Jacobian columns
         * a + 2cr and b + 2cx, residual e = y &minus; ar &minus; bx &minus; cw. The moments cancel
         * digits only when the residual is below about 1e-12 of &Sigma;y&sup2; (exact data, where
         * the relaxation is exact and no polish runs).
         */
        double[] normalEquations(double r, double x) {
            double w = r * r + x * x;
            double jrr = aa + 4 * r * ac + 4 * r * r * cc;
            double jrx = ab + 2 * x * ac + 2 * r * bc + 4 * r * x * cc;
            double jxx = bb + 4 * x * bc + 4 * x * x * cc;
            double ea = ya - r * aa - x * ab - w * ac;   // sum a e
            double eb = yb - r * ab - x * bb - w * bc;   // sum b e
            double ec = yc - r * ac - x * bc - w * cc;   // sum c e
            return new double[] {jrr, jrx, jxx, ea + 2 * r * ec, eb + 2 * x * ec};
        }

        /** &Sigma;(y - a r - b x - c w)&sup2; with w = r&sup2; + x&sup2;, kV&#8308;. */
        double sumSquares(double r, double x) {
            double w = r * r + x * x;
            return yy + r * r * aa + x * x * bb + w * w * cc
                    - 2 * (r * ya + x * yb + w * yc)
                    + 2 * (r * x * ab + r * w * ac + x * w * bc);
        }
    }

    private static double[] patternSearch(FitRows rows, double r, double x) {
        double f = rows.sumAbs(r, x);
        double scale = Math.abs(r) + Math.abs(x);
        if (scale == 0) {
            scale = rows.sy / Math.max(rows.sa, rows.sb);
        }
        double h = INITIAL_PATTERN_STEP * scale;
        while (h > RELATIVE_STEP * scale) {
            boolean moved = false;
            for (double[] d : DIRECTIONS) {
                double rn = Math.max(0, r + h * d[0]);
                double xn = Math.max(0, x + h * d[1]);
                double fn = rows.sumAbs(rn, xn);
                if (fn < f) {
                    r = rn;
                    x = xn;
                    f = fn;
                    moved = true;
                    break;
                }
            }
            h = moved ? 2 * h : 0.25 * h;
        }
        return new double[] {r, x};
    }
}

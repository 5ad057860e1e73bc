package io.gridid.solvers.fit;

/**
 * Minimises the original nonlinear objective in (r, x) &ge; 0 with w = r&sup2; + x&sup2; substituted,
 * starting from the projection of an inexact relaxed optimum. Every accepted step lowers the
 * true objective, so the result is never worse than the projected start.
 *
 * <ul>
 *   <li>LS: projected Levenberg&ndash;Marquardt on the residuals e_t = y_t - a_t r - b_t x - c_t (r&sup2; + x&sup2;),
 *       Jacobian columns (a + 2 c r, b + 2 c x), computed from the data's second moments (O(1)
 *       per iteration); a variable held at 0 by its bound is left out of the step.</li>
 *   <li>LAD: the same steps on IRLS weights 1/|e_t| (a smooth majoriser of sum |e_t|), at most
 *       30 of them, then a pattern search over eight directions (step doubled after a success,
 *       quartered after a failure) down to {@link #RELATIVE_STEP} of |r| + |x|, which finishes at
 *       the kink where the IRLS weights degenerate. It finds a local minimum; it is not certified
 *       global the way an exact relaxation is.</li>
 * </ul>
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
            return leastSquaresMarquardt(new Moments(rows), r, x);
        }
        return reweightedAbsolute(rows, r, x);
    }

    /** LAD: Levenberg&ndash;Marquardt steps on IRLS weights 1/|e_t| (one pass over the rows each). */
    private static double[] reweightedAbsolute(FitRows rows, double r, double x) {
        double f = rows.sumAbs(r, x);
        double lambda = 1e-3;
        double floor = 1e-9 * rows.sy;
        for (int it = 0; it < MAX_LAD_ITERATIONS; it++) {
            double jrr = 0, jrx = 0, jxx = 0, gr = 0, gx = 0;
            double w = r * r + x * x;
            for (int t = 0; t < rows.n; t++) {
                double e = rows.y[t] - rows.a[t] * r - rows.b[t] * x - rows.c[t] * w;
                double weight = 1 / Math.max(Math.abs(e), floor);
                double ja = rows.a[t] + 2 * rows.c[t] * r;
                double jb = rows.b[t] + 2 * rows.c[t] * x;
                jrr += weight * ja * ja;
                jrx += weight * ja * jb;
                jxx += weight * jb * jb;
                gr += weight * ja * e;
                gx += weight * jb * e;
            }
            boolean accepted = false;
            double step = 0;
            for (int inner = 0; inner < MAX_LAD_TRIES && !accepted; inner++) {
                double[][] m = {{jrr * (1 + lambda), jrx}, {jrx, jxx * (1 + lambda)}};
                double[] d = LinearSystem3.solve(m, new double[] {gr, gx}, 0);
                double rn = Math.max(0, r + d[0]);
                double xn = Math.max(0, x + d[1]);
                double fn = rows.sumAbs(rn, xn);
                if (fn <= f) {
                    step = Math.abs(rn - r) + Math.abs(xn - x);
                    r = rn;
                    x = xn;
                    f = fn;
                    lambda = Math.max(lambda / 10, 1e-12);
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

    /**
     * LS Levenberg&ndash;Marquardt on the second moments of (y, a, b, c): with w = r&sup2; + x&sup2;
     * the objective, its gradient and the Gauss&ndash;Newton matrix are polynomials in (r, x) whose
     * coefficients are the ten sums &Sigma;yy, &Sigma;ya, ..., &Sigma;cc, so each iteration costs O(1)
     * instead of a pass over the intervals. Same steps, acceptance and stopping rule as the
     * pass-based iteration; the objective is evaluated from the moments, which cancels digits
     * only when the residual is below about 1e-12 of &Sigma;y&sup2; (exact data, where the
     * relaxation is exact and no polish runs).
     */
    private static double[] leastSquaresMarquardt(Moments mo, double r, double x) {
        double f = mo.sumSquares(r, x);
        double lambda = 1e-3;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double w = r * r + x * x;
            // J columns ja = a + 2cr, jb = b + 2cx; e = y - ar - bx - cw
            double jrr = mo.aa + 4 * r * mo.ac + 4 * r * r * mo.cc;
            double jrx = mo.ab + 2 * x * mo.ac + 2 * r * mo.bc + 4 * r * x * mo.cc;
            double jxx = mo.bb + 4 * x * mo.bc + 4 * x * x * mo.cc;
            double ea = mo.ya - r * mo.aa - x * mo.ab - w * mo.ac;   // sum a e
            double eb = mo.yb - r * mo.ab - x * mo.bb - w * mo.bc;   // sum b e
            double ec = mo.yc - r * mo.ac - x * mo.bc - w * mo.cc;   // sum c e
            double gr = ea + 2 * r * ec;
            double gx = eb + 2 * x * ec;
            boolean accepted = false;
            double step = 0;
            // a variable at its bound whose descent direction points outside stays there: the
            // step is taken in the other variable alone (a joint step would be bent by the clamp)
            boolean fixR = r == 0 && gr <= 0;
            boolean fixX = x == 0 && gx <= 0;
            if (fixR && fixX) {
                break;
            }
            for (int inner = 0; inner < MAX_LS_TRIES && !accepted; inner++) {
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
                double fn = mo.sumSquares(rn, xn);
                if (fn <= f) {
                    step = Math.abs(rn - r) + Math.abs(xn - x);
                    r = rn;
                    x = xn;
                    f = fn;
                    lambda = Math.max(lambda / 10, 1e-12);
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

    /** The ten second moments of the rows' y, a, b, c (one pass). */
    static final class Moments {
        final double yy, ya, yb, yc, aa, ab, ac, bb, bc, cc;

        Moments(FitRows rows) {
            double syy = 0, sya = 0, syb = 0, syc = 0, saa = 0, sab = 0, sac = 0, sbb = 0, sbc = 0, scc = 0;
            for (int t = 0; t < rows.n; t++) {
                double y = rows.y[t];
                double a = rows.a[t];
                double b = rows.b[t];
                double c = rows.c[t];
                syy += y * y;
                sya += y * a;
                syb += y * b;
                syc += y * c;
                saa += a * a;
                sab += a * b;
                sac += a * c;
                sbb += b * b;
                sbc += b * c;
                scc += c * c;
            }
            yy = syy;
            ya = sya;
            yb = syb;
            yc = syc;
            aa = saa;
            ab = sab;
            ac = sac;
            bb = sbb;
            bc = sbc;
            cc = scc;
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
        double h = 1e-5 * scale;
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

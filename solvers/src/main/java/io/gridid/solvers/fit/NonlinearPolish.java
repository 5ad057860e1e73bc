package io.gridid.solvers.fit;

/**
 * Minimises the original nonlinear objective in (r, x) &ge; 0 with w = r&sup2; + x&sup2; substituted,
 * starting from the projection of an inexact relaxed optimum. Every accepted step lowers the
 * true objective, so the result is never worse than the projected start.
 *
 * <ul>
 *   <li>LS: projected Levenberg&ndash;Marquardt on the residuals e_t = y_t - a_t r - b_t x - c_t (r&sup2; + x&sup2;),
 *       Jacobian columns (a + 2 c r, b + 2 c x).</li>
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
        double f = rows.objective(norm, r, x);
        double lambda = 1e-3;
        double floor = 1e-9 * rows.sy;
        int iterations = norm == FitNorm.LS ? MAX_ITERATIONS : MAX_LAD_ITERATIONS;
        int tries = norm == FitNorm.LS ? 40 : MAX_LAD_TRIES;
        for (int it = 0; it < iterations; it++) {
            double jrr = 0, jrx = 0, jxx = 0, gr = 0, gx = 0;
            double w = r * r + x * x;
            for (int t = 0; t < rows.n; t++) {
                double e = rows.y[t] - rows.a[t] * r - rows.b[t] * x - rows.c[t] * w;
                double weight = norm == FitNorm.LS ? 1 : 1 / Math.max(Math.abs(e), floor);
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
            for (int inner = 0; inner < tries && !accepted; inner++) {
                double[][] m = {{jrr * (1 + lambda), jrx}, {jrx, jxx * (1 + lambda)}};
                double[] d = LinearSystem3.solve(m, new double[] {gr, gx}, 0);
                double rn = Math.max(0, r + d[0]);
                double xn = Math.max(0, x + d[1]);
                double fn = rows.objective(norm, rn, xn);
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

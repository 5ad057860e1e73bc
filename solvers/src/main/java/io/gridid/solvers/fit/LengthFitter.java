package io.gridid.solvers.fit;

/**
 * The branch fit restricted to one conductor type: r = L r_c, x = L x_c, so
 * y_t = &alpha;_t L + &beta;_t L&sup2; with &alpha;_t = a_t r_c + b_t x_c and &beta;_t = c_t (r_c&sup2; + x_c&sup2;).
 * Solved exactly, without relaxation:
 * <ul>
 *   <li>LS: the stationary points of the quartic sum (y - &alpha;L - &beta;L&sup2;)&sup2; are the real roots of
 *       the cubic 2S_&beta;&beta; L&sup3; + 3S_&alpha;&beta; L&sup2; + (S_&alpha;&alpha; - 2S_y&beta;) L - S_y&alpha; = 0; the best of those
 *       with L &ge; 0 and L = 0 is the global minimiser.</li>
 *   <li>LAD: Gauss&ndash;Newton in which each linearised step is the exact one-variable LAD solution
 *       (a weighted median), started from the LS length, with step halving so the true objective
 *       never increases; stops when a step is below 1e-13 of L. It is a stationary point; with the
 *       quadratic term a small correction to a linear model, in practice the global one.</li>
 * </ul>
 */
final class LengthFitter {
    private static final int MAX_ITERATIONS = 60;
    private static final double RELATIVE_STEP = 1e-13;

    private final FitRows rows;
    private final double[] alpha;
    private final double[] beta;

    LengthFitter(FitRows rows, double rOhmPerKm, double xOhmPerKm) {
        this.rows = rows;
        this.alpha = new double[rows.n];
        this.beta = new double[rows.n];
        double z2 = rOhmPerKm * rOhmPerKm + xOhmPerKm * xOhmPerKm;
        for (int t = 0; t < rows.n; t++) {
            alpha[t] = rows.a[t] * rOhmPerKm + rows.b[t] * xOhmPerKm;
            beta[t] = rows.c[t] * z2;
        }
    }

    LengthFit fit(FitNorm norm) {
        double length = leastSquaresLength();
        if (norm == FitNorm.LAD) {
            length = leastAbsoluteLength(length);
        }
        double rss = 0, jj = 0;
        double[] abs = new double[rows.n];
        double sumAbs = 0;
        for (int t = 0; t < rows.n; t++) {
            double e = residual(t, length);
            double j = alpha[t] + 2 * beta[t] * length;
            rss += e * e;
            jj += j * j;
            abs[t] = Math.abs(e);
            sumAbs += abs[t];
        }
        double sigma2 = StandardErrors.sigmaSquared(norm, rss, abs, rows.n, 1);
        double se = jj > 0 ? Math.sqrt(sigma2 / jj) : Double.POSITIVE_INFINITY;
        return new LengthFit(length, norm == FitNorm.LS ? rss : sumAbs, Math.sqrt(rss / rows.n), se, rows.n);
    }

    private double residual(int t, double length) {
        return rows.y[t] - (alpha[t] + beta[t] * length) * length;
    }

    private double sumSquares(double length) {
        double s = 0;
        for (int t = 0; t < rows.n; t++) {
            double e = residual(t, length);
            s += e * e;
        }
        return s;
    }

    private double sumAbs(double length) {
        double s = 0;
        for (int t = 0; t < rows.n; t++) {
            s += Math.abs(residual(t, length));
        }
        return s;
    }

    private double leastSquaresLength() {
        double sya = 0, syb = 0, saa = 0, sab = 0, sbb = 0;
        for (int t = 0; t < rows.n; t++) {
            double y = rows.y[t], al = alpha[t], be = beta[t];
            sya += y * al;
            syb += y * be;
            saa += al * al;
            sab += al * be;
            sbb += be * be;
        }
        double best = 0;
        double bestValue = sumSquares(0);
        for (double root : CubicRoots.real(2 * sbb, 3 * sab, saa - 2 * syb, -sya)) {
            if (root > 0 && Double.isFinite(root)) {
                double value = sumSquares(root);
                if (value < bestValue) {
                    best = root;
                    bestValue = value;
                }
            }
        }
        return best;
    }

    private double leastAbsoluteLength(double start) {
        double length = start;
        double f = sumAbs(length);
        double[] ratio = new double[rows.n];
        double[] weight = new double[rows.n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            int m = 0;
            for (int t = 0; t < rows.n; t++) {
                double j = alpha[t] + 2 * beta[t] * length;
                if (j != 0) {
                    ratio[m] = residual(t, length) / j;
                    weight[m] = Math.abs(j);
                    m++;
                }
            }
            if (m == 0) {
                break;
            }
            double step = WeightedMedian.of(ratio, weight, m);
            boolean accepted = false;
            for (int h = 0; h < 30 && !accepted; h++) {
                double next = Math.max(0, length + step);
                double fn = sumAbs(next);
                if (fn <= f) {
                    step = next - length;
                    length = next;
                    f = fn;
                    accepted = true;
                } else {
                    step *= 0.5;
                }
            }
            if (!accepted || Math.abs(step) <= RELATIVE_STEP * Math.max(length, Double.MIN_NORMAL)) {
                break;
            }
        }
        return length;
    }
}

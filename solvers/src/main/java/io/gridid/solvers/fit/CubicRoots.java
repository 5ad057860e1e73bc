package io.gridid.solvers.fit;

import java.util.Arrays;

/** Real roots of c3 z&sup3; + c2 z&sup2; + c1 z + c0, robust to a tiny leading coefficient. */
final class CubicRoots {
    private CubicRoots() {
    }

    /**
     * One real root by bisection inside the Cauchy bound, deflation to a quadratic solved in the
     * cancellation-free form, then two Newton steps on the original cubic for each root.
     *
     * @return the distinct real roots, ascending (empty when the polynomial is constant)
     */
    static double[] real(double c3, double c2, double c1, double c0) {
        double[] roots;
        if (c3 == 0) {
            roots = quadratic(c2, c1, c0);
        } else {
            double p2 = c2 / c3, p1 = c1 / c3, p0 = c0 / c3;
            double bound = Math.min(1e100, 1 + Math.max(Math.abs(p2), Math.max(Math.abs(p1), Math.abs(p0))));
            double lo = -bound, hi = bound;
            for (int i = 0; i < 3000; i++) {
                double mid = 0.5 * (lo + hi);
                if (mid == lo || mid == hi) {
                    break;
                }
                if (((mid + p2) * mid + p1) * mid + p0 > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double z1 = 0.5 * (lo + hi);
            double e1 = p2 + z1;
            double e0 = p1 + z1 * e1;
            double[] q = quadratic(1, e1, e0);
            roots = Arrays.copyOf(q, q.length + 1);
            roots[q.length] = z1;
        }
        for (int i = 0; i < roots.length; i++) {
            for (int k = 0; k < 2; k++) {
                double z = roots[i];
                double f = ((c3 * z + c2) * z + c1) * z + c0;
                double df = (3 * c3 * z + 2 * c2) * z + c1;
                if (df != 0) {
                    double zn = z - f / df;
                    double fn = ((c3 * zn + c2) * zn + c1) * zn + c0;
                    if (Math.abs(fn) < Math.abs(f)) {
                        roots[i] = zn;
                    }
                }
            }
        }
        Arrays.sort(roots);
        return roots;
    }

    private static double[] quadratic(double a, double b, double c) {
        if (a == 0) {
            return b == 0 ? new double[0] : new double[] {-c / b};
        }
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return new double[0];
        }
        double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
        if (q == 0) {
            return new double[] {0};
        }
        return new double[] {q / a, c / q};
    }
}

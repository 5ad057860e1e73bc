package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchResidualTest {
    /** Exactly linear data: only rounding of sums over 500 terms of order 1 remains. */
    private static final double EXACT = 1e-9;
    /** The loss column c ~ 1e-2 beside a, b ~ 1 gives the Gram matrix a condition number ~4e5: w's round-off grows to ~1e-10, inside this. */
    private static final double LOSS_COEFFICIENT = 1e-6;
    /** The residual sum of squares is y'y (~50) minus the fitted part: their cancellation leaves ~1e-13. */
    private static final double RSS_CANCELLATION = 1e-9;

    /** Moments of y = a r + b x + c w (+ an optional extra term) over random regressors. */
    private static double[][] moments(double r, double x, double w, double extra, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] g = new double[6];
        double[] h = new double[3];
        double yy = 0;
        for (int t = 0; t < 500; t++) {
            double a = 2 * (0.5 + rnd.nextDouble());
            double b = 2 * (0.1 + 0.5 * rnd.nextDouble());
            double c = (a * a + b * b) / 4 / 150.0 * (1 + rnd.nextDouble());
            double y = a * r + b * x + c * w + extra * (rnd.nextDouble() - 0.5);
            g[0] += a * a;
            g[1] += a * b;
            g[2] += a * c;
            g[3] += b * b;
            g[4] += b * c;
            g[5] += c * c;
            h[0] += a * y;
            h[1] += b * y;
            h[2] += c * y;
            yy += y * y;
        }
        return new double[][] {g, h, {yy}};
    }

    @Test
    void recoversAnExactBranch() {
        double[][] m = moments(0.3, 0.1, 0.1, 0, 1);
        double[] out = new double[4];
        BranchResidual.solve(m[0], m[1], m[2][0], out);
        assertEquals(0.3, out[0], EXACT);
        assertEquals(0.1, out[1], EXACT);
        assertEquals(0.1, out[2], LOSS_COEFFICIENT);
        assertEquals(0, out[3], RSS_CANCELLATION);
    }

    @Test
    void negativeReactanceIsClampedToZeroAndTheRestRefitted() {
        // data made with x = -0.2: the non-negative fit must put x = 0 on the boundary
        double[][] m = moments(0.3, -0.2, 0, 0, 2);
        double[] out = new double[4];
        BranchResidual.solve(m[0], m[1], m[2][0], out);
        assertEquals(0, out[1]);
        assertEquals(true, out[0] > 0);
        assertEquals(true, out[3] > 0, "a constrained fit of data it cannot represent leaves a residual");
    }
}

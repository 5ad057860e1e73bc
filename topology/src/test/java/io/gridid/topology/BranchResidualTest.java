package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchResidualTest {
    /** Exactly linear data: only rounding of sums over 500 terms of order 1 remains. */
    private static final double EXACT = 1e-9;

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
        assertEquals(0.1, out[2], 1e-6); // the loss column is small (c ~ 1e-2): its coefficient is less precise
        assertEquals(0, out[3], 1e-9);
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

package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HiddenPathFitTest {
    /** Exact data: what is left is the loss iteration's convergence and double rounding. */
    private static final double EXACT = 1e-6;

    /** The receiving end's u of a branch given its sending end's: the larger root of the branch equation. */
    private static double receivingU(double uSend, double r, double x, double p, double q) {
        double c = 2 * (r * p + x * q);
        double k = (r * r + x * x) * (p * p + q * q);
        double b = uSend - c;
        return (b + Math.sqrt(b * b - 4 * k)) / 2;
    }

    /**
     * top -> H(hidden) -> {a, b}: the data come from the exact branch equation, top-down, with
     * the flows summed bottom-up (losses included); the path fit must give back all three branches.
     */
    @Test
    void recoversTheBranchesAroundAHiddenJunctionFromExactData() {
        double[] r = {0.30, 0.55, 0.20};  // H, a, b
        double[] x = {0.40, 0.35, 0.25};
        int tCount = 400;
        SplittableRandom rnd = new SplittableRandom(7);
        double[] uTop = new double[tCount];
        double[][] u = new double[2][tCount];
        double[][] p = new double[2][tCount];
        double[][] q = new double[2][tCount];
        double[] trueUh = new double[tCount];
        for (int t = 0; t < tCount; t++) {
            double top = Math.pow(12.47 * (1 + 0.02 * (rnd.nextDouble() - 0.5)), 2);
            for (int m = 0; m < 2; m++) {
                p[m][t] = 0.2 + 0.8 * rnd.nextDouble();
                q[m][t] = 0.05 + 0.4 * rnd.nextDouble();
            }
            // fixed point: the losses depend on the voltages below, which depend on the flows
            double uh = top;
            double ua = top;
            double ub = top;
            for (int it = 0; it < 50; it++) {
                double pa = BranchEquation.sendingActiveMw(r[1], p[0][t], q[0][t], ua);
                double qa = BranchEquation.sendingReactiveMvar(x[1], p[0][t], q[0][t], ua);
                double pb = BranchEquation.sendingActiveMw(r[2], p[1][t], q[1][t], ub);
                double qb = BranchEquation.sendingReactiveMvar(x[2], p[1][t], q[1][t], ub);
                uh = receivingU(top, r[0], x[0], pa + pb, qa + qb);
                ua = receivingU(uh, r[1], x[1], p[0][t], q[0][t]);
                ub = receivingU(uh, r[2], x[2], p[1][t], q[1][t]);
            }
            uTop[t] = top;
            u[0][t] = ua;
            u[1][t] = ub;
            trueUh[t] = uh;
        }
        HiddenPathFit.Result f = HiddenPathFit.fit(new int[]{-1, 0, 0}, 1, uTop, u, p, q);
        assertFalse(f.singular());
        for (int s = 0; s < 3; s++) {
            assertEquals(r[s], f.r()[s], EXACT * r[s], "r of segment " + s);
            assertEquals(x[s], f.x()[s], EXACT * x[s], "x of segment " + s);
            assertTrue(Double.isFinite(f.rStdErr()[s]) && Double.isFinite(f.xStdErr()[s]));
        }
        for (int t = 0; t < tCount; t += 37) {
            assertEquals(trueUh[t], f.hiddenU()[0][t], EXACT * trueUh[t]);
        }
    }

    /**
     * Two levels of hidden buses, top -> H0 -> {H1, a}, H1 -> {b, c}, exact data over several
     * blocks of the sums (700 intervals) with a reading of b missing in every seventh interval (left
     * out whole): all five branches come back.
     */
    @Test
    void recoversTwoLevelsOfHiddenBusesWithIntervalsLeftOut() {
        double[] r = {0.25, 0.40, 0.55, 0.20, 0.35}; // H0, H1, a, b, c
        double[] x = {0.30, 0.20, 0.35, 0.25, 0.45};
        int tCount = 700;
        SplittableRandom rnd = new SplittableRandom(17);
        double[] uTop = new double[tCount];
        double[][] u = new double[3][tCount];
        double[][] p = new double[3][tCount];
        double[][] q = new double[3][tCount];
        for (int t = 0; t < tCount; t++) {
            double top = Math.pow(12.47 * (1 + 0.02 * (rnd.nextDouble() - 0.5)), 2);
            for (int m = 0; m < 3; m++) {
                p[m][t] = 0.2 + 0.8 * rnd.nextDouble();
                q[m][t] = 0.05 + 0.4 * rnd.nextDouble();
            }
            double[] ub = {top, top, top}; // a, b, c
            double h0 = top;
            double h1 = top;
            for (int it = 0; it < 50; it++) {
                double[] sp = new double[3];
                double[] sq = new double[3];
                for (int m = 0; m < 3; m++) {
                    sp[m] = BranchEquation.sendingActiveMw(r[2 + m], p[m][t], q[m][t], ub[m]);
                    sq[m] = BranchEquation.sendingReactiveMvar(x[2 + m], p[m][t], q[m][t], ub[m]);
                }
                double p1 = BranchEquation.sendingActiveMw(r[1], sp[1] + sp[2], sq[1] + sq[2], h1);
                double q1 = BranchEquation.sendingReactiveMvar(x[1], sp[1] + sp[2], sq[1] + sq[2], h1);
                h0 = receivingU(top, r[0], x[0], p1 + sp[0], q1 + sq[0]);
                h1 = receivingU(h0, r[1], x[1], sp[1] + sp[2], sq[1] + sq[2]);
                ub[0] = receivingU(h0, r[2], x[2], p[0][t], q[0][t]);
                ub[1] = receivingU(h1, r[3], x[3], p[1][t], q[1][t]);
                ub[2] = receivingU(h1, r[4], x[4], p[2][t], q[2][t]);
            }
            uTop[t] = top;
            for (int m = 0; m < 3; m++) {
                u[m][t] = ub[m];
            }
            if (t % 7 == 3) {
                u[1][t] = Double.NaN;
            }
        }
        HiddenPathFit.Result f = HiddenPathFit.fit(new int[]{-1, 0, 0, 1, 1}, 2, uTop, u, p, q);
        assertFalse(f.singular());
        assertEquals(3L * (tCount - tCount / 7), f.equations(), "equations of the intervals kept");
        double squares = 0;
        for (int t = 0; t < tCount; t++) {
            for (int m = 0; m < 3; m++) {
                double y = uTop[t] - u[m][t];
                squares += t % 7 == 3 ? 0 : y * y;
            }
        }
        // every kept equation in the sums: on exact data the residual is rounding, far below EXACT² of the drops
        assertTrue(f.rss() < EXACT * EXACT * squares, "residual " + f.rss() + " of " + squares);
        for (int s = 0; s < 5; s++) {
            assertEquals(r[s], f.r()[s], EXACT * r[s], "r of segment " + s);
            assertEquals(x[s], f.x()[s], EXACT * x[s], "x of segment " + s);
        }
    }

    @Test
    void aHiddenBusWithOneChildIsNotIdentifiable() {
        int tCount = 100;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] uTop = new double[tCount];
        double[][] u = new double[1][tCount];
        double[][] p = new double[1][tCount];
        double[][] q = new double[1][tCount];
        for (int t = 0; t < tCount; t++) {
            p[0][t] = rnd.nextDouble();
            q[0][t] = rnd.nextDouble();
            uTop[t] = 150;
            u[0][t] = 150 - 2 * (0.5 * p[0][t] + 0.3 * q[0][t]);
        }
        // the hidden segment's regressors equal the child's: the normal matrix is singular
        assertTrue(HiddenPathFit.fit(new int[]{-1, 0}, 1, uTop, u, p, q).singular());
    }
}

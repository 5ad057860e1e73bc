package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;

import java.util.SplittableRandom;

/**
 * Test data with known truth: a branch of impedance r + jx carrying random but realistic
 * receiving-end flows, its y computed by {@link BranchEquation} (the independent physics), then
 * optional Gaussian noise and gross outliers on y.
 *
 * @param baseKv     nominal line-to-line voltage, kV (12.47 or 4.16 in the tests)
 * @param maxMw      largest receiving-end active flow, MW
 */
record SyntheticBranch(double rOhm, double xOhm, double baseKv, double maxMw) {

    static SyntheticBranch at12kV(double r, double x) {
        return new SyntheticBranch(r, x, 12.47, 4.0);
    }

    static SyntheticBranch at4kV(double r, double x) {
        return new SyntheticBranch(r, x, 4.16, 1.2);
    }

    /** Noise-free data of T intervals. */
    BranchFitData exact(int intervals, long seed) {
        return noisy(intervals, seed, 0, 0, 0);
    }

    /**
     * @param sigmaY       standard deviation of Gaussian noise added to y, kV&sup2;
     * @param outlierShare share of intervals whose y gets a gross error
     * @param outlierSize  size of a gross error, kV&sup2; (random sign)
     */
    BranchFitData noisy(int intervals, long seed, double sigmaY, double outlierShare, double outlierSize) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] uSend = new double[intervals];
        double[] uRecv = new double[intervals];
        double[] p = new double[intervals];
        double[] q = new double[intervals];
        for (int t = 0; t < intervals; t++) {
            double daily = 0.5 + 0.4 * Math.sin(2 * Math.PI * (t % 24) / 24.0);
            p[t] = maxMw * Math.max(0.02, daily * (0.6 + 0.4 * rnd.nextDouble()));
            double tanPhi = Math.tan(Math.acos(0.85 + 0.14 * rnd.nextDouble()));
            q[t] = p[t] * tanPhi;
            double v = baseKv * (0.95 + 0.06 * rnd.nextDouble());
            uRecv[t] = v * v;
            uSend[t] = BranchEquation.sendingSquaredVoltage(rOhm, xOhm, p[t], q[t], uRecv[t]);
            // always draw the same random numbers, so data of one seed differ only by what is asked
            double noise = gaussian(rnd);
            boolean outlier = rnd.nextDouble() < outlierShare;
            boolean up = rnd.nextBoolean();
            uSend[t] += sigmaY * noise;
            if (outlier) {
                uSend[t] += up ? outlierSize : -outlierSize;
            }
        }
        return BranchFitData.fromFlows(uSend, uRecv, p, q);
    }

    static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}

package io.gridid.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.BranchEquation;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The joint refinement ({@link JointRefinement}) against independent truth: a hand-built 3-bus
 * chain whose voltages are computed with the branch equation from known r, x and loads, and the
 * validation feeders noise-free.
 */
class JointRefinementTest {
    /** Chain 0 - 1 - 2 at 12.47 kV: branch 0-1 and branch 1-2, ohm. */
    static final double R1 = 0.40;
    static final double X1 = 0.30;
    static final double R2 = 0.60;
    static final double X2 = 0.45;
    private static final double KV = 12.47;
    /** Intervals per replication. */
    private static final int T = 200;
    /** Voltage noise, per unit of |V|: 1e-4 (the hard case). */
    private static final double SIGMA_PU = 1e-4;
    /** Noise replications (the loads stay the same, only the meter noise is redrawn). */
    private static final int REPLICATIONS = 150;
    /**
     * Allowed distance between the measured MSE ratio (joint / pairwise, r of branch 1-2) and the
     * theoretical variance ratio (GLS / OLS on the linear branch equation, computed independently
     * below). Each MSE over 150 replications has a relative standard error of sqrt(2/150) = 12 %;
     * the two estimators share the noise, so their ratio scatters less; 0.15 is about two of those
     * standard errors at the ratios here (0.7..0.9) and the loss term's ~1 % effect is far inside it.
     */
    private static final double RATIO_TOLERANCE = 0.15;

    /** Relative error allowed from a 20 % start on exact data: one Gauss-Newton step on a loss term of ~1 %. */
    private static final double EXACT_TOLERANCE = 1e-3;

    /**
     * Distance from the truth allowed in reported standard errors: 4 (a Gaussian estimate is
     * farther in 6e-5 of the cases; the 2-SE coverage measured by the accuracy runner is 95-100 %).
     */
    private static final double STDERR_MULTIPLE = 4;

    /** The iterative solver's distance from the dense solution, in standard errors of the estimate. */
    private static final double ITERATION_SHARE_OF_STDERR = 0.1;

    /** The dense and matrix-free products sum the same ~1e5-sized terms in another order: agreement to round-off of the largest component. */
    private static final double SUM_ORDER_RELATIVE = 1e-9;
    /** The acceptance bound for noise-free data: every branch (and every length) within 0.5 %. */
    private static final double NOISE_FREE_RELATIVE = 0.005;
    /** 14 readings of 2 % of u (about 3 kV^2, against a branch drop of about 0.1 kV^2) pull r to its bound: off by more than half the true r. */
    private static final double GLITCH_PULL_MIN_RELATIVE = 0.5;

    /** Loads of buses 1 and 2 (MW, Mvar) per interval: independent shapes, fixed seed. */
    static double[][] loads() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] l = new double[4][T];
        for (int t = 0; t < T; t++) {
            double day = 2 * Math.PI * t / 24;
            l[0][t] = 1.0 + 0.6 * Math.sin(day) + 0.3 * rnd.nextDouble();        // P1
            l[1][t] = 0.3 + 0.2 * Math.cos(day) + 0.3 * rnd.nextDouble();        // Q1
            l[2][t] = 0.8 + 0.5 * Math.sin(3 * day + 1) + 0.3 * rnd.nextDouble(); // P2
            l[3][t] = 0.2 + 0.15 * Math.cos(2 * day) + 0.2 * rnd.nextDouble();   // Q2
        }
        return l;
    }

    /** Readings with voltages from the branch equation (leaf voltage given) plus noise of {@code sigmaPu}. */
    static MeterData chain(double[][] l, double sigmaPu, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] epochs = new long[T];
        for (int t = 0; t < T; t++) {
            epochs[t] = 1_700_000_000L + 3600L * t;
        }
        MeterData.Builder b = MeterData.builder(List.of("0", "1", "2"), epochs);
        for (int t = 0; t < T; t++) {
            double u2 = Math.pow(KV * 0.97, 2);
            double u1 = BranchEquation.sendingSquaredVoltage(R2, X2, l[2][t], l[3][t], u2);
            double p1 = l[0][t] + BranchEquation.sendingActiveMw(R2, l[2][t], l[3][t], u2);
            double q1 = l[1][t] + BranchEquation.sendingReactiveMvar(X2, l[2][t], l[3][t], u2);
            double u0 = BranchEquation.sendingSquaredVoltage(R1, X1, p1, q1, u1);
            double[] u = {u0, u1, u2};
            double[] p = {p1 + BranchEquation.sendingActiveMw(R1, p1, q1, u1) - p1, l[0][t], l[2][t]};
            double[] q = {0, l[1][t], l[3][t]};
            for (int m = 0; m < 3; m++) {
                double v = Math.sqrt(u[m]) + sigmaPu * KV * gaussian(rnd);
                b.set(m, t, v, p[m], q[m]);
            }
        }
        return b.build();
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Hourly readings with 1e-4 p.u. voltage and 0.5 % P/Q noise (the synthesizer's, seed 7). */
    private static MeterData noisy(Feeder feeder, int days) throws GrididException {
        return MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withSeed(7).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
    }

    static RadialTree chainTree() {
        return new RadialTree("0", Map.of("1", "0", "2", "1"));
    }

    @Test
    void exactChainIsRecoveredExactly() throws GrididException {
        MeterData d = chain(loads(), 0, 1);
        Map<String, JointRefinement.Start> starts = Map.of(
                "1", JointRefinement.Start.free(R1 * 1.2, X1 * 0.8),
                "2", JointRefinement.Start.free(R2 * 0.9, X2 * 1.1));
        // the joint solve recovers the truth from a start 10-20 % off: only the
        // linearisation of the loss term (about 1 % of the drop, second order in the 20 % start error,
        // 4e-4) and rounding separate it from the truth
        JointRefinement.Outcome o = new JointRefinement(ImpedanceOptions.defaults(), NormalEquationsSolver.DENSE_MAX_UNKNOWNS, 0)
                .refine(d, chainTree(), null, starts);
        assertEquals(R1, o.branches().get("1").rOhm(), EXACT_TOLERANCE * R1);
        assertEquals(X1, o.branches().get("1").xOhm(), EXACT_TOLERANCE * X1);
        assertEquals(R2, o.branches().get("2").rOhm(), EXACT_TOLERANCE * R2);
        assertEquals(X2, o.branches().get("2").xOhm(), EXACT_TOLERANCE * X2);
    }

    @Test
    void jointBeatsPairwiseUnderVoltageNoise() throws GrididException {
        double[][] l = loads();
        ImpedanceEstimator pairwise = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(false)
                .withParallel(false));
        ImpedanceEstimator joint = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true)
                .withParallel(false));
        double msePair = 0;
        double mseJoint = 0;
        double biasJoint = 0;
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            MeterData d = chain(l, SIGMA_PU, 100 + rep);
            double a = pairwise.estimate(d, chainTree()).branchTo("2").rOhm() - R2;
            double b = joint.estimate(d, chainTree()).branchTo("2").rOhm() - R2;
            msePair += a * a / REPLICATIONS;
            mseJoint += b * b / REPLICATIONS;
            biasJoint += b / REPLICATIONS;
        }
        double ratio = mseJoint / msePair;
        double theory = theoreticalRatio(l);
        assertTrue(theory < 1, "GLS is never worse than OLS: " + theory);
        assertEquals(theory, ratio, RATIO_TOLERANCE, "joint/pairwise MSE of r(1-2)");
        assertTrue(ratio < 1, "joint/pairwise MSE of r(1-2) = " + ratio);
        // and unbiased: |mean error| within 3 standard errors of the mean
        assertTrue(Math.abs(biasJoint) < 3 * Math.sqrt(mseJoint / REPLICATIONS), "bias " + biasJoint);
    }

    /**
     * Var(r2) of GLS over Var(r2) of OLS for the chain, by hand: differences &delta;1 = u0 &minus; u1 and
     * &delta;2 = u1 &minus; u2 with rows (2P'1, 2Q'1, 0, 0) and (0, 0, 2P2, 2Q2), noise covariance
     * &sigma;&sup2;[[2, &minus;1], [&minus;1, 2]] (u1's error is in both with opposite signs); OLS on &delta;2 alone has
     * covariance 2&sigma;&sup2;(A2&#7488;A2)&#8315;&sup1;. Loss terms (about 1 % of the drop) are left out.
     */
    private static double theoreticalRatio(double[][] l) {
        double[][] info = new double[4][4];
        double[][] sInv = {{2.0 / 3, 1.0 / 3}, {1.0 / 3, 2.0 / 3}};
        double[][] ols = new double[2][2];
        for (int t = 0; t < T; t++) {
            double[][] a = {{2 * (l[0][t] + l[2][t]), 2 * (l[1][t] + l[3][t]), 0, 0}, {0, 0, 2 * l[2][t], 2 * l[3][t]}};
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int p = 0; p < 2; p++) {
                        for (int q = 0; q < 2; q++) {
                            info[i][j] += a[p][i] * sInv[p][q] * a[q][j];
                        }
                    }
                }
            }
            ols[0][0] += a[1][2] * a[1][2];
            ols[0][1] += a[1][2] * a[1][3];
            ols[1][1] += a[1][3] * a[1][3];
        }
        double glsVar = inverse(info)[2][2];
        double olsVar = 2 * ols[1][1] / (ols[0][0] * ols[1][1] - ols[0][1] * ols[0][1]);
        return glsVar / olsVar;
    }

    /** Gauss-Jordan inverse of a small well-conditioned matrix. */
    private static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            double d = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, out[i], 0, n);
        }
        return out;
    }

    /** The dense normal matrix and the matrix-free product (tree smoother) are the same operator. */
    @Test
    void denseMatrixEqualsMatrixFreeProduct() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = noisy(feeder, 3);
        TreeLayout lay = new TreeLayout(feeder.tree());
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        double[] cr = new double[lay.n];
        double[] cx = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            Branch b = feeder.branchTo(lay.buses.get(k));
            r[k] = b.rOhm();
            x[k] = b.xOhm();
            // every other branch as a length along a type: the reduced parameterisation too
            cr[k] = k % 2 == 0 ? Double.NaN : 0.3;
            cx[k] = k % 2 == 0 ? Double.NaN : 0.4;
        }
        LinearisedModel lin = LinearisedModel.of(d, feeder.tree(), lay, null, r, x, false);
        TreeSmoother smoother = new TreeSmoother(lin, JointNoiseEstimator.estimate(lin, r, x).kappa());
        JointParameters par = new JointParameters(lay, cr, cx);
        JointProblem problem = new JointProblem(smoother, par, false);
        DenseNormalEquations sys = DenseNormalEquations.of(problem);
        double[] v = new SplittableRandom(3).doubles(par.m).toArray();
        double[] dense = sys.times(v);
        double[] free = problem.times(v);
        double scale = 0;
        for (double e : dense) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < par.m; i++) {
            assertEquals(dense[i], free[i], SUM_ORDER_RELATIVE * scale, "component " + i);
        }
    }

    /**
     * The rejection pass sums the misfit at the (r, x) it judges in the same chunks and order as
     * {@link TreeSmoother#misfit}: the same bits (the refinement takes it instead of
     * a pass of its own when nothing is dropped), with missing voltages and intervals of one reading.
     */
    @Test
    void rejectionPassSumsTheMisfitBitForBit() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData full = noisy(feeder, 5);
        MeterData.Builder b = MeterData.builder(full.meterIds(), full.epochSeconds());
        SplittableRandom rnd = new SplittableRandom(9);
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < full.intervalCount(); t++) {
                // 20 % of voltages missing, all but the root's in the first ten intervals
                boolean hole = rnd.nextDouble() < 0.2 || (t < 10 && m != full.indexOf(feeder.tree().root()));
                b.set(m, t, hole ? Double.NaN : full.vKv(m, t), full.pMw(m, t), full.qMvar(m, t));
            }
        }
        MeterData d = b.build();
        TreeLayout lay = new TreeLayout(feeder.tree());
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            Branch br = feeder.branchTo(lay.buses.get(k));
            r[k] = br.rOhm() * (0.9 + 0.2 * rnd.nextDouble());
            x[k] = br.xOhm() * (0.9 + 0.2 * rnd.nextDouble());
        }
        for (boolean parallel : new boolean[]{false, true}) {
            LinearisedModel lin = LinearisedModel.of(d, feeder.tree(), lay, null, r, x, parallel);
            TreeSmoother smoother = new TreeSmoother(lin, JointNoiseEstimator.estimate(lin, r, x).kappa());
            JointMisfit alone = smoother.misfit(r, x, parallel);
            JointMisfit fused = ReadingRejection.reject(smoother, r, x, 5, 1e-4, parallel).misfitBefore();
            assertEquals(alone, fused, "parallel " + parallel);
            assertTrue(alone.intervals() < d.intervalCount(), "some intervals have fewer than two readings");
        }
    }

    /**
     * The blocked, interleaved linearisation gives the bits of the plain one-interval recursion
     * written out below (flows leaves-up with the branch equation, then the path offsets), with and
     * without filled gaps, on a length that is no multiple of the block or the group, with readings
     * missing and an interval whose flows are not finite.
     */
    @Test
    void linearisationEqualsTheOneIntervalRecursion() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData full = noisy(feeder, 3);
        int tt = 61;
        MeterData.Builder mb = MeterData.builder(full.meterIds(), java.util.Arrays.copyOf(full.epochSeconds(), tt));
        SplittableRandom rnd = new SplittableRandom(13);
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < tt; t++) {
                double v = rnd.nextDouble() < 0.1 ? Double.NaN : full.vKv(m, t);
                double p = rnd.nextDouble() < 0.05 ? Double.NaN : full.pMw(m, t);
                mb.set(m, t, t == 17 && m == 3 ? 0 : v, p, full.qMvar(m, t)); // u = 0 at t 17: infinite flows
            }
        }
        MeterData d = mb.build();
        RadialTree tree = feeder.tree();
        TreeLayout lay = new TreeLayout(tree);
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            Branch br = feeder.branchTo(lay.buses.get(k));
            r[k] = br.rOhm();
            x[k] = br.xOhm();
        }
        FilledReadings filled = FilledReadings.of(d, tree);
        for (FilledReadings gaps : new FilledReadings[]{null, filled}) {
            for (boolean parallel : new boolean[]{false, true}) {
                LinearisedModel lin = LinearisedModel.of(d, tree, lay, gaps, r, x, parallel);
                double[][] ref = oneIntervalAtATime(d, lay, gaps, r, x);
                String what = (gaps == null ? "raw" : "filled") + (parallel ? " parallel" : "");
                assertTrue(java.util.Arrays.equals(ref[0], lin.a), "a " + what);
                assertTrue(java.util.Arrays.equals(ref[1], lin.b), "b " + what);
                assertTrue(java.util.Arrays.equals(ref[2], lin.y), "y " + what);
            }
        }
    }

    /** The reference linearisation: {a, b, y} per interval t and bus k at t * N + k, one interval at a time. */
    private static double[][] oneIntervalAtATime(MeterData d, TreeLayout lay, FilledReadings gaps,
                                                 double[] r, double[] x) {
        int n = lay.n;
        int tt = d.intervalCount();
        double[] a = new double[n * tt];
        double[] b = new double[n * tt];
        double[] y = new double[n * tt];
        for (int t = 0; t < tt; t++) {
            double[] pr = new double[n];
            double[] qr = new double[n];
            double[] off = new double[n];
            int base = t * n;
            for (int k = 1; k < n; k++) {
                String bus = lay.buses.get(k);
                pr[k] = gaps == null ? d.pMw(d.indexOf(bus), t) : gaps.pMw()[gaps.row().get(bus)][t];
                qr[k] = gaps == null ? d.qMvar(d.indexOf(bus), t) : gaps.qMvar()[gaps.row().get(bus)][t];
            }
            boolean ok = true;
            for (int k = n - 1; k >= 1; k--) {
                String bus = lay.buses.get(k);
                double u = gaps == null ? squared(d.vKv(d.indexOf(bus), t)) : gaps.uFilled()[gaps.row().get(bus)][t];
                double p = pr[k];
                double q = qr[k];
                double l = BranchEquation.squaredCurrentTerm(p, q, u);
                double ak = 2 * p + 2 * r[k] * l;
                double bk = 2 * q + 2 * x[k] * l;
                off[k] = BranchEquation.sendingSquaredVoltage(r[k], x[k], p, q, u) - u - ak * r[k] - bk * x[k];
                a[base + k] = ak;
                b[base + k] = bk;
                ok &= Double.isFinite(ak) && Double.isFinite(bk) && Double.isFinite(off[k]);
                if (lay.parent[k] >= 1) {
                    pr[lay.parent[k]] += BranchEquation.sendingActiveMw(r[k], p, q, u);
                    qr[lay.parent[k]] += BranchEquation.sendingReactiveMvar(x[k], p, q, u);
                }
            }
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    off[k] += off[lay.parent[k]];
                }
                y[base + k] = ok ? -(squared(d.vKv(d.indexOf(lay.buses.get(k)), t)) + off[k]) : Double.NaN;
                if (!ok) {
                    a[base + k] = 0;
                    b[base + k] = 0;
                }
            }
        }
        return new double[][]{a, b, y};
    }

    private static double squared(double v) {
        return Double.isFinite(v) ? v * v : Double.NaN;
    }

    /**
     * The noise estimate's single pass over the intervals gives the bits of the separate passes it
     * replaced, written out below: each sibling pair's covariance summed on its own, the mean
     * squared voltage over all readings in index order (missing voltages included).
     */
    @Test
    void noiseEstimateEqualsItsSeparatePasses() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData full = noisy(feeder, 4);
        MeterData.Builder mb = MeterData.builder(full.meterIds(), full.epochSeconds());
        SplittableRandom rnd = new SplittableRandom(17);
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < full.intervalCount(); t++) {
                mb.set(m, t, rnd.nextDouble() < 0.1 ? Double.NaN : full.vKv(m, t), full.pMw(m, t), full.qMvar(m, t));
            }
        }
        MeterData d = mb.build();
        TreeLayout lay = new TreeLayout(feeder.tree());
        int n = lay.n;
        double[] r = new double[n];
        double[] x = new double[n];
        for (int k = 1; k < n; k++) {
            Branch br = feeder.branchTo(lay.buses.get(k));
            r[k] = br.rOhm() * 1.05;
            x[k] = br.xOhm() * 0.95;
        }
        LinearisedModel lin = LinearisedModel.of(d, feeder.tree(), lay, null, r, x, false);
        JointNoiseEstimator.Estimate noise = JointNoiseEstimator.estimate(lin, r, x);
        double sigma2 = noise.voltageNoiseVariance();
        double[] y = lin.y;
        double su = 0;
        long nu = 0;
        for (double v : y) {
            if (v == v) {
                su -= v;
                nu++;
            }
        }
        assertEquals(su / nu, noise.meanSquaredVoltage(), 0.0);
        int[] last = new int[n];
        java.util.Arrays.fill(last, -1);
        List<Double> covs = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            int p = lay.parent[k];
            if (last[p] >= 0) {
                int g = last[p];
                double sa = 0;
                double sb = 0;
                double sab = 0;
                double c = 0;
                for (int t = 0; t < d.intervalCount(); t++) {
                    int base = t * n;
                    double ea = y[base + g] - y[base + p] - lin.a[base + g] * r[g] - lin.b[base + g] * x[g];
                    double eb = y[base + k] - y[base + p] - lin.a[base + k] * r[k] - lin.b[base + k] * x[k];
                    if (ea == ea && eb == eb) {
                        sa += ea;
                        sb += eb;
                        sab += ea * eb;
                        c++;
                    }
                }
                covs.add((sab - sa * sb / c) / (c - 1));
            }
            last[p] = k;
        }
        assertTrue(covs.size() >= 2, "ieee13 has sibling pairs");
        double[] sorted = covs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
        // the estimate is that median unless the floor (exact data) lifts it
        assertTrue(median > 0, "noisy data: a positive sibling covariance");
        assertEquals(median, sigma2, 0.0);
    }

    /** The conjugate-gradient path reaches the dense solution. */
    @Test
    void iterativeSolverMatchesDense() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = noisy(feeder, 10);
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (Branch b : feeder.branches()) {
            starts.put(b.toBus(), JointRefinement.Start.free(b.rOhm() * 1.1, b.xOhm() * 0.9));
        }
        ImpedanceOptions o = ImpedanceOptions.defaults().withParallel(false);
        JointRefinement.Outcome dense = new JointRefinement(o).refine(d, feeder.tree(), null, starts);
        JointRefinement.Outcome cg = new JointRefinement(o, 0).refine(d, feeder.tree(), null, starts);
        assertTrue(dense.dense());
        assertTrue(!cg.dense());
        for (Branch b : feeder.branches()) {
            JointRefinement.Branch a = dense.branches().get(b.toBus());
            JointRefinement.Branch c = cg.branches().get(b.toBus());
            // CG stops when the remaining error is CG_CHI2 voltage-noise variances: what is left of
            // the iteration error must be small against the estimate's own standard error (a tenth)
            assertEquals(a.rOhm(), c.rOhm(), ITERATION_SHARE_OF_STDERR * a.rStdErr(), b.toBus());
            assertEquals(a.xOhm(), c.xOhm(), ITERATION_SHARE_OF_STDERR * a.xStdErr(), b.toBus());
        }
    }

    /**
     * With the library and the joint refinement, noise-free ieee13 still gets every line's true
     * conductor and length (0.5 %), and the transformer and the switch still fall back.
     */
    @Test
    void noiseFreeLibraryWithJointChoosesTrueConductors() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = Simulations.noiseFree(feeder, 10, 13);
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true)
                .withConductors(ConductorLibrary.builtIn().types())).estimate(d, feeder.tree());
        for (BranchEstimate e : r.branches()) {
            Branch truth = feeder.branchTo(e.toBus());
            if (truth.kind() == Branch.Kind.LINE && truth.conductor() != null) {
                assertEquals(truth.conductor(), e.conductor(), "conductor of branch to " + e.toBus());
                assertEquals(truth.lengthKm(), e.lengthKm(), NOISE_FREE_RELATIVE * truth.lengthKm(), "length to " + e.toBus());
            } else {
                assertNull(e.conductor(), "branch to " + e.toBus() + " is no line: it must fall back");
            }
        }
    }

    /**
     * Without voltage noise the branch residuals are flow errors, independent per branch (sibling
     * branches do not co-vary): the joint model finds nothing to pool and the estimator keeps the
     * sweep's fits bit for bit (ieee69, 90 days, 0.5 % P/Q noise: measured share 0.0022 against the
     * 0.02 threshold).
     */
    @Test
    void withoutVoltageNoiseTheSweepStands() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee69");
        MeterData d = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                .withIntervalMinutes(60).withSeed(1).withNoisePowerRelative(0.005)).meters();
        ImpedanceResult off = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(false))
                .estimate(d, feeder.tree());
        ImpedanceResult on = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true))
                .estimate(d, feeder.tree());
        assertEquals(off.branches(), on.branches());
        assertEquals(off.warnings(), on.warnings());
        assertEquals(JointRefinementReport.Status.NOT_REQUESTED, off.jointRefinement().status());
        JointRefinementReport report = on.jointRefinement();
        assertEquals(JointRefinementReport.Status.NOTHING_TO_POOL, report.status());
        assertEquals(JointRefinementReport.Solver.NONE, report.free().solver());
        assertTrue(report.free().voltageNoiseVariance() > 0, report.toString());
        assertNull(report.lengths());
    }

    /**
     * Where the refinement is not used: with loads estimated for missing readings (one load's P
     * missing for a day) the estimator keeps the sweep, says so, and gives exactly the result
     * with the option off; on the same noisy data without the gap the refinement does change the
     * result (so the equality above is the skip, not a no-op).
     */
    @Test
    void estimatedLoadsKeepTheSweepAndSaySo() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData d = noisy(feeder, 10);
        MeterData.Builder b = MeterData.builder(d.meterIds(), d.epochSeconds());
        int hole = d.indexOf(feeder.tree().childrenOf(feeder.rootBus()).get(0));
        for (int m = 0; m < d.meterCount(); m++) {
            for (int t = 0; t < d.intervalCount(); t++) {
                b.set(m, t, d.vKv(m, t), m == hole && t < 24 ? Double.NaN : d.pMw(m, t), d.qMvar(m, t));
            }
        }
        MeterData holed = b.build();
        ImpedanceResult on = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true))
                .estimate(holed, feeder.tree());
        ImpedanceResult off = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(false))
                .estimate(holed, feeder.tree());
        assertTrue(on.warnings().stream().anyMatch(w -> w.code() == WarningCode.JOINT_SKIPPED_ESTIMATED_LOADS),
                on.warnings().toString());
        assertEquals(JointRefinementReport.Status.SKIPPED_ESTIMATED_LOADS, on.jointRefinement().status());
        List<Warning> otherWarnings = new ArrayList<>(on.warnings());
        otherWarnings.removeIf(w -> w.code() == WarningCode.JOINT_SKIPPED_ESTIMATED_LOADS);
        assertEquals(off.warnings(), otherWarnings);
        assertEquals(off.branches(), on.branches());
        ImpedanceResult complete = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true))
                .estimate(d, feeder.tree());
        ImpedanceResult completeOff = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(false))
                .estimate(d, feeder.tree());
        assertNotEquals(completeOff.branches(), complete.branches());
    }

    /**
     * Bad data in the joint model: every 25th |V| reading of bus 5 of the 8-bus feeder 1 % off
     * (about 100 noise standard deviations at 1e-4 p.u.) on noisy data, 30 days. Exactly those
     * readings are dropped (a Gaussian reading passes 5 robust sigmas but for 6e-7 of them: none of
     * the 5,760 here, expected), and branch 4-5 then lies within {@link #STDERR_MULTIPLE} of its
     * joint standard errors of the truth; without rejection the glitches pull it off by more than half.
     */
    @Test
    void grossVoltageErrorsAreDroppedFromTheJointFit() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        MeterData clean = noisy(feeder, 30);
        MeterData.Builder b = MeterData.builder(clean.meterIds(), clean.epochSeconds());
        int bad = clean.indexOf("5");
        int spikes = 0;
        for (int m = 0; m < clean.meterCount(); m++) {
            for (int t = 0; t < clean.intervalCount(); t++) {
                boolean spike = m == bad && t % 25 == 0;
                spikes += spike ? 1 : 0;
                b.set(m, t, clean.vKv(m, t) * (spike ? 1.01 : 1), clean.pMw(m, t), clean.qMvar(m, t));
            }
        }
        MeterData glitchy = b.build();
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (Branch t : feeder.branches()) {
            starts.put(t.toBus(), JointRefinement.Start.free(t.rOhm() * 1.05, t.xOhm() * 0.95));
        }
        ImpedanceOptions o = ImpedanceOptions.defaults();
        JointRefinement.Outcome out = new JointRefinement(o).refine(glitchy, feeder.tree(), null, starts);
        assertTrue(out.pooled());
        assertEquals(spikes, out.rejected());
        Branch truth = feeder.branchTo("5");
        JointRefinement.Branch e = out.branches().get("5");
        assertEquals(truth.rOhm(), e.rOhm(), STDERR_MULTIPLE * e.rStdErr(), "r of 4-5");
        assertEquals(truth.xOhm(), e.xOhm(), STDERR_MULTIPLE * e.xStdErr(), "x of 4-5");
        JointRefinement.Branch raw = new JointRefinement(o.withBadDataSigmas(0))
                .refine(glitchy, feeder.tree(), null, starts).branches().get("5");
        assertTrue(Math.abs(raw.rOhm() - truth.rOhm()) > GLITCH_PULL_MIN_RELATIVE * truth.rOhm(),
                "glitches should matter without rejection: " + raw);
    }

    /**
     * Missing voltages drop out of the joint model: 10 % of bus 3's |V| readings removed (noisy
     * data, option on), branch 2-3 reports exactly the intervals where both its ends were read,
     * and every branch stays within {@link #STDERR_MULTIPLE} standard errors of the truth.
     */
    @Test
    void missingVoltagesDropOut() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        MeterData full = noisy(feeder, 30);
        MeterData.Builder b = MeterData.builder(full.meterIds(), full.epochSeconds());
        int m3 = full.indexOf("3");
        SplittableRandom rnd = new SplittableRandom(5);
        int holes = 0;
        for (int m = 0; m < full.meterCount(); m++) {
            for (int t = 0; t < full.intervalCount(); t++) {
                boolean hole = m == m3 && rnd.nextDouble() < 0.1;
                holes += hole ? 1 : 0;
                b.set(m, t, hole ? Double.NaN : full.vKv(m, t), full.pMw(m, t), full.qMvar(m, t));
            }
        }
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults().withJointRefinement(true))
                .estimate(b.build(), feeder.tree());
        assertEquals(full.intervalCount() - holes, r.branchTo("3").intervalsUsed());
        double z2 = 0;
        for (BranchEstimate e : r.branches()) {
            Branch t = feeder.branchTo(e.toBus());
            assertEquals(t.rOhm(), e.rOhm(), STDERR_MULTIPLE * e.rStdErr(), "r of " + e.toBus());
            assertEquals(t.xOhm(), e.xOhm(), STDERR_MULTIPLE * e.xStdErr(), "x of " + e.toBus());
            z2 += Math.pow((e.rOhm() - t.rOhm()) / e.rStdErr(), 2) + Math.pow((e.xOhm() - t.xOhm()) / e.xStdErr(), 2);
        }
        // the other side: standard errors much too large would pass every check above. For 2k honest
        // Gaussian z-scores, the mean z^2 lies within [CHI2_MEAN_LOW_14, CHI2_MEAN_HIGH_14] but for 0.2 % of data sets
        int k = 2 * r.branches().size();
        assertEquals(14, k);
        assertTrue(z2 / k >= CHI2_MEAN_LOW_14 && z2 / k <= CHI2_MEAN_HIGH_14, "mean z^2 " + z2 / k);
    }

    /** The 0.1 % and 99.9 % quantiles of &chi;&sup2;_14 / 14 (scipy.stats.chi2.ppf). */
    private static final double CHI2_MEAN_LOW_14 = 0.2172;
    private static final double CHI2_MEAN_HIGH_14 = 2.5802;

    /** Intervals are summed in fixed chunks: the parallel run gives the same bits as the sequential one. */
    @Test
    void parallelEqualsSequentialBitForBit() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        MeterData d = noisy(feeder, 20);
        ImpedanceOptions o = ImpedanceOptions.defaults().withJointRefinement(true).withConductors(SmallFeeders.LIBRARY);
        ImpedanceResult seq = new ImpedanceEstimator(o.withParallel(false)).estimate(d, feeder.tree());
        ImpedanceResult par = new ImpedanceEstimator(o.withParallel(true)).estimate(d, feeder.tree());
        assertEquals(seq, par);
    }

    /**
     * Noise-free validation feeders, the joint solve forced to pool (by default it keeps the sweep
     * here): the 0.5 % bound holds for every branch.
     */
    @Test
    void noiseFreeFeedersStayWithinHalfAPercent() throws GrididException {
        for (String name : List.of("ieee13", "ieee69")) {
            Feeder feeder = TestFeeders.load(name);
            MeterData d = Simulations.noiseFree(feeder, 10, 1);
            ImpedanceOptions o = ImpedanceOptions.defaults().withJointRefinement(false);
            Map<String, JointRefinement.Start> starts = new HashMap<>();
            for (BranchEstimate e : new ImpedanceEstimator(o).estimate(d, feeder.tree()).branches()) {
                starts.put(e.toBus(), JointRefinement.Start.free(e.rOhm(), e.xOhm()));
            }
            JointRefinement.Outcome out = new JointRefinement(o, NormalEquationsSolver.DENSE_MAX_UNKNOWNS, 0)
                    .refine(d, feeder.tree(), null, starts);
            assertTrue(out.pooled());
            for (Branch t : feeder.branches()) {
                JointRefinement.Branch e = out.branches().get(t.toBus());
                double z = Math.hypot(t.rOhm(), t.xOhm());
                double rRef = t.rOhm() > 0 ? t.rOhm() : z;
                double xRef = t.xOhm() > 0 ? t.xOhm() : z;
                assertEquals(t.rOhm(), e.rOhm(), NOISE_FREE_RELATIVE * rRef, name + " r " + t.toBus());
                assertEquals(t.xOhm(), e.xOhm(), NOISE_FREE_RELATIVE * xRef, name + " x " + t.toBus());
            }
        }
    }
}

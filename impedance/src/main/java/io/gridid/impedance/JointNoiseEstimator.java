package io.gridid.impedance;

import io.gridid.solvers.fit.Median;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the joint model's noise from the pairwise residuals e_c = u_p &minus; u_c &minus; d_c of a
 * {@link LinearisedModel} at its start: var(e_c) = 2&sigma;&sup2; + &tau;_c&sup2;, and two sibling branches
 * share only their parent's meter, so cov(e_c, e_g) = &sigma;&sup2; (their flow errors come from
 * different loads). &sigma;&sup2; = the median sibling covariance; without siblings, half the smallest
 * var(e_c); &kappa;_c = &tau;_c&sup2;/&sigma;&sup2;. Two passes over the readings, O(N&middot;T).
 */
final class JointNoiseEstimator {
    /**
     * A branch's flow-error variance is kept only when the pairwise residual variance exceeds twice
     * the voltage-noise variance by this many of its standard errors (3: Gaussian sampling noise
     * crosses it in about 1 branch in 700).
     */
    static final double KAPPA_SIGNIFICANCE = 3;
    /**
     * When the voltage noise (2&sigma;&sup2; in a branch's difference) is below this share of the median
     * branch residual variance, the residuals are flow errors, independent per branch: the joint
     * model then decouples into the pairwise fits and there is nothing to pool. 0.02 sits ten times
     * above the ratio of noise-free data and far below that of any voltage noise (docs/decisions/002).
     */
    static final double NEGLIGIBLE_VOLTAGE_NOISE = 0.02;
    /**
     * Voltage noise (standard deviation of u) below this share of the mean u is rounding, not meter
     * noise: 1e-7 of u is 5e-8 p.u. on |V|, twenty times below a 1e-6 p.u. meter, and exact
     * simulated data sit at about 1e-10; at rounding level the sibling covariances decide nothing.
     */
    static final double ROUNDING_SHARE = 1e-7;
    /**
     * Floor of &sigma;&sup2; as a share of the smallest branch residual variance: exact data show no voltage
     * noise, and a positive &sigma;&sup2; keeps every &kappa; finite (the branches then decouple).
     */
    static final double SIGMA2_FLOOR_SHARE = 1e-9;
    /** Smallest variance the floor starts from, kV&#8308;: positive where every residual variance is exactly 0. */
    static final double TINY_VARIANCE = 1e-300;

    private JointNoiseEstimator() {
    }

    /**
     * The estimate on one model.
     *
     * @param voltageNoiseVariance  &sigma;&sup2; of one squared-voltage reading, kV&#8308; (&gt; 0)
     * @param kappa                 per bus (index of the layout; 0 at the root): &kappa; &ge; 0
     * @param meanSquaredVoltage    mean u over the readings, kV&sup2; (NaN without readings)
     * @param medianBranchVariance  median over branches of var(e_c), kV&#8308; (NaN without any)
     */
    record Estimate(double voltageNoiseVariance, double[] kappa, double meanSquaredVoltage,
                    double medianBranchVariance) {
        Estimate {
            kappa = kappa.clone();
        }

        @Override
        public double[] kappa() {
            return kappa.clone();
        }

        /**
         * Whether there is nothing to pool: the voltage noise is below {@code negligibleShare} of
         * the median branch residual variance, or (with a positive share) at rounding level.
         */
        boolean negligible(double negligibleShare) {
            double roundingLevel = ROUNDING_SHARE * meanSquaredVoltage;
            return 2 * voltageNoiseVariance <= negligibleShare * medianBranchVariance
                    || (negligibleShare > 0 && voltageNoiseVariance <= roundingLevel * roundingLevel);
        }

        /** As a {@link JointNoiseModel} over the layout's buses, keeping the branches with &kappa; &gt; 0. */
        JointNoiseModel model(TreeLayout lay) {
            Map<String, Double> k = new HashMap<>();
            for (int i = 1; i < lay.n; i++) {
                if (kappa[i] > 0) {
                    k.put(lay.buses.get(i), kappa[i]);
                }
            }
            return new JointNoiseModel(voltageNoiseVariance, k);
        }
    }

    /** The per-bus &kappa; of a given noise model (the layout's order; 0 at the root). */
    static double[] kappaOf(JointNoiseModel noise, TreeLayout lay) {
        double[] kappa = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            kappa[k] = noise.flowErrorRatioOf(lay.buses.get(k));
        }
        return kappa;
    }

    /**
     * Estimates the noise from the model's pairwise residuals at (r, x).
     *
     * @param r per bus, ohm (not modified)
     * @param x per bus, ohm (not modified)
     */
    static Estimate estimate(LinearisedModel model, double[] r, double[] x) {
        int n = model.n;
        double[] y = model.y;
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        double[] cnt = new double[n];
        // the mean squared voltage over the readings in the same pass (summed in index order)
        double su = 0;
        long nu = 0;
        for (int t = 0; t < model.t; t++) {
            int base = t * n;
            if (y[base] == y[base]) {
                su -= y[base];
                nu++;
            }
            for (int k = 1; k < n; k++) {
                double yk = y[base + k];
                if (yk == yk) {
                    su -= yk;
                    nu++;
                }
                double e = model.edgeResidual(base, k, r, x);
                if (e == e) {
                    s1[k] += e;
                    s2[k] += e * e;
                    cnt[k]++;
                }
            }
        }
        double[] var = new double[n];
        double smallest = Double.POSITIVE_INFINITY;
        double[] vs = new double[n];
        int nv = 0;
        for (int k = 1; k < n; k++) {
            var[k] = cnt[k] > 1 ? (s2[k] - s1[k] * s1[k] / cnt[k]) / (cnt[k] - 1) : Double.NaN;
            if (var[k] == var[k]) {
                smallest = Math.min(smallest, var[k]);
                vs[nv++] = var[k];
            }
        }
        double meanSquaredVoltage = nu > 0 ? su / nu : Double.NaN;
        double medianBranchVariance = nv > 0 ? Median.ofFirst(vs, nv) : Double.NaN;
        double sigma2 = siblingCovariance(model, r, x, 0.5 * smallest);
        double floor = Double.isFinite(smallest) ? SIGMA2_FLOOR_SHARE * Math.max(smallest, TINY_VARIANCE) : TINY_VARIANCE;
        sigma2 = Math.max(sigma2, floor);
        double[] kappa = new double[n];
        for (int k = 1; k < n; k++) {
            // keep only flow errors the data show: var(e_c) - 2 sigma^2 beyond KAPPA_SIGNIFICANCE standard
            // errors of the variance estimate (sqrt(2 / T) var for Gaussian residuals); sampling noise
            // alone would otherwise give the trunk branches a spurious kappa of a few per cent, which
            // outweighs the 1/n_c precision of a large subtree's drop
            double se = var[k] * Math.sqrt(2 / Math.max(cnt[k] - 1, 1));
            kappa[k] = var[k] == var[k] ? Math.max(var[k] - 2 * sigma2 - KAPPA_SIGNIFICANCE * se, 0) / sigma2 : 0;
        }
        return new Estimate(sigma2, kappa, meanSquaredVoltage, medianBranchVariance);
    }

    /**
     * The median covariance of the pairwise residuals of consecutive siblings (every pair's sums in
     * one pass over the intervals, each pair's in interval order), or {@code without} when no pair
     * has two common intervals.
     */
    private static double siblingCovariance(LinearisedModel model, double[] r, double[] x, double without) {
        int n = model.n;
        int[] last = new int[n];
        java.util.Arrays.fill(last, -1);
        List<int[]> pairs = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            int p = model.parent[k];
            if (last[p] >= 0) {
                pairs.add(new int[]{last[p], k});
            }
            last[p] = k;
        }
        int np = pairs.size();
        double[] sa = new double[np];
        double[] sb = new double[np];
        double[] sab = new double[np];
        double[] c = new double[np];
        for (int t = 0; np > 0 && t < model.t; t++) {
            int base = t * n;
            for (int q = 0; q < np; q++) {
                int[] pr = pairs.get(q);
                double ea = model.edgeResidual(base, pr[0], r, x);
                double eb = model.edgeResidual(base, pr[1], r, x);
                if (ea == ea && eb == eb) {
                    sa[q] += ea;
                    sb[q] += eb;
                    sab[q] += ea * eb;
                    c[q]++;
                }
            }
        }
        double[] covs = new double[np];
        int m = 0;
        for (int q = 0; q < np; q++) {
            if (c[q] > 1) {
                covs[m++] = (sab[q] - sa[q] * sb[q] / c[q]) / (c[q] - 1);
            }
        }
        return m > 0 ? Median.ofFirst(covs, m) : without;
    }
}

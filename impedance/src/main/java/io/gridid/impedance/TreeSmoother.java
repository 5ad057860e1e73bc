package io.gridid.impedance;

import java.util.List;

/**
 * The joint objective of a {@link LinearisedModel} under a noise model, evaluated interval by
 * interval with a tree smoother. For drops h = J&theta; per branch and the interval's readings y it
 * minimises over the latent voltages w
 * <pre>
 *   &Sigma;_read (y_k &minus; w_k)&sup2; + &Sigma;_branches (w_c &minus; w_p &minus; h_c)&sup2; / &kappa;_c
 * </pre>
 * by elimination leaves-up and substitution top-down, O(N) per interval (with &kappa; = 0 it
 * centres the interval over its readings); &lambda;_c = (w_c &minus; w_p &minus; h_c)/&kappa;_c (finite as
 * &kappa;_c &rarr; 0) is the subtree's pull on branch c. The gradient and the misfit are O(N&middot;T) passes
 * in the model's fixed chunks (identical bits sequential or parallel).
 */
final class TreeSmoother {
    final LinearisedModel model;
    /** Per branch (child bus): its flow-error variance over the voltage-noise variance; 0 = none. */
    final double[] kappa;
    /** The elimination weights of an interval with every reading. */
    private final double[] fullAlpha;
    private final double[] fullG;

    /** @param kappa per bus, &ge; 0 (index 0 unused; copied) */
    TreeSmoother(LinearisedModel model, double[] kappa) {
        int n = model.n;
        this.model = model;
        this.kappa = kappa.clone();
        fullAlpha = new double[n];
        fullG = new double[n];
        java.util.Arrays.fill(fullAlpha, 1);
        for (int k = n - 1; k >= 1; k--) {
            double g = 1 / (1 + fullAlpha[k] * this.kappa[k]);
            fullG[k] = g;
            fullAlpha[model.parent[k]] += fullAlpha[k] * g;
        }
    }

    /** One thread's working arrays: the elimination's, the drops h, the latent voltages w and the pulls &lambda;. */
    static final class Scratch {
        final double[] alpha;
        final double[] beta;
        final double[] h;
        /** Latent voltages after {@link #smooth}. */
        final double[] w;
        /** Pulls per branch after {@link #smooth}. */
        final double[] lambda;

        Scratch(int n) {
            alpha = new double[n];
            beta = new double[n];
            h = new double[n];
            w = new double[n];
            lambda = new double[n];
        }
    }

    /**
     * Smooths interval {@code t} at (r, x) into {@code s.w} and {@code s.lambda}: with the readings
     * y, or ({@code withY} false) with zeros on the same readings.
     */
    void smooth(int t, double[] r, double[] x, boolean withY, Scratch s) {
        int n = model.n;
        int[] parent = model.parent;
        double[] a = model.a;
        double[] b = model.b;
        double[] y = model.y;
        double[] alpha = s.alpha;
        double[] beta = s.beta;
        double[] h = s.h;
        double[] w = s.w;
        double[] lambda = s.lambda;
        int base = t * n;
        if (model.readings(t) == n) {
            // every bus read: the elimination's weights are the same each interval (precomputed)
            for (int k = 0; k < n; k++) {
                beta[k] = withY ? y[base + k] : 0;
            }
            for (int k = n - 1; k >= 1; k--) {
                double hk = a[base + k] * r[k] + b[base + k] * x[k];
                h[k] = hk;
                beta[parent[k]] += (beta[k] - fullAlpha[k] * hk) * fullG[k];
            }
            w[0] = beta[0] / fullAlpha[0];
            for (int k = 1; k < n; k++) {
                double sk = w[parent[k]] + h[k];
                double lam = (beta[k] - fullAlpha[k] * sk) * fullG[k];
                lambda[k] = lam;
                w[k] = sk + kappa[k] * lam;
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double yk = y[base + k];
            boolean obs = yk == yk;
            alpha[k] = obs ? 1 : 0;
            beta[k] = obs && withY ? yk : 0;
        }
        for (int k = n - 1; k >= 1; k--) {
            double hk = a[base + k] * r[k] + b[base + k] * x[k];
            h[k] = hk;
            double den = 1 + alpha[k] * kappa[k];
            double ap = alpha[k] / den;
            int p = parent[k];
            alpha[p] += ap;
            beta[p] += beta[k] / den - ap * hk;
        }
        w[0] = alpha[0] > 0 ? beta[0] / alpha[0] : 0;
        for (int k = 1; k < n; k++) {
            double sk = w[parent[k]] + h[k];
            double lam = (beta[k] - alpha[k] * sk) / (1 + alpha[k] * kappa[k]);
            lambda[k] = lam;
            w[k] = sk + kappa[k] * lam;
        }
    }

    /**
     * The objective's terms of interval t after {@link #smooth} with y: &Sigma; (y &minus; w)&sup2; over its
     * readings plus &Sigma; &kappa;&lambda;&sup2; over the branches, kV&#8308;, added to {@code ss} in bus order.
     */
    double intervalSquares(int t, Scratch s, double ss) {
        int n = model.n;
        int base = t * n;
        for (int k = 0; k < n; k++) {
            double yk = model.y[base + k];
            if (yk == yk) {
                ss += (yk - s.w[k]) * (yk - s.w[k]);
            }
            if (k > 0) {
                ss += kappa[k] * s.lambda[k] * s.lambda[k];
            }
        }
        return ss;
    }

    /**
     * Half the gradient of the joint objective, K&theta; &minus; rhs (withY) or K&theta;, as {g_r, g_x} per bus
     * (K = the normal matrix in units of the voltage-noise variance). O(N&middot;T).
     */
    double[][] gradient(double[] r, double[] x, boolean withY, boolean parallel) {
        int n = model.n;
        List<double[][]> parts = LinearisedModel.overChunks(c -> {
            int[] span = model.chunk(c);
            double[] gr = new double[n];
            double[] gx = new double[n];
            Scratch s = new Scratch(n);
            for (int t = span[0]; t < span[1]; t++) {
                if (model.readings(t) < 2) {
                    continue;
                }
                smooth(t, r, x, withY, s);
                int base = t * n;
                for (int k = 1; k < n; k++) {
                    gr[k] -= model.a[base + k] * s.lambda[k];
                    gx[k] -= model.b[base + k] * s.lambda[k];
                }
            }
            return new double[][]{gr, gx};
        }, parallel);
        double[] gr = new double[n];
        double[] gx = new double[n];
        for (double[][] p : parts) {
            for (int k = 0; k < n; k++) {
                gr[k] += p[0][k];
                gx[k] += p[1][k];
            }
        }
        return new double[][]{gr, gx};
    }

    /**
     * The tree's part of log det of one interval's reading covariance over &sigma;&sup2;, the root
     * voltage integrated out (flat), given which buses were read: eliminating the latent voltages
     * leaves-up gives the pivots 1 + &alpha;_c&kappa;_c per branch and &alpha;_root at the root, with
     * &alpha;_k = [k read] + &Sigma;_children &alpha;_c / (1 + &alpha;_c&kappa;_c) the subtree's accumulated
     * precision (an unread bus contributes no reading, so its &alpha; starts at 0). With every
     * &kappa; = 0 it is log(readings). O(N).
     *
     * @param read  whether bus k was read
     * @param alpha scratch of length n (overwritten)
     */
    static double intervalLogDeterminant(int[] parent, double[] kappa, java.util.function.IntPredicate read,
                                         double[] alpha) {
        int n = parent.length;
        for (int k = 0; k < n; k++) {
            alpha[k] = read.test(k) ? 1 : 0;
        }
        double sum = 0;
        for (int k = n - 1; k >= 1; k--) {
            double pivot = 1 + alpha[k] * kappa[k];
            sum += Math.log(pivot);
            alpha[parent[k]] += alpha[k] / pivot;
        }
        return sum + Math.log(alpha[0]);
    }

    /**
     * &Sigma; over the intervals with at least two readings (those {@link #misfit} sums) of
     * {@link #intervalLogDeterminant} with each interval's own readings: the intervals with every
     * bus read share one value, the others cost O(N) each, so O(N&middot;T) at most.
     */
    double logDeterminant(boolean parallel) {
        int n = model.n;
        double[] scratch = new double[n];
        double full = intervalLogDeterminant(model.parent, kappa, k -> true, scratch);
        List<double[]> parts = LinearisedModel.overChunks(c -> {
            int[] span = model.chunk(c);
            double[] alpha = new double[n];
            double sum = 0;
            for (int t = span[0]; t < span[1]; t++) {
                int cnt = model.readings(t);
                if (cnt < 2) {
                    continue;
                }
                int base = t * n;
                sum += cnt == n ? full
                        : intervalLogDeterminant(model.parent, kappa, k -> model.y[base + k] == model.y[base + k], alpha);
            }
            return new double[]{sum};
        }, parallel);
        double sum = 0;
        for (double[] p : parts) {
            sum += p[0];
        }
        return sum;
    }

    /**
     * The objective at &theta; = (r, x) (kV&#8308;; with &kappa; = 0 the sum of squared centred
     * residuals), the readings and the intervals with at least two readings. O(N&middot;T).
     */
    JointMisfit misfit(double[] r, double[] x, boolean parallel) {
        int n = model.n;
        List<double[]> parts = LinearisedModel.overChunks(c -> {
            int[] span = model.chunk(c);
            Scratch s = new Scratch(n);
            double ss = 0;
            long readings = 0;
            long intervals = 0;
            for (int t = span[0]; t < span[1]; t++) {
                int cnt = model.readings(t);
                if (cnt < 2) {
                    continue;
                }
                smooth(t, r, x, true, s);
                ss = intervalSquares(t, s, ss);
                readings += cnt;
                intervals++;
            }
            return new double[]{ss, readings, intervals};
        }, parallel);
        return JointMisfit.sum(parts);
    }
}

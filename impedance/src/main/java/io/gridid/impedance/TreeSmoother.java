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
 *
 * <p><b>Filled loads.</b> Given the voltage-noise variance &sigma;&sup2;, an interval with loads filled for
 * missing readings ({@link FilledLoads}) gets one more latent per filled load, z ~ N(0, 1), shifting
 * the drops of the branches above it by z&middot;c (c = 2r s_P + 2x s_Q); the objective adds &sigma;&sup2;z&sup2;
 * and the drops become h + &Sigma; c z. The smoother minimises over z too: with G the shifts' effect
 * on the readings and P&#8320; the interval's projection without them, z = (I + G&#7488;P&#8320;G/&sigma;&sup2;)&#8315;&sup1;
 * G&#7488;P&#8320;e/&sigma;&sup2; for the residual e, each column of P&#8320;G one elimination with the shift as
 * its drops (O(N) each, O(N&middot;m&sup2;) for m filled loads); the log-determinant gains
 * log det(I + G&#7488;P&#8320;G/&sigma;&sup2;). This is the exact Gaussian likelihood with the loads'
 * errors integrated out (the rank-m update of the readings' covariance).
 */
final class TreeSmoother {
    final LinearisedModel model;
    /** Per branch (child bus): its flow-error variance over the voltage-noise variance; 0 = none. */
    final double[] kappa;
    /** The voltage-noise variance, kV&#8308;, when filled loads are integrated out; NaN: they are not. */
    private final double sigma2;
    /** The elimination weights of an interval with every reading. */
    private final double[] fullAlpha;
    private final double[] fullG;

    /** @param kappa per bus, &ge; 0 (index 0 unused; copied); filled loads taken as read */
    TreeSmoother(LinearisedModel model, double[] kappa) {
        this(model, kappa, Double.NaN);
    }

    /**
     * @param kappa  per bus, &ge; 0 (index 0 unused; copied)
     * @param sigma2 the voltage-noise variance, kV&#8308; (&gt; 0): the filled loads' errors are integrated out
     */
    TreeSmoother(LinearisedModel model, double[] kappa, double sigma2) {
        int n = model.n;
        this.model = model;
        this.sigma2 = sigma2;
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
        /** &sigma;&sup2;&Sigma;z&sup2; of the filled loads' latents after {@link #smooth}, kV&#8308; (0 without). */
        double latentSquares;
        /** Filled loads: one load's drop shifts, the base residuals, and per load its effect on the readings and P&#8320; of it. */
        final double[] shift;
        final double[] residual;
        double[][] effect = new double[0][];
        double[][] projected = new double[0][];
        /** I + G&#7488;P&#8320;G/&sigma;&sup2; (then its Cholesky factor), row-major, and the latents. */
        double[] system = new double[0];
        double[] z = new double[0];

        Scratch(int n) {
            alpha = new double[n];
            beta = new double[n];
            h = new double[n];
            w = new double[n];
            lambda = new double[n];
            shift = new double[n];
            residual = new double[n];
        }

        void reserve(int m, int n) {
            if (effect.length < m) {
                effect = new double[m][n];
                projected = new double[m][n];
                system = new double[m * m];
                z = new double[m];
            }
        }
    }

    /** Whether interval t has every reading and no filled load to integrate out: the precomputed weights apply. */
    boolean uniform(int t) {
        return model.readings(t) == model.n && !filledIn(t);
    }

    private boolean filledIn(int t) {
        return sigma2 == sigma2 && model.hasFilledLoads(t);
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
        double[] beta = s.beta;
        double[] h = s.h;
        double[] w = s.w;
        double[] lambda = s.lambda;
        int base = t * n;
        s.latentSquares = 0;
        if (uniform(t)) {
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
        for (int k = 1; k < n; k++) {
            h[k] = a[base + k] * r[k] + b[base + k] * x[k];
        }
        eliminate(t, withY, h, s);
        if (!filledIn(t)) {
            return;
        }
        // the base residuals P0 e (before the filled loads' eliminations reuse w), then b = G^T P0 e / sigma^2 into z
        for (int k = 0; k < n; k++) {
            double yk = y[base + k];
            s.residual[k] = yk == yk ? (withY ? yk : 0) - w[k] : 0;
        }
        int m = filledSystem(t, s);
        for (int q = 0; q < m; q++) {
            double bq = 0;
            for (int k = 0; k < n; k++) {
                bq += s.effect[q][k] * s.residual[k];
            }
            s.z[q] = bq / sigma2;
        }
        choleskySolve(s.system, m, s.z);
        double zz = 0;
        for (int q = 0; q < m; q++) {
            model.filled.dropShift(t, q, s.shift);
            for (int k = 1; k < n; k++) {
                h[k] += s.shift[k] * s.z[q];
            }
            zz += s.z[q] * s.z[q];
        }
        eliminate(t, withY, h, s);
        s.latentSquares = sigma2 * zz;
    }

    /**
     * The elimination of interval t with the drops {@code h} (index 0 unused) into {@code s.w} and
     * {@code s.lambda}, over the buses read.
     */
    private void eliminate(int t, boolean withY, double[] h, Scratch s) {
        int n = model.n;
        int[] parent = model.parent;
        double[] y = model.y;
        double[] alpha = s.alpha;
        double[] beta = s.beta;
        double[] w = s.w;
        double[] lambda = s.lambda;
        int base = t * n;
        for (int k = 0; k < n; k++) {
            double yk = y[base + k];
            boolean obs = yk == yk;
            alpha[k] = obs ? 1 : 0;
            beta[k] = obs && withY ? yk : 0;
        }
        for (int k = n - 1; k >= 1; k--) {
            double hk = h[k];
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
     * The filled loads' system of interval t: per load its effect G on the readings (the shifts summed
     * down the tree, 0 at unread buses) and P&#8320;G (an elimination with the shifts as drops and no
     * readings: the latent voltages it gives), then I + G&#7488;P&#8320;G/&sigma;&sup2; factored in {@code s.system}.
     * Independent of (r, x) and y.
     *
     * @return the number of filled loads m
     */
    private int filledSystem(int t, Scratch s) {
        int n = model.n;
        int[] parent = model.parent;
        int base = t * n;
        int m = model.filled.count(t);
        s.reserve(m, n);
        for (int q = 0; q < m; q++) {
            model.filled.dropShift(t, q, s.shift);
            eliminate(t, false, s.shift, s);
            double[] g = s.effect[q];
            double[] pg = s.projected[q];
            g[0] = 0;
            for (int k = 1; k < n; k++) {
                g[k] = g[parent[k]] + s.shift[k];
            }
            // P0 G is 0 at unread buses, so the products below run over the readings only
            for (int k = 0; k < n; k++) {
                pg[k] = model.y[base + k] == model.y[base + k] ? s.w[k] : 0;
            }
        }
        for (int p = 0; p < m; p++) {
            for (int q = 0; q <= p; q++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += s.effect[p][k] * s.projected[q][k];
                }
                v /= sigma2;
                s.system[p * m + q] = (p == q ? 1 : 0) + v;
                s.system[q * m + p] = s.system[p * m + q];
            }
        }
        choleskyFactor(s.system, m);
        return m;
    }

    /** In place: the lower Cholesky factor of the symmetric positive definite m&times;m {@code a}. */
    private static void choleskyFactor(double[] a, int m) {
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * m + k] * a[j * m + k];
            }
            d = Math.sqrt(d);
            a[j * m + j] = d;
            for (int i = j + 1; i < m; i++) {
                double v = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * m + k] * a[j * m + k];
                }
                a[i * m + j] = v / d;
            }
        }
    }

    /** Solves L L&#7488; z = b in place ({@code l} from {@link #choleskyFactor}). */
    private static void choleskySolve(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double v = b[i];
            for (int k = 0; k < i; k++) {
                v -= l[i * m + k] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double v = b[i];
            for (int k = i + 1; k < m; k++) {
                v -= l[k * m + i] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
    }

    /**
     * The objective's terms of interval t after {@link #smooth} with y: &Sigma; (y &minus; w)&sup2; over its
     * readings plus &Sigma; &kappa;&lambda;&sup2; over the branches plus the filled loads' &sigma;&sup2;&Sigma;z&sup2;,
     * kV&#8308;, added to {@code ss} in bus order.
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
        return ss + s.latentSquares;
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
     * {@link #intervalLogDeterminant} with each interval's own readings, plus log det(I +
     * G&#7488;P&#8320;G/&sigma;&sup2;) where filled loads are integrated out: the intervals with every bus read
     * and no filled load share one value, the others cost O(N) each (O(N&middot;m&sup2;) with m filled loads).
     */
    double logDeterminant(boolean parallel) {
        int n = model.n;
        double full = intervalLogDeterminant(model.parent, kappa, k -> true, new double[n]);
        List<double[]> parts = LinearisedModel.overChunks(c -> {
            int[] span = model.chunk(c);
            double[] alpha = new double[n];
            Scratch s = new Scratch(n);
            double sum = 0;
            for (int t = span[0]; t < span[1]; t++) {
                int cnt = model.readings(t);
                if (cnt < 2) {
                    continue;
                }
                int base = t * n;
                sum += cnt == n ? full
                        : intervalLogDeterminant(model.parent, kappa, k -> model.y[base + k] == model.y[base + k], alpha);
                if (filledIn(t)) {
                    int m = filledSystem(t, s);
                    for (int q = 0; q < m; q++) {
                        sum += 2 * Math.log(s.system[q * m + q]);
                    }
                }
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

package io.gridid.impedance;

import java.util.List;

/**
 * The conjugate-gradient preconditioner of the joint normal equations: K &asymp; S (W&#771; &otimes; I) S with
 * S the symmetric square roots of the 2&times;2 (1&times;1 for a typed branch) diagonal blocks of K and W&#771;
 * the normalised centring weight (P&#7488;CP scaled to unit diagonal), exact when every branch's flows
 * are one common pair of shapes; W&#771;&#8315;&sup1; = D&frac12; B B&#7488; D&frac12; (B the branch&ndash;bus incidence).
 * Built in O(N&middot;T); applied in O(N).
 */
final class BlockPreconditioner {
    /**
     * A block whose determinant is below this share of the product of its diagonal (its r and x
     * columns parallel to about 1e-6) is treated as singular and scaled by its diagonal only.
     */
    static final double SINGULAR_BLOCK = 1e-12;

    private final JointParameters par;
    private final double[] kaa;
    private final double[] kab;
    private final double[] kbb;
    private final double[] weight;
    private final int[] parent;
    private final double[] kappa;

    private BlockPreconditioner(JointParameters par, double[] kaa, double[] kab, double[] kbb, double[] weight,
                                int[] parent, double[] kappa) {
        this.par = par;
        this.kaa = kaa;
        this.kab = kab;
        this.kbb = kbb;
        this.weight = weight;
        this.parent = parent;
        this.kappa = kappa;
    }

    /** For the problem's readings as they are now. */
    static BlockPreconditioner of(JointProblem problem) {
        LinearisedModel lin = problem.model();
        double[] kappa = problem.smoother.kappa;
        int n = lin.n;
        List<double[][]> parts = LinearisedModel.overChunks(c -> {
            int[] span = lin.chunk(c);
            double[] aa = new double[n];
            double[] ab = new double[n];
            double[] bb = new double[n];
            double[] ww = new double[n + 1];
            int[] cnt = new int[n];
            for (int t = span[0]; t < span[1]; t++) {
                int base = t * n;
                int total = 0;
                for (int k = 0; k < n; k++) {
                    cnt[k] = lin.y[base + k] == lin.y[base + k] ? 1 : 0;
                    total += cnt[k];
                }
                for (int k = n - 1; k >= 1; k--) {
                    cnt[lin.parent[k]] += cnt[k];
                }
                if (total < 2) {
                    continue;
                }
                for (int k = 1; k < n; k++) {
                    double w0 = cnt[k] - (double) cnt[k] * cnt[k] / total;
                    double w = w0 / (1 + w0 * kappa[k]);
                    double ak = lin.a[base + k];
                    double bk = lin.b[base + k];
                    aa[k] += w * ak * ak;
                    ab[k] += w * ak * bk;
                    bb[k] += w * bk * bk;
                    ww[k] += w;
                }
                ww[n]++;
            }
            return new double[][]{aa, ab, bb, ww};
        }, problem.parallel);
        double[] aa = new double[n];
        double[] ab = new double[n];
        double[] bb = new double[n];
        double[] ww = new double[n + 1];
        for (double[][] p : parts) {
            for (int k = 0; k < n; k++) {
                aa[k] += p[0][k];
                ab[k] += p[1][k];
                bb[k] += p[2][k];
                ww[k] += p[3][k];
            }
            ww[n] += p[3][n];
        }
        double[] weight = new double[n];
        for (int k = 1; k < n; k++) {
            weight[k] = ww[n] > 0 ? ww[k] / ww[n] : 0;
        }
        return new BlockPreconditioner(problem.par, aa, ab, bb, weight, lin.parent, kappa);
    }

    /** M&#8315;&sup1;v over the free components (fixed ones 0; v not modified). */
    double[] apply(double[] v, boolean[] fixed) {
        int n = kaa.length;
        double[][] w = new double[2][n];
        double[][] sinv = new double[n][];
        for (int k = 1; k < n; k++) {
            int c = par.col[k];
            if (par.typed(k)) {
                double s = par.alongType(k, kaa[k], kab[k], kbb[k]);
                double si = fixed[c] || !(s > 0) ? 0 : 1 / Math.sqrt(s);
                sinv[k] = new double[]{si, 0, 0};
                w[0][k] = si * v[c];
                continue;
            }
            double p = fixed[c] ? 0 : kaa[k];
            double q = fixed[c] || fixed[c + 1] ? 0 : kab[k];
            double r = fixed[c + 1] ? 0 : kbb[k];
            double det = p * r - q * q;
            double[] m;
            if (!(det > SINGULAR_BLOCK * p * r)) {
                m = new double[]{p > 0 ? 1 / Math.sqrt(p) : 0, 0, r > 0 ? 1 / Math.sqrt(r) : 0};
            } else {
                double sd = Math.sqrt(det);
                double tnorm = Math.sqrt(p + r + 2 * sd);
                // sqrt = (M + sd I) / tnorm; inverse of [[e, f], [f, g]]
                double e = (p + sd) / tnorm;
                double f = q / tnorm;
                double g = (r + sd) / tnorm;
                double dd = e * g - f * f;
                m = new double[]{g / dd, -f / dd, e / dd};
            }
            sinv[k] = m;
            w[0][k] = m[0] * v[c] + m[1] * v[c + 1];
            w[1][k] = m[1] * v[c] + m[2] * v[c + 1];
        }
        double[] bus = new double[n];
        for (int ch = 0; ch < 2; ch++) {
            java.util.Arrays.fill(bus, 0);
            double[] z = w[ch];
            for (int k = 1; k < n; k++) {
                z[k] *= Math.sqrt(weight[k]);
                bus[parent[k]] += z[k];
                bus[k] -= z[k];
            }
            for (int k = 1; k < n; k++) {
                z[k] = Math.sqrt(weight[k]) * (bus[parent[k]] - bus[k] + kappa[k] * z[k]);
            }
        }
        double[] out = new double[v.length];
        for (int k = 1; k < n; k++) {
            int c = par.col[k];
            double[] m = sinv[k];
            if (par.typed(k)) {
                out[c] = m[0] * w[0][k];
            } else {
                out[c] = fixed[c] ? 0 : m[0] * w[0][k] + m[1] * w[1][k];
                out[c + 1] = fixed[c + 1] ? 0 : m[1] * w[0][k] + m[2] * w[1][k];
            }
        }
        return out;
    }
}

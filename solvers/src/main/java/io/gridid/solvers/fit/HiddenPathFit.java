package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Objects;

/**
 * The branches around unmetered buses from the path equations: a <em>cluster</em> of hidden
 * buses (connected, below one metered bus, the top) and the metered buses hanging on them (the
 * bottoms). A hidden bus's voltage is unknown and it draws nothing, so its branch carries the sum
 * of its children's sending flows; for each bottom m the drop from the top is the sum of the
 * exact branch equation over the segments of its path,
 * <pre>
 *   u_top &minus; u_m = &Sigma;_{s on the path} 2 r_s P_s + 2 x_s Q_s + w_s (P_s&sup2; + Q_s&sup2;) / u_s
 * </pre>
 * (w_s standing for r_s&sup2; + x_s&sup2;, left free, so that the fit is linear). With two or more
 * children below each hidden bus, these equations pin every segment's r and x; the standard
 * errors say where the data do not. The flows of a hidden segment carry its children's losses and
 * u_s of a hidden bus is estimated from the bottoms below it; both are refreshed from the fit a
 * few times ({@link #ITERATIONS}).
 *
 * <p>Segments are numbered: hidden buses 0..H-1 first, then bottoms H..H+M-1; each has a parent
 * among the hidden buses (&minus;1 = the top; only hidden buses may hang on the top here).
 * Intervals with a NaN in a used series are left out. Stateless; thread-safe.
 */
public final class HiddenPathFit {
    /** Refits with the flows and hidden voltages of the previous fit: losses are second order, three settle them. */
    public static final int ITERATIONS = 3;
    /** Used intervals per block of the normal equations' sums: a block's regressors stay in the core's cache. */
    private static final int ACCUMULATION_BLOCK = 256;

    private HiddenPathFit() {
    }

    /**
     * The result.
     *
     * @param r             per segment its resistance (ohm), in segment order
     * @param x             per segment its reactance (ohm)
     * @param w             per segment the free loss coefficient (ohm&sup2;, r&sup2; + x&sup2; when the model holds)
     * @param rStdErr       per segment, from the residual variance and the normal matrix (NaN when singular)
     * @param xStdErr       likewise
     * @param rss           residual sum of squares over all equations and intervals (kV<sup>4</sup>)
     * @param equations     number of (bottom, interval) equations used
     * @param hiddenU       per hidden bus, its estimated squared voltage per interval (kV&sup2;; NaN
     *                      where an interval was left out)
     * @param topP          sending-end active flow into the cluster per interval (MW), losses included
     * @param topQ          sending-end reactive flow (Mvar)
     * @param singular      true when the normal matrix could not be solved (too few equations, or
     *                      a hidden bus with one child)
     */
    public record Result(double[] r, double[] x, double[] w, double[] rStdErr, double[] xStdErr, double rss,
                         long equations, double[][] hiddenU, double[] topP, double[] topQ, boolean singular) {
    }

    /**
     * @param parent  per segment its parent hidden bus (&minus;1 = the top); hidden buses first
     * @param hidden  number of hidden buses H
     * @param uTop    the top's squared voltage per interval (kV&sup2;)
     * @param uBottom per bottom its squared voltage (kV&sup2;)
     * @param pBottom per bottom its receiving-end active flow, everything its subtree draws with
     *                its losses (MW)
     * @param qBottom the same, reactive (Mvar)
     */
    public static Result fit(int[] parent, int hidden, double[] uTop, double[][] uBottom, double[][] pBottom,
                             double[][] qBottom) {
        return fit(parent, hidden, uTop, uBottom, pBottom, qBottom, ITERATIONS);
    }

    /**
     * As {@link #fit(int[], int, double[], double[][], double[][], double[][])} with the given
     * number of fits (1: the hidden segments' flows without their children's losses and the
     * hidden voltages at the top's; enough to rank candidates).
     */
    public static Result fit(int[] parent, int hidden, double[] uTop, double[][] uBottom, double[][] pBottom,
                             double[][] qBottom, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1");
        }
        Objects.requireNonNull(parent, "parent");
        int segs = parent.length;
        int bottoms = segs - hidden;
        if (bottoms != uBottom.length || bottoms != pBottom.length || bottoms != qBottom.length) {
            throw new IllegalArgumentException("one series per bottom needed");
        }
        for (int s = 0; s < segs; s++) {
            if (parent[s] >= hidden || parent[s] < -1) {
                throw new IllegalArgumentException("segment " + s + " hangs on " + parent[s] + ", not a hidden bus");
            }
            if (s < hidden && parent[s] >= s) {
                throw new IllegalArgumentException("hidden buses must come parents first");
            }
        }
        int tCount = uTop.length;
        boolean[] use = new boolean[tCount];
        for (int t = 0; t < tCount; t++) {
            boolean ok = Double.isFinite(uTop[t]);
            for (int m = 0; m < bottoms && ok; m++) {
                ok = Double.isFinite(uBottom[m][t]) && Double.isFinite(pBottom[m][t]) && Double.isFinite(qBottom[m][t]);
            }
            use[t] = ok;
        }
        boolean allUsed = true; // then the loops below need not read use[t] (measured faster; the same values)
        for (boolean u : use) {
            allUsed &= u;
        }
        // bottoms below each hidden bus, and each bottom's path (segments from it up to the top)
        int[][] path = new int[bottoms][];
        for (int m = 0; m < bottoms; m++) {
            int len = 0;
            for (int s = hidden + m; s != -1; s = parent[s]) {
                len++;
            }
            path[m] = new int[len];
            int k = 0;
            for (int s = hidden + m; s != -1; s = parent[s]) {
                path[m][k++] = s;
            }
        }
        double[] r = new double[segs];
        double[] x = new double[segs];
        double[] w = new double[segs];
        double[][] hu = new double[hidden][tCount];
        for (int h = 0; h < hidden; h++) {
            System.arraycopy(uTop, 0, hu[h], 0, tCount);
        }
        double[][] ps = new double[segs][tCount];
        double[][] qs = new double[segs][tCount];
        double[][] us = new double[segs][];
        Result last = null;
        int fits = hidden == 0 ? 1 : iterations; // without hidden buses nothing is estimated
        for (int it = 0; it < fits; it++) {
            // receiving flows of each segment: bottoms as given, hidden = sum of children's sending flows
            for (int h = 0; h < hidden; h++) {
                java.util.Arrays.fill(ps[h], 0);
                java.util.Arrays.fill(qs[h], 0);
                us[h] = hu[h];
            }
            for (int m = 0; m < bottoms; m++) {
                ps[hidden + m] = pBottom[m];
                qs[hidden + m] = qBottom[m];
                us[hidden + m] = uBottom[m];
            }
            for (int s = segs - 1; s >= 0; s--) {
                int up = parent[s];
                if (up < 0) {
                    continue;
                }
                double[] pUp = ps[up];
                double[] qUp = qs[up];
                double[] pS = ps[s];
                double[] qS = qs[s];
                double[] uS = us[s];
                double rs = r[s];
                double xs = x[s];
                for (int t = 0; t < tCount; t++) {
                    if (allUsed || use[t]) {
                        pUp[t] += BranchEquation.sendingActiveMw(rs, pS[t], qS[t], uS[t]);
                        qUp[t] += BranchEquation.sendingReactiveMvar(xs, pS[t], qS[t], uS[t]);
                    }
                }
            }
            last = solve(parent, hidden, path, use, uTop, uBottom, ps, qs, us);
            if (last.singular()) {
                return last;
            }
            r = last.r();
            x = last.x();
            w = last.w();
            // hidden voltages: from each bottom below, up its path; averaged over the bottoms
            for (int h = 0; h < hidden; h++) {
                java.util.Arrays.fill(hu[h], 0);
            }
            int[] count = new int[hidden];
            for (int m = 0; m < bottoms; m++) {
                int[] pm = path[m];
                double[] u = uBottom[m].clone();
                for (int k = 0; k + 1 < pm.length; k++) {
                    int s = pm[k];
                    double[] pS = ps[s];
                    double[] qS = qs[s];
                    double[] uS = us[s];
                    double rs = r[s];
                    double xs = x[s];
                    double ws = w[s];
                    for (int t = 0; t < tCount; t++) {
                        if (allUsed || use[t]) {
                            double l = BranchEquation.squaredCurrentTerm(pS[t], qS[t], uS[t]);
                            u[t] += BranchEquation.drop(rs, xs, ws, pS[t], qS[t], l);
                        }
                    }
                    int h = pm[k + 1];
                    for (int t = 0; t < tCount; t++) {
                        hu[h][t] += u[t];
                    }
                    count[h]++;
                }
            }
            for (int h = 0; h < hidden; h++) {
                for (int t = 0; t < tCount; t++) {
                    hu[h][t] = use[t] ? hu[h][t] / count[h] : Double.NaN;
                }
            }
        }
        // the flow into the cluster at the top
        double[] topP = new double[tCount];
        double[] topQ = new double[tCount];
        for (int s = 0; s < segs; s++) {
            if (parent[s] != -1) {
                continue;
            }
            for (int t = 0; t < tCount; t++) {
                if (!use[t]) {
                    topP[t] = Double.NaN;
                    topQ[t] = Double.NaN;
                    continue;
                }
                topP[t] += BranchEquation.sendingActiveMw(r[s], ps[s][t], qs[s][t], us[s][t]);
                topQ[t] += BranchEquation.sendingReactiveMvar(x[s], ps[s][t], qs[s][t], us[s][t]);
            }
        }
        return new Result(r, x, w, last.rStdErr(), last.xStdErr(), last.rss(), last.equations(), hu, topP, topQ,
                false);
    }

    /** One linear least-squares solve on the given flows and voltages. */
    private static Result solve(int[] parent, int hidden, int[][] path, boolean[] use, double[] uTop,
                                double[][] uBottom, double[][] ps, double[][] qs, double[][] us) {
        int segs = parent.length;
        int bottoms = segs - hidden;
        int k = 3 * segs;
        // shares[s][s'] = number of bottoms whose path holds both segments
        int[][] shares = new int[segs][segs];
        for (int[] pm : path) {
            for (int a : pm) {
                for (int b : pm) {
                    shares[a][b]++;
                }
            }
        }
        int tCount = uTop.length;
        // the segment pairs sharing a bottom, and the bottoms through each segment
        int pairCount = 0;
        for (int a = 0; a < segs; a++) {
            for (int b = a; b < segs; b++) {
                pairCount += shares[a][b] == 0 ? 0 : 1;
            }
        }
        int[] pairA = new int[pairCount];
        int[] pairB = new int[pairCount];
        int[] pairN = new int[pairCount];
        for (int a = 0, c = 0; a < segs; a++) {
            for (int b = a; b < segs; b++) {
                if (shares[a][b] != 0) {
                    pairA[c] = a;
                    pairB[c] = b;
                    pairN[c++] = shares[a][b];
                }
            }
        }
        int[][] through = new int[segs][];
        for (int s = 0; s < segs; s++) {
            int count = 0;
            for (int[] pm : path) {
                count += contains(pm, s) ? 1 : 0;
            }
            through[s] = new int[count];
            for (int m = 0, c = 0; m < bottoms; m++) {
                if (contains(path[m], s)) {
                    through[s][c++] = m;
                }
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        double yy = 0;
        long equations = 0;
        // blocks of used intervals: the regressors and drops of a block in arrays, then each sum
        // carried through the block in a local, adding the intervals in order as one pass would
        double[][] reg = new double[k][ACCUMULATION_BLOCK];
        double[][] yb = new double[bottoms][ACCUMULATION_BLOCK];
        for (int t0 = 0; t0 < tCount; ) {
            int len = 0;
            int t = t0;
            while (t < tCount && len < ACCUMULATION_BLOCK) {
                len += use[t++] ? 1 : 0;
            }
            if (len == t - t0) {
                // no interval left out: segment by segment over contiguous intervals (measured faster)
                fillContiguous(reg, yb, t0, len, ps, qs, us, uTop, uBottom);
            } else {
                for (int tt = t0, v = 0; tt < t; tt++) {
                    if (use[tt]) {
                        fillOne(reg, yb, v++, tt, ps, qs, us, uTop, uBottom);
                    }
                }
            }
            for (int v = 0; v < len; v++) {
                for (int m = 0; m < bottoms; m++) {
                    double y = yb[m][v];
                    yy += y * y;
                }
            }
            equations += (long) len * bottoms;
            t0 = t;
            for (int c = 0; c < pairCount; c++) {
                addBlock(gram.data, k, pairA[c], pairB[c], pairN[c], reg, len);
            }
            // a segment's three sums in one pass (three independent chains of additions)
            for (int s = 0; s < segs; s++) {
                double[] ra = reg[3 * s];
                double[] rb = reg[3 * s + 1];
                double[] rc = reg[3 * s + 2];
                double sa = rhs.data[3 * s];
                double sb = rhs.data[3 * s + 1];
                double sc = rhs.data[3 * s + 2];
                int[] below = through[s];
                for (int v = 0; v < len; v++) {
                    for (int m : below) {
                        double y = yb[m][v];
                        sa += ra[v] * y;
                        sb += rb[v] * y;
                        sc += rc[v] * y;
                    }
                }
                rhs.data[3 * s] = sa;
                rhs.data[3 * s + 1] = sb;
                rhs.data[3 * s + 2] = sc;
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram.data[a * k + b] = gram.data[b * k + a];
            }
        }
        // Jacobi scaling: the columns differ by orders of magnitude (MW against MW²/kV²)
        double[] scale = new double[k];
        for (int a = 0; a < k; a++) {
            double d = gram.data[a * k + a];
            scale[a] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        DMatrixRMaj scaled = new DMatrixRMaj(k, k);
        DMatrixRMaj srhs = new DMatrixRMaj(k, 1);
        for (int a = 0; a < k; a++) {
            srhs.data[a] = rhs.data[a] * scale[a];
            for (int b = 0; b < k; b++) {
                scaled.data[a * k + b] = gram.data[a * k + b] * scale[a] * scale[b];
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(k);
        DMatrixRMaj beta = new DMatrixRMaj(k, 1);
        DMatrixRMaj inverse = new DMatrixRMaj(k, k);
        boolean singular = equations <= k || !solver.setA(scaled.copy());
        if (!singular) {
            solver.solve(srhs, beta);
            solver.invert(inverse);
            singular = !Double.isFinite(CommonOps_DDRM.elementSum(beta)) || conditionTooLarge(scaled, inverse);
        }
        double[] r = new double[segs];
        double[] x = new double[segs];
        double[] w = new double[segs];
        double[] rSe = new double[segs];
        double[] xSe = new double[segs];
        if (singular) {
            java.util.Arrays.fill(r, Double.NaN);
            java.util.Arrays.fill(x, Double.NaN);
            java.util.Arrays.fill(w, Double.NaN);
            java.util.Arrays.fill(rSe, Double.NaN);
            java.util.Arrays.fill(xSe, Double.NaN);
            return new Result(r, x, w, rSe, xSe, Double.NaN, equations, null, null, null, true);
        }
        double fitted = 0;
        for (int a = 0; a < k; a++) {
            fitted += beta.data[a] * srhs.data[a];
        }
        double rss = Math.max(0, yy - fitted);
        double sigma2 = rss / (equations - k);
        for (int s = 0; s < segs; s++) {
            r[s] = beta.data[3 * s] * scale[3 * s];
            x[s] = beta.data[3 * s + 1] * scale[3 * s + 1];
            w[s] = beta.data[3 * s + 2] * scale[3 * s + 2];
            rSe[s] = Math.sqrt(sigma2 * inverse.data[(3 * s) * k + 3 * s]) * scale[3 * s];
            xSe[s] = Math.sqrt(sigma2 * inverse.data[(3 * s + 1) * k + 3 * s + 1]) * scale[3 * s + 1];
        }
        return new Result(r, x, w, rSe, xSe, rss, equations, null, null, null, false);
    }

    /** Regressors and drops of interval t into column v of a block. */
    private static void fillOne(double[][] reg, double[][] yb, int v, int t, double[][] ps, double[][] qs,
                                double[][] us, double[] uTop, double[][] uBottom) {
        for (int s = 0; 3 * s < reg.length; s++) {
            reg[3 * s][v] = BranchEquation.resistanceRegressor(ps[s][t]);
            reg[3 * s + 1][v] = BranchEquation.reactanceRegressor(qs[s][t]);
            reg[3 * s + 2][v] = BranchEquation.squaredCurrentTerm(ps[s][t], qs[s][t], us[s][t]);
        }
        for (int m = 0; m < yb.length; m++) {
            yb[m][v] = uTop[t] - uBottom[m][t];
        }
    }

    /** The same for intervals t0 .. t0 + len &minus; 1 into columns 0 .. len &minus; 1, all of them used. */
    private static void fillContiguous(double[][] reg, double[][] yb, int t0, int len, double[][] ps, double[][] qs,
                                       double[][] us, double[] uTop, double[][] uBottom) {
        for (int s = 0; 3 * s < reg.length; s++) {
            double[] pS = ps[s];
            double[] qS = qs[s];
            double[] uS = us[s];
            double[] ra = reg[3 * s];
            double[] rb = reg[3 * s + 1];
            double[] rc = reg[3 * s + 2];
            for (int v = 0; v < len; v++) {
                int t = t0 + v;
                ra[v] = BranchEquation.resistanceRegressor(pS[t]);
                rb[v] = BranchEquation.reactanceRegressor(qS[t]);
                rc[v] = BranchEquation.squaredCurrentTerm(pS[t], qS[t], uS[t]);
            }
        }
        for (int m = 0; m < yb.length; m++) {
            double[] y = yb[m];
            double[] ub = uBottom[m];
            for (int v = 0; v < len; v++) {
                y[v] = uTop[t0 + v] - ub[t0 + v];
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a block's {@code len} intervals to the 3&times;3 block of segments a and b (a &le; b) of the
     * row-major normal matrix g (k columns): entry (i, j) gains n &middot; reg_a,i &middot; reg_b,j interval by interval.
     */
    private static void addBlock(double[] g, int k, int a, int b, int n, double[][] reg, int len) {
        double[] a0 = reg[3 * a];
        double[] a1 = reg[3 * a + 1];
        double[] a2 = reg[3 * a + 2];
        double[] b0 = reg[3 * b];
        double[] b1 = reg[3 * b + 1];
        double[] b2 = reg[3 * b + 2];
        int r0 = 3 * a * k + 3 * b;
        int r1 = r0 + k;
        int r2 = r1 + k;
        double s00 = g[r0];
        double s01 = g[r0 + 1];
        double s02 = g[r0 + 2];
        double s10 = g[r1];
        double s11 = g[r1 + 1];
        double s12 = g[r1 + 2];
        double s20 = g[r2];
        double s21 = g[r2 + 1];
        double s22 = g[r2 + 2];
        for (int v = 0; v < len; v++) {
            double x0 = a0[v];
            double x1 = a1[v];
            double x2 = a2[v];
            double y0 = b0[v];
            double y1 = b1[v];
            double y2 = b2[v];
            s00 += n * x0 * y0;
            s01 += n * x0 * y1;
            s02 += n * x0 * y2;
            s10 += n * x1 * y0;
            s11 += n * x1 * y1;
            s12 += n * x1 * y2;
            s20 += n * x2 * y0;
            s21 += n * x2 * y1;
            s22 += n * x2 * y2;
        }
        g[r0] = s00;
        g[r0 + 1] = s01;
        g[r0 + 2] = s02;
        g[r1] = s10;
        g[r1 + 1] = s11;
        g[r1 + 2] = s12;
        g[r2] = s20;
        g[r2 + 1] = s21;
        g[r2 + 2] = s22;
    }

    /** A scaled normal matrix whose inverse is this large has columns that the data cannot tell apart. */
    private static final double MAX_CONDITION = 1e14;

    private static boolean conditionTooLarge(DMatrixRMaj scaled, DMatrixRMaj inverse) {
        return CommonOps_DDRM.elementMaxAbs(inverse) * CommonOps_DDRM.elementMaxAbs(scaled) > MAX_CONDITION;
    }
}

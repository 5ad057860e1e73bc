package io.gridid.solvers.regression;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The two matrix products of stage 1's denoised drops and stage 2's joint normal matrix, on columns stored as one array each
 * (T values): the sums of products of column pairs, and a combination of columns. The sums run as
 * rank-one updates over a transposed chunk of the intervals ({@link #CHUNK_VALUES} values, in the
 * core's cache), two result rows and four intervals per pass; the combination accumulates each
 * output in place over blocks of {@link #COMBINE_BLOCK} intervals, two outputs and four columns per pass. Both inner
 * loops run over one index with no dependence between iterations, so the JIT turns them into
 * vector instructions (three times slower with {@code -XX:-UseSuperWord}); a third of stage 1's
 * time on a 69-bus feeder with a year of hourly data went to these products with EJML's kernels.
 *
 * <p>Every result entry is summed by one thread in the order of EJML's {@code reorder} kernels
 * (the first product, then the others in ascending order of the summed index; Java evaluates
 * {@code s + a + b} as {@code (s + a) + b}), so the results are bit for bit those of
 * {@code CommonOps_DDRM.multInner}, {@code multTransA} and {@code mult} on the sizes fitted here,
 * and do not depend on the thread count.
 */
public final class ColumnProducts {
    /** Values per transposed chunk of {@link #upper}: 512 kB, in the core's second-level cache (measured: 256 kB and 1 MB no faster). */
    private static final int CHUNK_VALUES = 1 << 16;
    /** Intervals per task of {@link #combine}: two outputs and four columns of it (24 kB) stay in the core's first-level cache. */
    private static final int COMBINE_BLOCK = 512;
    /** Tasks handed to the fork-join pool (more than cores: they differ in size). */
    private static final int TASKS = 16;

    private ColumnProducts() {
    }

    /**
     * s[i][j &minus; i] = &Sigma;_t a_i[t] a_j[t] for i &lt; {@code left} and i &le; j &lt; a.length:
     * the upper triangle of the first {@code left} columns' Gram matrix and their products with
     * every later column.
     *
     * @param a columns of equal length T &ge; 1
     * @return one array per left column i, of a.length &minus; i sums
     */
    public static double[][] upper(double[][] a, int left, boolean parallel) {
        return upper(a, left, parallel, () -> false);
    }

    /** As {@link #upper(double[][], int, boolean)}, returning early (sums incomplete) once {@code stop} says so. */
    public static double[][] upper(double[][] a, int left, boolean parallel, BooleanSupplier stop) {
        int width = a.length;
        int rows = a[0].length;
        if (rows < 1 || left > width) {
            throw new IllegalArgumentException("T >= 1 and left <= columns");
        }
        // sums[i][j] for j >= i (the entries left of i stay unused): row-indexed like the transposed
        // chunk, so the inner loops read and write one index and the JIT vectorises them
        double[][] sums = new double[left][width];
        int chunk = Math.max(1, CHUNK_VALUES / width);
        double[][] zt = new double[Math.min(chunk, rows)][width];
        int pairs = (left + 1) / 2;
        int tasks = Math.min(TASKS, pairs);
        for (int t0 = 0; t0 < rows && !stop.getAsBoolean(); t0 += chunk) {
            int t1 = Math.min(rows, t0 + chunk);
            int first = t0;
            int count = t1 - t0;
            int parts = Math.min(TASKS, count);
            run(parts, k -> transpose(a, first + k * count / parts, first + (k + 1) * count / parts, first, zt), parallel);
            // task k owns the row pairs k, k + tasks, ...: about the same work each
            run(tasks, k -> {
                for (int pair = k; pair < pairs; pair += tasks) {
                    accumulatePair(zt, count, sums, 2 * pair, left, first == 0);
                }
            }, parallel);
        }
        double[][] s = new double[left][];
        for (int i = 0; i < left; i++) {
            s[i] = Arrays.copyOfRange(sums[i], i, width);
        }
        return s;
    }

    /** zt[t &minus; origin][c] = a[c][t] for t in [t0, t1). */
    private static void transpose(double[][] a, int t0, int t1, int origin, double[][] zt) {
        for (int c = 0; c < a.length; c++) {
            double[] col = a[c];
            for (int t = t0; t < t1; t++) {
                zt[t - origin][c] = col[t];
            }
        }
    }

    /**
     * Rows i and i + 1 (when i + 1 &lt; left) of the sums over the chunk's {@code count} intervals,
     * in interval order; the chunk starting the series sets each sum to its first product.
     */
    private static void accumulatePair(double[][] zt, int count, double[][] sums, int i, int left, boolean start) {
        double[] si = sums[i];
        double[] sn = i + 1 < left ? sums[i + 1] : null;
        int width = si.length;
        int t = 0;
        if (start) {
            double[] z = zt[0];
            double xt = z[i];
            for (int j = i; j < width; j++) {
                si[j] = xt * z[j];
            }
            if (sn != null) {
                double yt = z[i + 1];
                for (int j = i + 1; j < width; j++) {
                    sn[j] = yt * z[j];
                }
            }
            t = 1;
        }
        // four intervals per pass over the row (each sum still adds them in interval order)
        for (; t + 3 < count; t += 4) {
            double[] z0 = zt[t];
            double[] z1 = zt[t + 1];
            double[] z2 = zt[t + 2];
            double[] z3 = zt[t + 3];
            double x0 = z0[i];
            double x1 = z1[i];
            double x2 = z2[i];
            double x3 = z3[i];
            si[i] = si[i] + x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3;
            if (sn != null) {
                double y0 = z0[i + 1];
                double y1 = z1[i + 1];
                double y2 = z2[i + 1];
                double y3 = z3[i + 1];
                for (int j = i + 1; j < width; j++) {
                    double v0 = z0[j];
                    double v1 = z1[j];
                    double v2 = z2[j];
                    double v3 = z3[j];
                    si[j] = si[j] + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                    sn[j] = sn[j] + y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
                }
            } else {
                for (int j = i + 1; j < width; j++) {
                    si[j] = si[j] + x0 * z0[j] + x1 * z1[j] + x2 * z2[j] + x3 * z3[j];
                }
            }
        }
        for (; t < count; t++) {
            double[] z = zt[t];
            double xt = z[i];
            si[i] += xt * xt;
            if (sn != null) {
                double yt = z[i + 1];
                for (int j = i + 1; j < width; j++) {
                    double v = z[j];
                    si[j] += xt * v;
                    sn[j] += yt * v;
                }
            } else {
                for (int j = i + 1; j < width; j++) {
                    si[j] += xt * z[j];
                }
            }
        }
    }

    /**
     * out[m][t] = offset[m] + &Sigma;_k a_k[t] b[k][m] over the first {@code left} columns of a,
     * b row-major left &times; out.length.
     */
    public static void combine(double[][] a, int left, double[] b, double[] offset, double[][] out, boolean parallel) {
        combine(a, left, b, offset, out, parallel, () -> false);
    }

    /** As {@link #combine(double[][], int, double[], double[], double[][], boolean)}, returning early once {@code stop} says so. */
    public static void combine(double[][] a, int left, double[] b, double[] offset, double[][] out, boolean parallel,
                        BooleanSupplier stop) {
        int m = out.length;
        int rows = a[0].length;
        int blocks = (rows + COMBINE_BLOCK - 1) / COMBINE_BLOCK;
        // an odd count's last output goes in a pair with itself, its twin into a row thrown away
        double[] twin = m % 2 == 1 ? new double[rows] : null;
        IntConsumer task = k -> {
            if (stop.getAsBoolean()) {
                return;
            }
            int t0 = k * COMBINE_BLOCK;
            int t1 = Math.min(rows, t0 + COMBINE_BLOCK);
            for (int j = 0; j < m; j += 2) {
                int i = Math.min(j + 1, m - 1);
                combineTwo(a, left, b, m, j, i, out[j], i == j ? twin : out[i], offset[j], offset[i], t0, t1);
            }
        };
        run(blocks, task, parallel);
    }

    /**
     * Outputs j and i over [t0, t1), one pass over the columns serving both: each accumulated in its
     * output array column by column in column order (four columns per pass: a loop the JIT
     * vectorises; with eight, or four outputs at once, it does not), then its offset added in front.
     */
    private static void combineTwo(double[][] a, int left, double[] b, int m, int j, int i, double[] o, double[] p,
                                   double offO, double offP, int t0, int t1) {
        double[] a0 = a[0];
        double b0 = b[j];
        double c0 = b[i];
        for (int t = t0; t < t1; t++) {
            o[t] = a0[t] * b0;
            p[t] = a0[t] * c0;
        }
        int c = 1;
        for (; c + 3 < left; c += 4) {
            double[] e0 = a[c];
            double[] e1 = a[c + 1];
            double[] e2 = a[c + 2];
            double[] e3 = a[c + 3];
            double v0 = b[c * m + j];
            double v1 = b[(c + 1) * m + j];
            double v2 = b[(c + 2) * m + j];
            double v3 = b[(c + 3) * m + j];
            double w0 = b[c * m + i];
            double w1 = b[(c + 1) * m + i];
            double w2 = b[(c + 2) * m + i];
            double w3 = b[(c + 3) * m + i];
            for (int t = t0; t < t1; t++) {
                double x0 = e0[t];
                double x1 = e1[t];
                double x2 = e2[t];
                double x3 = e3[t];
                o[t] = o[t] + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                p[t] = p[t] + x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
            }
        }
        for (; c < left; c++) {
            double[] e = a[c];
            double v = b[c * m + j];
            double w = b[c * m + i];
            for (int t = t0; t < t1; t++) {
                o[t] += e[t] * v;
                p[t] += e[t] * w;
            }
        }
        for (int t = t0; t < t1; t++) {
            o[t] = offO + o[t];
            p[t] = offP + p[t];
        }
    }

    private static void run(int tasks, IntConsumer task, boolean parallel) {
        if (parallel && tasks > 1) {
            IntStream.range(0, tasks).parallel().forEach(task);
        } else {
            for (int k = 0; k < tasks; k++) {
                task.accept(k);
            }
        }
    }
}

package io.gridid.solvers.regression;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The two matrix products of stage 1's denoised drops and stage 2's joint normal matrix, on columns stored as one array each
 * (T values): the sums of products of column pairs, and a combination of columns. They run a
 * block of {@link #BLOCK} intervals at a time (the block's part of every column stays in the
 * core's cache), two by four column pairs at once in registers for the sums (eight independent
 * additions) and four columns per sweep for the combinations. About three times faster than the
 * EJML products on a row-major copy that they replace (a third of stage 1's time on a 69-bus
 * feeder with a year of hourly data).
 *
 * <p>Every result entry is summed by one thread in the order of EJML's {@code reorder} kernels
 * (the first product, then the others in ascending order of the summed index; Java evaluates
 * {@code s + a + b} as {@code (s + a) + b}), so the results are bit for bit those of
 * {@code CommonOps_DDRM.multInner}, {@code multTransA} and {@code mult} on the sizes fitted here,
 * and do not depend on the thread count.
 */
public final class ColumnProducts {
    /** Intervals per cache block (8 kB of each column). */
    static final int BLOCK = 1024;
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
        double[][] s = new double[left][];
        for (int i = 0; i < left; i++) {
            s[i] = new double[width - i];
        }
        int pairs = (left + 1) / 2;
        int tasks = Math.min(TASKS, pairs);
        // task k owns the column pairs k, k + tasks, ...: about the same work each
        IntConsumer task = k -> {
            for (int t0 = 0; t0 < rows && !stop.getAsBoolean(); t0 += BLOCK) {
                int t1 = Math.min(rows, t0 + BLOCK);
                for (int pair = k; pair < pairs; pair += tasks) {
                    int i = 2 * pair;
                    if (i + 1 < left) {
                        pairBlock(a, i, s[i], s[i + 1], t0, t1);
                    } else {
                        for (int j = i; j < width; j++) {
                            s[i][j - i] = dot(a[i], a[j], s[i][j - i], t0, t1);
                        }
                    }
                }
            }
        };
        run(tasks, task, parallel);
        return s;
    }

    /** Rows i and i + 1 of {@link #upper} over intervals [t0, t1), added to the sums so far. */
    private static void pairBlock(double[][] a, int i, double[] si, double[] sn, int t0, int t1) {
        int width = a.length;
        double[] x = a[i];
        double[] y = a[i + 1];
        si[0] = dot(x, x, si[0], t0, t1);
        int j = i + 1;
        for (; j + 3 < width; j += 4) {
            double[] c0 = a[j];
            double[] c1 = a[j + 1];
            double[] c2 = a[j + 2];
            double[] c3 = a[j + 3];
            int o = j - i;
            int t = t0;
            double x0, x1, x2, x3, y0, y1, y2, y3;
            if (t == 0) {
                double xt = x[0];
                double yt = y[0];
                x0 = xt * c0[0];
                x1 = xt * c1[0];
                x2 = xt * c2[0];
                x3 = xt * c3[0];
                y0 = yt * c0[0];
                y1 = yt * c1[0];
                y2 = yt * c2[0];
                y3 = yt * c3[0];
                t = 1;
            } else {
                x0 = si[o];
                x1 = si[o + 1];
                x2 = si[o + 2];
                x3 = si[o + 3];
                y0 = sn[o - 1]; // o >= 1: row i + 1 starts at column i + 1
                y1 = sn[o];
                y2 = sn[o + 1];
                y3 = sn[o + 2];
            }
            for (; t < t1; t++) {
                double xt = x[t];
                double yt = y[t];
                double v0 = c0[t];
                double v1 = c1[t];
                double v2 = c2[t];
                double v3 = c3[t];
                x0 += xt * v0;
                x1 += xt * v1;
                x2 += xt * v2;
                x3 += xt * v3;
                y0 += yt * v0;
                y1 += yt * v1;
                y2 += yt * v2;
                y3 += yt * v3;
            }
            si[o] = x0;
            si[o + 1] = x1;
            si[o + 2] = x2;
            si[o + 3] = x3;
            sn[o - 1] = y0;
            sn[o] = y1;
            sn[o + 1] = y2;
            sn[o + 2] = y3;
        }
        for (; j < width; j++) {
            si[j - i] = dot(x, a[j], si[j - i], t0, t1);
            sn[j - i - 1] = dot(y, a[j], sn[j - i - 1], t0, t1);
        }
    }

    /** The sum so far plus &Sigma; x[t] y[t] over [t0, t1); at t0 = 0 the sum starts with the first product. */
    private static double dot(double[] x, double[] y, double sum, int t0, int t1) {
        int t = t0;
        double s = sum;
        if (t == 0) {
            s = x[0] * y[0];
            t = 1;
        }
        for (; t < t1; t++) {
            s += x[t] * y[t];
        }
        return s;
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
        int blocks = (rows + BLOCK - 1) / BLOCK;
        IntConsumer task = k -> {
            if (stop.getAsBoolean()) {
                return;
            }
            int t0 = k * BLOCK;
            int t1 = Math.min(rows, t0 + BLOCK);
            int len = t1 - t0;
            double[] f = new double[len];
            for (int j = 0; j < m; j++) {
                double[] a0 = a[0];
                double bj = b[j];
                for (int t = 0; t < len; t++) {
                    f[t] = a0[t0 + t] * bj;
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
                    for (int t = 0; t < len; t++) {
                        f[t] = f[t] + e0[t0 + t] * v0 + e1[t0 + t] * v1 + e2[t0 + t] * v2 + e3[t0 + t] * v3;
                    }
                }
                for (; c < left; c++) {
                    double[] e = a[c];
                    double v = b[c * m + j];
                    for (int t = 0; t < len; t++) {
                        f[t] += e[t0 + t] * v;
                    }
                }
                double[] o = out[j];
                double off = offset[j];
                for (int t = 0; t < len; t++) {
                    o[t0 + t] = off + f[t];
                }
            }
        };
        run(blocks, task, parallel);
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

package io.gridid.topology;

import io.gridid.solvers.regression.ColumnProducts;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.function.BooleanSupplier;


/**
 * Every bus's squared-voltage drop u_root &minus; u_i (kV&sup2;) fitted by least squares on all
 * buses' P and Q plus the squared feeder totals (&Sigma;P)&sup2; and (&Sigma;Q)&sup2;, with an
 * intercept: c = 2n + 3 columns; on feeders too large for those, on the P alone: c = n + 3
 * ({@link Loads}, docs/decisions/012). No tree is needed: in a radial feeder each drop is, to first
 * order, linear in the loads (the path resistances and reactances shared with each load), and the
 * squares take up most of the loss terms. The fitted rows keep that structure and lose most of the
 * meter noise: white noise of variance &sigma;&sup2; leaves &sigma;&sup2; c / T in them.
 *
 * <p>Used by {@link PhysicsSearch} as the candidate parents' rows when the data are noisy: a branch
 * fit then compares the child's measured drop with the parent's fitted one, so parents are no
 * longer ranked by their own meters' noise. Not used on exact data, where the rows' small model
 * error (the loss terms the squares miss) would be the larger error.
 *
 * <p>Normal equations on centred, unit-scaled columns ({@link ColumnProducts}: cache-blocked,
 * multi-threaded when asked, each sum in EJML's order), EJML's Cholesky, a ridge of {@link #RIDGE}
 * of the mean diagonal against collinear P and Q. Cost O(T c&sup2; + T c n).
 */
final class DenoisedDrops {
    /** Fewest intervals per column (c / T &le; 1/5): measured to help from 5.2 up (ieee69 30 days, random:200 90 days). */
    static final int MIN_INTERVALS_PER_COLUMN = 5;
    /**
     * Most work fitted, in multiply-adds of the normal matrix (c&sup2; T for c columns): a year of
     * hourly data at the 874 buses the intervals rule allows there; beyond, the fit alone would cost
     * several times the rest of stage 1 (docs/decisions/007-denoising-up-to-874-buses.md).
     */
    static final double MAX_WORK = 2.7e10;
    /** Ridge, relative to the mean diagonal of the scaled normal matrix: far below any real signal. */
    static final double RIDGE = 1e-10;
    /**
     * A fitted row replaces the measured one where its residual is at most this many times that of
     * the bus's branch fit: it keeps every row under meter noise alone and puts back the rows whose
     * linear fit misses the losses of heavy branches (docs/decisions/001-stage1-voltage-rise.md).
     */
    static final double EXPLAINED_RATIO = 3;

    private DenoisedDrops() {
    }

    /** The loads a fit regresses on. */
    enum Loads {
        /** Every bus's P and Q: c = 2n + 3 columns. */
        ACTIVE_AND_REACTIVE,
        /**
         * Every bus's P alone: c = n + 3 columns, for feeders too large for both. A bus whose power
         * factor is steady has Q &asymp; &kappa; P, so its P column carries its Q's share of the drops too; where
         * it is not, the fit misses that share and {@link #keepExplained} puts the measured row back.
         */
        ACTIVE
    }

    /**
     * The loads fitted on a feeder of {@code buses} non-root buses with {@code intervals} complete
     * intervals: P and Q where both rules allow it, else P alone where they allow that, else null
     * (no fit).
     */
    static Loads loads(int buses, int intervals) {
        if (allowed(2.0 * buses + 3, intervals)) {
            return Loads.ACTIVE_AND_REACTIVE;
        }
        return allowed(buses + 3.0, intervals) ? Loads.ACTIVE : null;
    }

    /**
     * The loads fitted on {@code intervals} of them drawn from data of {@code dataIntervals} (a
     * stability half): at most what the whole data allow, so that a half is searched as the whole
     * data were and never pays for a fit the whole data could not afford (with a year at 15 minutes,
     * a 1000-bus feeder's halves would otherwise fit P while the whole data are not fitted).
     * {@code dataIntervals} counts the data's intervals before any was dropped
     * ({@link FeederSeries#totalIntervals()}); for a whole series without dropped ones it equals
     * {@code intervals} and the rule is {@link #loads(int, int)}'s.
     */
    static Loads loads(int buses, int intervals, int dataIntervals) {
        Loads own = loads(buses, intervals);
        Loads whole = loads(buses, dataIntervals);
        if (own == null || whole == null) {
            return null;
        }
        return own == Loads.ACTIVE || whole == Loads.ACTIVE ? Loads.ACTIVE : Loads.ACTIVE_AND_REACTIVE;
    }

    private static boolean allowed(double columns, int intervals) {
        return intervals >= MIN_INTERVALS_PER_COLUMN * columns && columns * columns * intervals <= MAX_WORK;
    }

    /**
     * The fitted drops of a feeder's series. With missing voltages the fit is made twice: on the
     * drops with each missing one imputed ({@link FeederSeries#filledDropView()}: from the meter
     * that tracks the bus best), then on the measured drops with each missing one replaced by that
     * first fit, so that the imputation's error leaves the fitted target (a missing load enters as
     * its estimate, as in every fit; measured: docs/input-handling.md, "Missing readings").
     *
     * @param series   the drops and loads (missing loads estimated)
     * @param loads    which loads the drops are fitted on
     * @param parallel as in {@link #fit(double[][], double[][], double[][], Loads, boolean)}
     * @param stop     polled during the work: true returns null (the rows are not wanted any more)
     * @return the fitted drops, [bus][interval], or null (stopped, or the normal matrix not factored)
     */
    static double[][] fit(FeederSeries series, Loads loads, boolean parallel, BooleanSupplier stop) {
        return series.hasGaps()
                ? fitWithMissing(series.dropView(), series.filledDropView(), series.pView(), series.qView(), loads,
                        parallel, stop)
                : fit(series.dropView(), series.pView(), series.qView(), loads, parallel, stop);
    }

    /**
     * The fit of drops some of which are missing: on {@code filled} (the missing ones imputed), then on
     * {@code measured} with each missing one replaced by that first fit. Each pass costs one
     * {@link #fit(double[][], double[][], double[][], Loads, boolean)}; the second shrinks what the
     * imputation's errors put into the fit by about the missing share.
     *
     * @param measured drops with NaN where missing (not modified)
     * @param filled   the same with the missing ones imputed (finite; not modified)
     */
    static double[][] fitWithMissing(double[][] measured, double[][] filled, double[][] p, double[][] q, Loads loads,
                                     boolean parallel, BooleanSupplier stop) {
        double[][] rows = fit(filled, p, q, loads, parallel, stop);
        if (rows == null) {
            return null;
        }
        double[][] y = new double[measured.length][];
        for (int i = 0; i < y.length; i++) {
            y[i] = measured[i].clone();
            for (int t = 0; t < y[i].length; t++) {
                if (y[i][t] != y[i][t]) {
                    y[i][t] = rows[i][t];
                }
            }
        }
        return fit(y, p, q, loads, parallel, stop);
    }

    /**
     * @param drops u_root &minus; u_i per bus and interval, kV&sup2; (finite), [bus][interval]
     * @param p     active power per bus and interval, MW (finite)
     * @param q     reactive power per bus and interval, Mvar (finite)
     * @param loads which loads the drops are fitted on
     * @param parallel compute the products on the common fork-join pool (each entry summed by
     *                 one thread in one order: the result does not depend on it)
     * @return the fitted drops, same shape, or null when the normal matrix cannot be factored
     */
    static double[][] fit(double[][] drops, double[][] p, double[][] q, Loads loads, boolean parallel) {
        return fit(drops, p, q, loads, parallel, () -> false);
    }

    /**
     * As {@link #fit(double[][], double[][], double[][], Loads, boolean)}, stopping early (returning
     * null) once {@code stop} says the rows are not wanted any more.
     */
    static double[][] fit(double[][] drops, double[][] p, double[][] q, Loads loads, boolean parallel,
                          BooleanSupplier stop) {
        int n = drops.length;
        int tCount = drops[0].length;
        int loadCols = loads == Loads.ACTIVE ? n : 2 * n;
        int cols = loadCols + 2; // + the intercept, handled by centring
        double[][] x = new double[cols][];
        for (int i = 0; i < n; i++) {
            x[i] = p[i];
            if (loads == Loads.ACTIVE_AND_REACTIVE) {
                x[n + i] = q[i];
            }
        }
        double[] pt = new double[tCount];
        double[] qt = new double[tCount];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tCount; t++) {
                pt[t] += p[i][t];
                qt[t] += q[i][t];
            }
        }
        for (int t = 0; t < tCount; t++) {
            pt[t] *= pt[t];
            qt[t] *= qt[t];
        }
        x[loadCols] = pt;
        x[loadCols + 1] = qt;
        // the centred, unit-scaled columns z, then the drops y (z is centred: their means drop out of z'y)
        double[][] cz = new double[cols + n][];
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (int t = 0; t < tCount; t++) {
                mean += x[c][t];
            }
            mean /= tCount;
            double ss = 0;
            for (int t = 0; t < tCount; t++) {
                double v = x[c][t] - mean;
                ss += v * v;
            }
            double scale = ss > 0 ? 1 / Math.sqrt(ss) : 0; // a constant column drops out
            double[] zc = new double[tCount];
            for (int t = 0; t < tCount; t++) {
                zc[t] = (x[c][t] - mean) * scale;
            }
            cz[c] = zc;
        }
        double[] means = new double[n];
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int t = 0; t < tCount; t++) {
                m += drops[i][t];
            }
            means[i] = m / tCount;
            cz[cols + i] = drops[i];
        }
        // z'[z y]: the normal matrix (upper triangle) and the right-hand sides in one pass
        double[][] products = ColumnProducts.upper(cz, cols, parallel, stop);
        if (stop.getAsBoolean()) {
            return null;
        }
        DMatrixRMaj gram = new DMatrixRMaj(cols, cols);
        DMatrixRMaj rhs = new DMatrixRMaj(cols, n);
        for (int a = 0; a < cols; a++) {
            double[] row = products[a];
            for (int b = a; b < cols; b++) {
                gram.unsafe_set(a, b, row[b - a]);
                gram.unsafe_set(b, a, row[b - a]);
            }
            for (int i = 0; i < n; i++) {
                rhs.unsafe_set(a, i, row[cols + i - a]);
            }
        }
        double trace = 0;
        for (int a = 0; a < cols; a++) {
            trace += gram.unsafe_get(a, a);
        }
        double ridge = RIDGE * Math.max(trace / cols, Double.MIN_NORMAL);
        for (int a = 0; a < cols; a++) {
            gram.unsafe_set(a, a, gram.unsafe_get(a, a) + ridge);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(cols);
        if (!chol.setA(gram)) {
            return null;
        }
        DMatrixRMaj beta = new DMatrixRMaj(cols, n);
        chol.solve(rhs, beta);
        double[][] out = new double[n][tCount];
        ColumnProducts.combine(cz, cols, beta.data, means, out, parallel, stop);
        return stop.getAsBoolean() ? null : out;
    }

    /**
     * Keeps a bus's fitted drop row only where the fit explains the drop about as well as the
     * physics does: its residual sum of squares at most {@link #EXPLAINED_RATIO} times that of the
     * bus's own branch fit ({@code rss}, same intervals). Under meter noise alone the ratio is about
     * 0.5-1.5 (the fit keeps the bus's own noise; the branch fit sees two meters' less what its three
     * terms absorb); where the loads' linear fit misses the losses of heavy, lossy branches the
     * measured row is put back. O(n T).
     *
     * @param rows  the fitted rows (modified: a row not kept becomes the measured one)
     * @param drops the measured rows (not modified; NaN where a voltage is missing: the misfit is summed
     *              over the others and scaled to all intervals, as a branch fit's residual is)
     * @param rss   each bus's branch-fit residual sum of squares (not modified)
     * @return the number of fitted rows kept
     */
    static int keepExplained(double[][] rows, double[][] drops, double[] rss) {
        int kept = 0;
        for (int k = 0; k < rows.length; k++) {
            double misfit = 0;
            int used = 0;
            for (int t = 0; t < drops[k].length; t++) {
                double e = drops[k][t] - rows[k][t];
                if (e == e) {
                    misfit += e * e;
                    used++;
                }
            }
            if (used < drops[k].length) {
                misfit = used > 0 ? misfit * drops[k].length / used : Double.POSITIVE_INFINITY;
            }
            if (misfit > EXPLAINED_RATIO * rss[k]) {
                rows[k] = drops[k];
            } else {
                kept++;
            }
        }
        return kept;
    }
}

package io.gridid.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The read-only data of one physics-search pass: the buses' squared-voltage drops from the root
 * and their loads, the candidate parents' drop rows (measured or denoised), the start order and
 * the screening subsample. Buses are 0..n-1, the root is n. Building it costs O(n T + n log n).
 */
final class SearchInputs {
    final FeederSeries series;
    final int n;
    final int tCount;
    final int root;
    final double[][] d;       // n+1 rows, root row zeros
    final double[][] p;
    final double[][] q;
    final double[] rootU;
    final double[][] dFill;   // d with missing voltages estimated (loss terms, bus order); == d without gaps
    final boolean gaps;       // any missing voltage or estimated load
    /**
     * A fit leaves out the intervals with an estimated load in its subtree when at least
     * {@link io.gridid.solvers.gaps.LoadImputation#MIN_CLEAN_INTERVALS} are left: on precise data,
     * whose fits an estimate's error would spoil; on noisy data every interval is used, the estimates'
     * errors being smaller there than what leaving the intervals out costs (docs/input-handling.md).
     */
    final boolean cleanIntervalsOnly;
    final boolean[][] estimated;
    final int[] pos;          // rank in the start order: higher = nearer the root; root = n
    final int[] order;        // the greedy start's order (StartOrder): likely leaves first
    final int[] meanRank;     // rank by mean voltage: higher = higher voltage; root = n
    final int stride;
    final double[][] dSub;    // screening subsample of d (the fits' targets)
    final double[][] pd;      // candidate parents' rows: d, or their denoised drops
    final double[][] pdSub;   // screening subsample of pd
    final int tSub;
    final boolean spreadStart;
    /** Buses whose load never varies (their names), for a warning. */
    final List<String> constantLoads = new ArrayList<>();

    /**
     * @param parentRows  the candidate parents' drop rows (n rows; the root's stays as measured), or null = d
     * @param spreadStart start order by the drops' spread ({@link StartOrder}: precise data, where
     *                    voltage may rise along branches), else by mean voltage (noisy data: the
     *                    mean is estimated to &sigma;/&radic;T, a spread only to about &sigma;)
     * @param cleanIntervalsOnly see {@link #cleanIntervalsOnly}
     */
    SearchInputs(FeederSeries series, PhysicsSearchOptions opt, double[][] parentRows, boolean spreadStart,
                 boolean cleanIntervalsOnly) {
        this.series = series;
        this.cleanIntervalsOnly = cleanIntervalsOnly;
        this.spreadStart = spreadStart;
        n = series.busCount();
        tCount = series.intervalCount();
        root = n;
        d = new double[n + 1][];
        double[][] drops = series.dropView();
        System.arraycopy(drops, 0, d, 0, n);
        d[n] = series.rootDropView() != null ? series.rootDropView() : new double[tCount];
        p = series.pView();
        q = series.qView();
        rootU = series.rootUView();
        gaps = series.hasGaps();
        estimated = series.estimatedView();
        if (gaps) {
            dFill = new double[n + 1][];
            System.arraycopy(series.filledDropView(), 0, dFill, 0, n);
            dFill[n] = new double[tCount];
        } else {
            dFill = d;
        }
        for (int i = 0; i < n; i++) {
            if (neverVaries(p[i]) && neverVaries(q[i])) {
                constantLoads.add(series.buses().get(i));
            }
        }
        meanRank = meanVoltageRank(dFill, n);
        if (spreadStart) {
            order = StartOrder.of(Arrays.copyOf(dFill, n)); // dFill's last row is the root's
        } else {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[meanRank[i]] = i;
            }
        }
        pos = new int[n + 1];
        for (int k = 0; k < n; k++) {
            pos[order[k]] = k;
        }
        pos[root] = n;
        stride = screenStride(tCount, opt.screenIntervals());
        tSub = stride > 1 ? (tCount + stride - 1) / stride : 0;
        dSub = subsample(d, stride > 1 ? n + 1 : 0, tSub, stride);
        if (parentRows == null) {
            pd = d;
            pdSub = dSub;
        } else {
            pd = new double[n + 1][];
            System.arraycopy(parentRows, 0, pd, 0, n);
            pd[n] = d[n];
            pdSub = subsample(pd, dSub.length, tSub, stride);
        }
    }

    /**
     * Every how many intervals the screening subsample takes one: about T / screenIntervals,
     * raised to be coprime with 2, 3 and 7 so that on hourly or 15-minute data the subsample covers
     * every hour of the day and every day of the week.
     */
    private static int screenStride(int tCount, int screenIntervals) {
        int st = screenIntervals == 0 ? 1 : Math.max(1, tCount / screenIntervals);
        while (st > 1 && (st % 2 == 0 || st % 3 == 0 || st % 7 == 0)) {
            st++;
        }
        return st;
    }

    /** The first {@code count} rows of {@code rows}, every stride-th interval. */
    private static double[][] subsample(double[][] rows, int count, int tSub, int stride) {
        double[][] sub = new double[count][];
        for (int i = 0; i < count; i++) {
            sub[i] = new double[tSub];
            for (int k = 0; k < tSub; k++) {
                sub[i][k] = rows[i][k * stride];
            }
        }
        return sub;
    }

    /** Rank of each bus by mean voltage (lowest 0; the root n), ties by index. */
    private static int[] meanVoltageRank(double[][] drops, int n) {
        double[] mean = new double[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            double sum = 0;
            for (double v : drops[i]) {
                sum += v;
            }
            mean[i] = sum / drops[i].length;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -mean[i]).thenComparingInt(i -> i));
        int[] rank = new int[n + 1];
        for (int k = 0; k < n; k++) {
            rank[idx[k]] = k;
        }
        rank[n] = n;
        return rank;
    }

    private static boolean neverVaries(double[] s) {
        for (double v : s) {
            if (v != s[0]) {
                return false;
            }
        }
        return true;
    }

    /** Mean u at bus j over all intervals (kV&sup2;). */
    double meanU(int j) {
        double u = 0;
        for (int t = 0; t < tCount; t++) {
            u += rootU[t] - dFill[j][t];
        }
        return u / tCount;
    }
}

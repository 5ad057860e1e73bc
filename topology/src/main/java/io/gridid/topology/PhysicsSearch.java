package io.gridid.topology;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.solvers.gaps.LoadImputation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Physics-driven topology search (DESIGN.md, "measured since"): no regression, no inversion.
 *
 * <ol>
 * <li>Greedy start: buses in {@link StartOrder} (by the spread of their drop from the root) on
 *     precise data, by mean voltage on noisy data, likely leaves first (a starting heuristic only);
 *     each bus is attached to the candidate parent, among the buses not yet attached and the root,
 *     whose exact branch fit
 *     (u_parent &minus; u_child = 2 r P' + 2 x Q' + w (P'&sup2; + Q'&sup2;)/u_child on the child's
 *     accumulated subtree flows P', Q', non-negative least squares, see {@link BranchResidual})
 *     leaves the smallest residual sum of squares. Subtree flows include the losses of the
 *     branches below, from their fitted r, x through {@link BranchEquation}.</li>
 * <li>Local search: move a bus with its subtree to one of its best alternative parents whenever
 *     the total residual of all branch fits it affects drops; insert a bus between a bus and its
 *     parent; swap a bus with its parent. Downstream of a capacitor bank, or of PV feeding back,
 *     the voltage rises along a branch: on precise data any bus outside the subtree may be a
 *     parent (with estimated loads, a bus of lower mean voltage only where the branch equation
 *     allows a rise, {@code mayRise}); on noisy data only buses of higher mean voltage, since there
 *     the wider choice fitted the noise (docs/decisions/001-stage1-voltage-rise.md).</li>
 * <li>Refresh the flows and losses from the current tree bottom-up, refit, rescan every bus's
 *     candidates over the whole tree, and repeat 2 while it moves buses (at most
 *     {@link #MAX_REFRESHES} times).</li>
 * </ol>
 *
 * <p>Confidence of an edge: the posterior probability of the chosen parent among the scanned
 * candidates, under Gaussian branch residuals of the chosen fit's variance &sigma;&sup2; =
 * RSS/(T &minus; 3) and equal priors: 1 / &Sigma;_k exp(&minus;(RSS_k &minus; RSS_chosen) / 2&sigma;&sup2;).
 * With thousands of intervals it is close to 0 or 1, and residuals are correlated in time: measured
 * on noisy data it does not separate right from wrong edges (topology README); for a figure that
 * does, use {@link TopologyOptions#withStabilityRuns(int)}.
 *
 * <p>Cost per bus: O(T) to form its regressors, then 4 dot products per candidate parent on a
 * subsample of about {@link PhysicsSearchOptions#screenIntervals()} intervals and on all T for
 * the best few: O(n&sup2; T_screen + n T) per scan, three scans in total; each local-search move
 * costs O(path length &middot; T).
 *
 * <p>Work not repeated (without gaps; the results are bit for bit those of doing it again, and the
 * work budget counts it as done): flows and fits carry versions that stand for their inputs, so a
 * flow, a fit, a sending flow or a scan whose inputs have a version seen before is taken as it was;
 * a move evaluation that failed is skipped while nothing it reads has changed; trials that move
 * buses back get the flows, fits and sending flows of their start back. Measured on ieee69 x 8760
 * (36 moves): of 11,236 branch fits counted, about 2,800 are computed.
 */
public final class PhysicsSearch implements TopologyEstimator {
    /** Move-evaluation fits remembered at most (then forgotten): about 100 bytes each. */
    private static final int MEMO_LIMIT = 1 << 20;
    /** Candidate parents per parallel task (a multiple of 4: they are fitted four at a time). */
    private static final int CANDIDATE_BLOCK = 64;
    /** Candidate-intervals below which one bus's candidates are fitted on the calling thread (fork cost). */
    private static final long PARALLEL_WORK = 1L << 16;
    /**
     * Median branch-fit rms residual, relative to u, below which the data count as exact and the
     * parents' measured drops are used as they are: exact data leave rounding (~1e-12), and a
     * voltage noise of 1e-6 p.u. about 3e-6, while the drops' fit on the loads keeps a model error
     * of that order (it cost ieee69 2 of 68 edges on exact data).
     */
    static final double PRECISE_RESIDUAL = 1e-5;
    /**
     * With denoised parent rows, the local search also tries each bus's best this many candidate
     * parents on the measured rows (see {@code Search.measuredAlternatives}). Measured
     * (`TopologyAccuracy` ieee69, random:200 x 90, 365 d x 1e-5, 1e-4, 5e-4, seeds 1-3, 36 cells),
     * correct edges in all / at 1e-5 / 1e-4 / 5e-4: without 3373 / 1541 / 1153 / 679; with 1: 3408 /
     * 1547 / 1166 / 695 (but random:200 90 d 1e-5 seed 1 lost 4); with 2: 3405 / 1551 / 1166 / 688;
     * with all 5: 3422 / 1551 / 1166 / 705, at twice 2's cost (ieee69 x 8760 stage 1: 0.19 s without,
     * ~0.22 s with 2, ~0.26 s with 5). 2 is as good as 5 where the noise leaves edges to decide.
     */
    static final int MEASURED_ALTERNATIVES = 2;
    /**
     * A fitted drop row replaces the measured one where its residual is at most this many times
     * that of the bus's branch fit: 3 keeps every row of ieee69 and random:200 at 1e-4 p.u. (a year
     * hourly) and all but one of ieee13's without voltage noise (measured: 2 kept 61 of ieee69's 68
     * rows and found 2 edges fewer; 5 gave the same trees as 3).
     */
    static final double EXPLAINED_RATIO = 3;
    /**
     * Refresh-and-search rounds after the first local search at most, on precise data: each rescans
     * the candidates from the moved tree, which a start far from the truth (voltage rise) needs a few
     * times. Noisy data get one.
     */
    static final int MAX_REFRESHES = 6;
    /**
     * The largest x/r of a branch that {@code mayRise} allows for: overhead lines and cables have
     * 0.3-3, distribution transformers up to about 5 (ieee13's in-line transformer 1.8).
     */
    static final double MAX_X_OVER_R = 5;

    private final PhysicsSearchOptions options;

    public PhysicsSearch(PhysicsSearchOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Topology estimate(FeederSeries series) throws GrididException {
        Objects.requireNonNull(series, "series");
        boolean mayDenoise = options.denoiseParents() && !series.hasGaps()
                && DenoisedDrops.feasible(series.busCount(), series.intervalCount());
        Search s;
        double[][] early = null;
        if (mayDenoise && options.parallel() && ForkJoinPool.getCommonPoolParallelism() >= 1
                && Runtime.getRuntime().availableProcessors() > 1) {
            // the first pass (one thread) and the drops' fit (independent of it) at the same time;
            // the fit stops early when the first pass finds exact data, where it is not used
            AtomicBoolean exact = new AtomicBoolean();
            ForkJoinTask<Search> first = ForkJoinTask.adapt(() -> {
                Search f = new Search(series, options, null, false);
                f.greedy();
                if (!(f.medianRelativeResidual() > PRECISE_RESIDUAL)) {
                    exact.set(true);
                }
                return f;
            }).fork();
            early = DenoisedDrops.fit(series.dropView(), series.pView(), series.qView(), true, exact::get);
            s = first.join();
        } else {
            s = new Search(series, options, null, false);
            s.greedy();
        }
        double noise = s.medianRelativeResidual();
        boolean precise = !(noise > PRECISE_RESIDUAL);
        if (precise) {
            // start again in the spread order, which voltage rise does not upset
            s = new Search(series, options, null, true);
            s.greedy();
        }
        String denoised = null;
        if (mayDenoise) {
            double[][] rows = !(noise > PRECISE_RESIDUAL) ? null : early != null ? early
                    : DenoisedDrops.fit(series.dropView(), series.pView(), series.qView(), options.parallel());
            int replaced = rows == null ? 0 : keepExplainedRows(rows, series.dropView(), s.rss);
            if (replaced > 0) {
                int[][] measuredAlternatives = s.alternatives;
                s = new Search(series, options, rows, false);
                s.measuredAlternatives = measuredAlternatives;
                s.greedy();
                denoised = String.format(Locale.ROOT, "candidate parents' voltages denoised at %d of %d buses"
                        + " (median branch-fit residual %.2g of u after the first pass: noisy data): their drops"
                        + " fitted on all buses' loads", replaced, rows.length, noise);
            }
        }
        s.anyParent = precise && !series.hasGaps(); // estimated loads leave errors the wider choice would fit
        s.riseAllowed = precise;
        s.widenCandidates();
        int moves = s.localSearch();
        int more = 1;
        int rounds = precise ? MAX_REFRESHES : 1; // on noisy data further rounds fit the noise and cost time
        for (int round = 0; round < rounds && more > 0 && !s.budgetExhausted; round++) {
            s.refresh();
            more = s.localSearch();
            moves += more;
        }
        if (more > 0) {
            s.refresh(); // without changes since the last refresh its flows, fits and scans still hold
        }
        if (denoised != null) {
            s.warnings.add(denoised);
        }
        return s.result(moves);
    }

    /** The local search from {@code start} ({@link #refine}), without the greedy pass and the denoising. */
    @Override
    public Topology estimateFrom(FeederSeries series, RadialTree start) {
        Objects.requireNonNull(series, "series");
        return refine(series, start, options);
    }

    /**
     * Keeps a bus's fitted drop row only where the fit explains the drop about as well as the
     * physics does: its residual sum of squares at most {@link #EXPLAINED_RATIO} times that of the
     * bus's own branch fit ({@code rss}, same intervals). Under meter noise alone the ratio is about
     * 0.5-1.5 (the fit keeps the bus's own noise; the branch fit sees two meters' less what its three
     * terms absorb); where the loads' linear fit misses the losses of heavy, lossy branches (ieee13
     * without voltage noise: 3-200) the measured row is put back. Returns the rows kept.
     */
    private static int keepExplainedRows(double[][] rows, double[][] drops, double[] rss) {
        int kept = 0;
        for (int k = 0; k < rows.length; k++) {
            double misfit = 0;
            for (int t = 0; t < drops[k].length; t++) {
                double e = drops[k][t] - rows[k][t];
                misfit += e * e;
            }
            if (misfit > EXPLAINED_RATIO * rss[k]) {
                rows[k] = drops[k];
            } else {
                kept++;
            }
        }
        return kept;
    }

    /**
     * Total residual sum of squares (kV&sup4;) of the branch fits of a given tree, flows and
     * losses computed bottom-up from the fitted impedances: the objective the search minimises.
     * A diagnostic, e.g. to compare a found tree with the truth.
     */
    public static double objective(FeederSeries series, RadialTree tree) {
        Search s = new Search(series, PhysicsSearchOptions.defaults());
        return s.objectiveOf(tree);
    }

    /** Local search started from a given tree instead of the greedy pass (diagnostic). */
    public static Topology refine(FeederSeries series, RadialTree start, PhysicsSearchOptions options) {
        Search s = new Search(series, options);
        s.objectiveOf(start);
        double noise = s.medianRelativeResidual();
        s.anyParent = !(noise > PRECISE_RESIDUAL) && !series.hasGaps();
        s.riseAllowed = !(noise > PRECISE_RESIDUAL);
        s.widenCandidates();
        s.refresh();
        int moves = s.localSearch();
        s.refresh();
        return s.result(moves);
    }

    /** The mutable state of one run (confined to one call). */
    private static final class Search {
        private final FeederSeries series;
        private final PhysicsSearchOptions opt;
        private final int n;
        private final int tCount;
        private final int root;
        private final double[][] d;       // n+1 rows, root row zeros
        private final double[][] p;
        private final double[][] q;
        private final double[] rootU;
        private final double[][] dFill;   // d with missing voltages estimated (loss terms, bus order); == d without gaps
        private final double[][] dEff;    // per child: its fit's target, NaN where the interval is left out
        private final boolean gaps;       // any missing voltage or estimated load
        private final boolean[][] estimated;
        private final boolean[][] taint;  // per bus and interval: an estimated load in its subtree
        private final int[] pos;          // rank in the start order: higher = nearer the root; root = n
        private final int[] order;        // the greedy start's order (StartOrder): likely leaves first
        private final int[] meanRank;     // rank by mean voltage: higher = higher voltage; root = n
        private final int stride;
        private final double[][] dSub;    // screening subsample of d (the fits' targets)
        private final double[][] pd;      // candidate parents' rows: d, or their denoised drops
        private final double[][] pdSub;   // screening subsample of pd
        private final int tSub;

        private final int[] parent;
        private final List<List<Integer>> children = new ArrayList<>();
        private final double[][] recvP;
        private final double[][] recvQ;
        private final double[][] sentP;   // per bus: its sending-end flow, for the versions below
        private final double[][] sentQ;
        private final int[] sentRecv;     // per bus: the flow and fit versions its sending flow is for
        private final int[] sentFit;
        private final double[] r;
        private final double[] x;
        private final double[] w;
        private final double[] rss;
        private final int[][] alternatives;   // best candidate parents of each bus, from the last scan
        /**
         * With denoised parent rows: each bus's best candidate parents on the measured rows (the first
         * pass's last scan), also tried by the local search. A denoised row whose linear fit misses the
         * drop by as much as the noise can push the true parent out of the denoised ranking (ieee69,
         * 1e-5 p.u.: bus 6 tenth among 7's candidates, first on the measured rows), and then the move
         * or insertion that repairs the tree is never tried.
         */
        private int[][] measuredAlternatives;

        // Versions of what the search reads (see FailedMoves, refit). Without gaps a bus's flow
        // version stands for what the flow is summed from (its children in their order, with their
        // flow and fit versions) and its fit version for what the fit is made on (its flow version
        // and its parent): the same inputs get the same number, and the same number means the same
        // bits. With gaps every change gets a number of its own.
        private final int[] recvVersion;      // per bus: its receiving flow (and fit target)
        private final int[] scannedFlow;      // per bus: the flow version and parent of its last scan
        private final int[] scannedParent;
        private final int[] fitVersion;       // per bus: its fitted r, x, w and rss
        private int versions;                 // the last version number handed out
        private final Map<VersionKey, Integer> versionOf = new HashMap<>();
        private final Map<Integer, double[]> fitOfVersion = new HashMap<>(); // r, x, w, rss of a fit version
        private final FailedMoves[] failed;   // per bus: its last move evaluation that found no better parent
        private final Map<Long, long[]> fitMemo = new HashMap<>(); // move-evaluation fits by what they read
        private int trial;                    // the running trial's number (0: none)
        private int trials;
        private final int[] trialOf;          // per bus: the trial whose start flow is kept below
        private final double[][] entryP;      // per bus: its flow arrays at the trial's start
        private final double[][] entryQ;
        private final int[] entryRecvVersion;
        private final List<Integer> touched = new ArrayList<>();
        private final int[] sentTrialOf;      // per bus: the trial whose start sending flow is kept below
        private final double[][] entrySentP;
        private final double[][] entrySentQ;
        private final int[] entrySentRecv;
        private final int[] entrySentFit;
        private final List<Integer> sentTouched = new ArrayList<>();
        private final ArrayDeque<double[]> pool = new ArrayDeque<>();
        /** Per thread: a branch fit's loss terms, one per interval. */
        private final ThreadLocal<double[]> lossTerms;
        private final double[] confidence;
        private final List<String> warnings = new ArrayList<>();

        // work arrays
        private final Work main;          // the work arrays of the sequential parts
        private final double[] wa;        // == main.wa etc.
        private final double[] wb;
        private final double[] wc;
        private final int[] stamp;
        private int stampCounter;
        private final double[] g;
        private final double[] h;
        private final double[] fit;
        private long passes;              // passes over the T intervals by regressors() (counted by its callers): the work measure
        private long searchPasses;        // of which in the local search
        private boolean budgetExhausted;
        /** While the greedy start runs: candidate parents are the buses not yet attached (above in the voltage order). */
        private boolean greedy;
        /**
         * Precise, complete data: any bus outside the subtree may be tried as a parent. On noisy data,
         * or with estimated loads, only those the branch equation's sign allows ({@link #mayRise}),
         * which keeps the search from fitting the noise or the estimates' errors.
         */
        private boolean anyParent;
        /** Buses whose subtree may feed back may hang on lower-voltage parents (precise data with estimated loads). */
        private boolean riseAllowed;
        private final boolean spreadStart;

        Search(FeederSeries series, PhysicsSearchOptions opt) {
            this(series, opt, null, true);
        }

        /**
         * @param parentRows  the candidate parents' drop rows (n rows; the root's stays as measured), or null = d
         * @param spreadStart start order by the drops' spread ({@link StartOrder}: precise data, where
         *                    voltage may rise along branches), else by mean voltage (noisy data: the
         *                    mean is estimated to &sigma;/&radic;T, a spread only to about &sigma;)
         */
        Search(FeederSeries series, PhysicsSearchOptions opt, double[][] parentRows, boolean spreadStart) {
            this.series = series;
            this.spreadStart = spreadStart;
            this.opt = opt;
            n = series.busCount();
            tCount = series.intervalCount();
            int intervals = tCount;
            lossTerms = ThreadLocal.withInitial(() -> new double[intervals]);
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
                dEff = new double[n][tCount];
                taint = new boolean[n][tCount];
            } else {
                dFill = d;
                dEff = d;
                taint = null;
            }
            List<String> constant = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (neverVaries(p[i]) && neverVaries(q[i])) {
                    constant.add(series.buses().get(i));
                }
            }
            if (!constant.isEmpty()) {
                warnings.add("load never varies at bus(es) " + constant + ": v1 assumes load variation at every"
                        + " metered bus; their branches are identified from their subtrees' flows alone, if any");
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
            int st = opt.screenIntervals() == 0 ? 1 : Math.max(1, tCount / opt.screenIntervals());
            while (st > 1 && (st % 2 == 0 || st % 3 == 0 || st % 7 == 0)) {
                st++; // coprime with 24 h and 7 days of hourly or 15-min data: the subsample covers every hour
            }
            stride = st;
            tSub = stride > 1 ? (tCount + stride - 1) / stride : 0;
            dSub = new double[stride > 1 ? n + 1 : 0][];
            for (int i = 0; i < dSub.length; i++) {
                dSub[i] = new double[tSub];
                for (int k = 0; k < tSub; k++) {
                    dSub[i][k] = d[i][k * stride];
                }
            }
            if (parentRows == null) {
                pd = d;
                pdSub = dSub;
            } else {
                pd = new double[n + 1][];
                System.arraycopy(parentRows, 0, pd, 0, n);
                pd[n] = d[n];
                pdSub = new double[dSub.length][];
                for (int i = 0; i < pdSub.length; i++) {
                    pdSub[i] = new double[tSub];
                    for (int k = 0; k < tSub; k++) {
                        pdSub[i][k] = pd[i][k * stride];
                    }
                }
            }
            parent = new int[n];
            Arrays.fill(parent, -1);
            for (int i = 0; i <= n; i++) {
                children.add(new ArrayList<>());
            }
            recvP = new double[n][tCount];
            recvQ = new double[n][tCount];
            sentP = new double[n][];
            sentQ = new double[n][];
            sentRecv = new int[n];
            sentFit = new int[n];
            Arrays.fill(sentRecv, -1);
            entrySentP = new double[n][];
            entrySentQ = new double[n][];
            entrySentRecv = new int[n];
            entrySentFit = new int[n];
            sentTrialOf = new int[n];
            r = new double[n];
            x = new double[n];
            w = new double[n];
            rss = new double[n];
            alternatives = new int[n][];
            recvVersion = new int[n + 1];
            scannedFlow = new int[n];
            scannedParent = new int[n];
            Arrays.fill(scannedFlow, -1);
            fitVersion = new int[n + 1];
            failed = new FailedMoves[n];
            trialOf = new int[n];
            entryP = new double[n][];
            entryQ = new double[n][];
            entryRecvVersion = new int[n];
            confidence = new double[n];
            main = new Work(tCount, n);
            wa = main.wa;
            wb = main.wb;
            wc = main.wc;
            g = main.g;
            h = main.h;
            fit = main.fit;
            stamp = new int[n + 1];
        }

        double objectiveOf(RadialTree tree) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(series.buses().get(i), i);
            }
            index.put(series.root(), root);
            for (int i = 0; i < n; i++) {
                int par = index.get(tree.parentOf(series.buses().get(i)));
                parent[i] = par;
                children.get(par).add(i);
            }
            double total = 0;
            for (String b : tree.bottomUp()) {
                int j = index.get(b);
                if (j == root) {
                    continue;
                }
                computeReceiving(j);
                refit(j);
                total += rss[j];
            }
            return total;
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

        void greedy() {
            greedy = true;
            for (int k = 0; k < n; k++) {
                int j = order[k];
                computeReceiving(j);
                passes++;
                scan(j, main);
                attach(j, alternatives[j][0]);
            }
            greedy = false;
        }

        /**
         * The start's scans saw only the buses above in the start order; where the local search may
         * use other parents (precise data, a possible rise, the spread order), the next refresh scans again.
         */
        void widenCandidates() {
            if (anyParent || riseAllowed || spreadStart) {
                Arrays.fill(scannedFlow, -1);
            }
        }

        /**
         * Recomputes every flow bottom-up with the current tree, refits, rescans. A bus's scan
         * depends only on its own flows and the drop rows, so the scans run after the refits,
         * concurrently when the options allow (same result).
         */
        void refresh() {
            int[] up = bottomUp();
            for (int j : up) {
                computeReceiving(j);
                refit(j);
            }
            passes += n;
            if (opt.parallel() && (long) n * tCount >= PARALLEL_WORK) {
                ThreadLocal<Work> work = ThreadLocal.withInitial(() -> new Work(tCount, n));
                IntStream.range(0, up.length).parallel().forEach(k -> scan(up[k], work.get()));
            } else {
                for (int j : up) {
                    scan(j, main);
                }
            }
        }

        /** Buses of the current tree, every child before its parent (root excluded). */
        private int[] bottomUp() {
            int[] bfs = new int[n + 1];
            int head = 0;
            int tail = 0;
            bfs[tail++] = root;
            while (head < tail) {
                for (int c : children.get(bfs[head++])) {
                    bfs[tail++] = c;
                }
            }
            int[] out = new int[n];
            for (int k = 0; k < n; k++) {
                out[k] = bfs[n - k];
            }
            return out;
        }

        /**
         * Receiving-end flow of bus j: its own draw plus the sending-end flows of its children.
         * Not recomputed when its version (what it is summed from) is the one it has; in a trial,
         * the flow of the trial's start is put back when its version comes back.
         */
        private void computeReceiving(int j) {
            int v = gaps ? ++versions : version(flowKey(j));
            if (v == recvVersion[j]) {
                return; // the same inputs: the same flow
            }
            if (trial != 0) {
                saveEntry(j);
                if (v == entryRecvVersion[j]) {
                    if (recvP[j] != entryP[j]) {
                        pool.push(recvP[j]);
                        pool.push(recvQ[j]);
                        recvP[j] = entryP[j];
                        recvQ[j] = entryQ[j];
                    }
                    recvVersion[j] = v;
                    return;
                }
                if (recvP[j] == entryP[j]) {
                    recvP[j] = borrow(); // the trial's start flow is kept as it is
                    recvQ[j] = borrow();
                }
            }
            double[] rp = recvP[j];
            double[] rq = recvQ[j];
            System.arraycopy(p[j], 0, rp, 0, tCount);
            System.arraycopy(q[j], 0, rq, 0, tCount);
            for (int c : children.get(j)) {
                sent(c);
                double[] sp = sentP[c];
                double[] sq = sentQ[c];
                for (int t = 0; t < tCount; t++) {
                    rp[t] += sp[t];
                    rq[t] += sq[t];
                }
            }
            recvVersion[j] = v;
            if (gaps) {
                target(j);
            }
        }

        /** What j's flow is summed from: its children in order, with their flow and fit versions. */
        private VersionKey flowKey(int j) {
            List<Integer> kids = children.get(j);
            int[] key = new int[2 + 3 * kids.size()];
            key[0] = 0;
            key[1] = j;
            int k = 2;
            for (int c : kids) {
                key[k++] = c;
                key[k++] = recvVersion[c];
                key[k++] = fitVersion[c];
            }
            return new VersionKey(key);
        }

        /** What j's fit is made on: its flow version and its parent. */
        private VersionKey fitKey(int j) {
            return new VersionKey(new int[]{1, j, recvVersion[j], parent[j]});
        }

        /** The version of these inputs: the one they had before, or a new one. */
        private int version(VersionKey key) {
            if (versionOf.size() > MEMO_LIMIT) {
                versionOf.clear(); // inputs seen again get new numbers: only fewer reuses
                fitOfVersion.clear();
            }
            Integer v = versionOf.get(key);
            if (v == null) {
                v = ++versions;
                versionOf.put(key, v);
            }
            return v;
        }

        private double[] borrow() {
            double[] a = pool.poll();
            return a != null ? a : new double[tCount];
        }

        /** Keeps j's flow arrays as they were at the running trial's start (once per trial). */
        private void saveEntry(int j) {
            if (trialOf[j] == trial) {
                return;
            }
            trialOf[j] = trial;
            touched.add(j);
            entryP[j] = recvP[j];
            entryQ[j] = recvQ[j];
            entryRecvVersion[j] = recvVersion[j];
        }

        /**
         * Starts a trial: moves that are applied and, unless they help, undone by moving back
         * (recomputing what they changed, as before).
         */
        private void beginTrial() {
            trial = ++trials;
        }

        /** Ends the trial: the trial-start arrays no bus uses any more go back to the pool. */
        private void endTrial() {
            for (int j : touched) {
                if (recvP[j] != entryP[j]) {
                    pool.push(entryP[j]);
                    pool.push(entryQ[j]);
                }
                entryP[j] = null;
                entryQ[j] = null;
            }
            touched.clear();
            for (int c : sentTouched) {
                if (sentP[c] != entrySentP[c] && entrySentP[c] != null) {
                    pool.push(entrySentP[c]);
                    pool.push(entrySentQ[c]);
                }
                entrySentP[c] = null;
                entrySentQ[c] = null;
            }
            sentTouched.clear();
            trial = 0;
        }

        /**
         * Makes sentP/sentQ of bus c its sending-end flow (receiving flow plus its branch's losses,
         * {@link BranchEquation}), computed again only after c's flow or impedance changed (its
         * versions): the local search recomputes the flows along a path many times while most
         * children stay put. In a trial, the sending flow of the trial's start is put back when
         * c's versions come back.
         */
        private void sent(int c) {
            if (sentRecv[c] == recvVersion[c] && sentFit[c] == fitVersion[c]) {
                return;
            }
            if (trial != 0) {
                if (sentTrialOf[c] != trial) {
                    sentTrialOf[c] = trial;
                    sentTouched.add(c);
                    entrySentP[c] = sentP[c];
                    entrySentQ[c] = sentQ[c];
                    entrySentRecv[c] = sentRecv[c];
                    entrySentFit[c] = sentFit[c];
                } else if (entrySentRecv[c] == recvVersion[c] && entrySentFit[c] == fitVersion[c]) {
                    // back to the trial's start flow and fit: their sending flow is kept
                    if (sentP[c] != entrySentP[c]) {
                        pool.push(sentP[c]);
                        pool.push(sentQ[c]);
                        sentP[c] = entrySentP[c];
                        sentQ[c] = entrySentQ[c];
                    }
                    sentRecv[c] = recvVersion[c];
                    sentFit[c] = fitVersion[c];
                    return;
                }
                if (sentP[c] == entrySentP[c]) {
                    sentP[c] = borrow(); // the trial's start sending flow is kept as it is
                    sentQ[c] = borrow();
                }
            } else if (sentP[c] == null) {
                sentP[c] = new double[tCount];
                sentQ[c] = new double[tCount];
            }
            double[] sp = sentP[c];
            double[] sq = sentQ[c];
            double[] cp = recvP[c];
            double[] cq = recvQ[c];
            double[] dc = dFill[c];
            double rc = r[c];
            double xc = x[c];
            for (int t = 0; t < tCount; t++) {
                double u = rootU[t] - dc[t];
                sp[t] = BranchEquation.sendingActiveMw(rc, cp[t], cq[t], u);
                sq[t] = BranchEquation.sendingReactiveMvar(xc, cp[t], cq[t], u);
            }
            sentRecv[c] = recvVersion[c];
            sentFit[c] = fitVersion[c];
        }

        /**
         * Sets j's fit target dEff[j]: its drop where measured, and, when at least
         * {@link LoadImputation#MIN_CLEAN_INTERVALS} intervals have no estimate in j's subtree
         * (a load, or a loss computed with an estimated voltage), NaN where one does.
         */
        private void target(int j) {
            double[] dj = d[j];
            double[] e = dEff[j];
            boolean[] tj = taint[j];
            if (estimated != null && estimated[j] != null) {
                System.arraycopy(estimated[j], 0, tj, 0, tCount);
            } else {
                Arrays.fill(tj, false);
            }
            for (int t = 0; t < tCount; t++) {
                tj[t] |= dj[t] != dj[t]; // j's loss is computed with an estimated voltage
            }
            for (int c : children.get(j)) {
                boolean[] tc = taint[c];
                for (int t = 0; t < tCount; t++) {
                    tj[t] |= tc[t];
                }
            }
            int clean = 0;
            for (int t = 0; t < tCount; t++) {
                if (!tj[t] && dj[t] == dj[t]) {
                    clean++;
                }
            }
            boolean cleanOnly = clean >= LoadImputation.MIN_CLEAN_INTERVALS;
            for (int t = 0; t < tCount; t++) {
                e[t] = cleanOnly && tj[t] ? Double.NaN : dj[t];
            }
        }

        /**
         * Fills wa, wb, wc with the regressors of bus j (its receiving flow) and g with their Gram
         * sums; rows where j's target is left out (gaps) are zero.
         */
        private void regressors(int j, Work w) {
            double[] wa = w.wa;
            double[] wb = w.wb;
            double[] wc = w.wc;
            double[] rp = recvP[j];
            double[] rq = recvQ[j];
            double[] dj = dFill[j];
            double[] ej = dEff[j];
            double g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0;
            if (!gaps) {
                // every interval in use: the regressors in a loop of their own (vectorised by the
                // JIT, divisions included), then their sums in interval order (the same values)
                for (int t = 0; t < tCount; t++) {
                    wa[t] = 2 * rp[t];
                    wb[t] = 2 * rq[t];
                    wc[t] = BranchEquation.squaredCurrentTerm(rp[t], rq[t], rootU[t] - dj[t]);
                }
                for (int t = 0; t < tCount; t++) {
                    double a = wa[t];
                    double b = wb[t];
                    double c = wc[t];
                    g0 += a * a;
                    g1 += a * b;
                    g2 += a * c;
                    g3 += b * b;
                    g4 += b * c;
                    g5 += c * c;
                }
            } else {
                for (int t = 0; t < tCount; t++) {
                    if (ej[t] != ej[t]) {
                        wa[t] = 0;
                        wb[t] = 0;
                        wc[t] = 0;
                        continue;
                    }
                    double pp = rp[t];
                    double qq = rq[t];
                    double a = 2 * pp;
                    double b = 2 * qq;
                    double c = BranchEquation.squaredCurrentTerm(pp, qq, rootU[t] - dj[t]);
                    wa[t] = a;
                    wb[t] = b;
                    wc[t] = c;
                    g0 += a * a;
                    g1 += a * b;
                    g2 += a * c;
                    g3 += b * b;
                    g4 += b * c;
                    g5 += c * c;
                }
            }
            double[] g = w.g;
            g[0] = g0;
            g[1] = g1;
            g[2] = g2;
            g[3] = g3;
            g[4] = g4;
            g[5] = g5;
        }

        /** Residual of bus j hanging on k, with the regressors currently in w's wa/wb/wc and g; result in w.fit. */
        private void fitOn(int j, int k, Work w) {
            if (gaps) {
                double yy = crossProductsWithGaps(dEff[j], pd[k], w.wa, w.wb, w.wc, tCount, w.h, w.gm);
                solveWithout(w.g, w.gm, yy, w);
                perInterval(w.fit, w.gm[6], tCount);
                return;
            }
            double yy = crossProducts(d[j], pd[k], w.wa, w.wb, w.wc, tCount, w.h);
            BranchResidual.solve(w.g, w.h, yy, w.fit);
        }

        /**
         * With gaps, candidates are fitted on different intervals (each parent misses its own):
         * their residual sums are compared per interval, scaled to T, or a parent with more gaps
         * would win for having fewer terms.
         */
        private static void perInterval(double[] out, double used, int tCount) {
            if (used != tCount) {
                out[3] = used > 0 ? out[3] * tCount / used : Double.POSITIVE_INFINITY;
            }
        }

        /** Solves with the Gram matrix g minus the rows the parent's gaps leave out (gm). */
        private void solveWithout(double[] gram, double[] missing, double yy, Work w) {
            double[] ge = new double[6];
            for (int k = 0; k < 6; k++) {
                ge[k] = gram[k] - missing[k];
            }
            BranchResidual.solve(ge, w.h, yy, w.fit);
        }

        /**
         * Fits j on its parent with its current flow: not again when its version (flow version and
         * parent) is the one it has, and the fit made before when the version had one. Counted as
         * a fit either way.
         */
        private void refit(int j) {
            fitCurrent(j, false);
        }

        /**
         * The look-up-or-fit of {@link #refit} and {@link #attach}: counts a pass, returns at once when
         * j's fit version is the one it has, takes the fit made before for that version, and otherwise
         * fits: in one pass ({@code onRegressors} false) or through j's regressors (true; without gaps
         * the same arithmetic in the same order).
         */
        private void fitCurrent(int j, boolean onRegressors) {
            passes++;
            int v = gaps ? ++versions : version(fitKey(j));
            if (v == fitVersion[j]) {
                return;
            }
            double[] known = fitOfVersion.get(v);
            if (known != null) {
                System.arraycopy(known, 0, fit, 0, 4);
            } else {
                if (onRegressors) {
                    regressors(j, main);
                    fitOn(j, parent[j], main);
                } else {
                    branchFitInto(j, null, null, 0, g, h, fit);
                }
                if (!gaps) {
                    fitOfVersion.put(v, fit.clone());
                }
            }
            store(j, v);
        }

        /**
         * The fit of bus j on its current parent with sign &middot; extra added to its flow, in one
         * pass (same arithmetic, in the same order, as {@link #regressors} then {@link #fitOn}),
         * into caller-owned arrays (gram: 6, hv: 3, out: 4); counts no pass. Intervals where j's
         * target or its parent's drop is missing (gaps) are left out.
         */
        private void branchFitInto(int j, double[] extraP, double[] extraQ, double sign, double[] gram, double[] hv,
                                   double[] out) {
            double[] rp = recvP[j];
            double[] rq = recvQ[j];
            double[] fj = dFill[j];
            double[] ej = dEff[j];
            double[] dk = pd[parent[j]];
            // the loss terms first, in a loop of its own: without the sums' dependence the JIT
            // vectorises it, divisions included (the same values as computed inline)
            double[] cs = lossTerms.get();
            if (extraP != null) {
                for (int t = 0; t < tCount; t++) {
                    cs[t] = BranchEquation.squaredCurrentTerm(rp[t] + sign * extraP[t], rq[t] + sign * extraQ[t],
                            rootU[t] - fj[t]);
                }
            } else {
                for (int t = 0; t < tCount; t++) {
                    cs[t] = BranchEquation.squaredCurrentTerm(rp[t], rq[t], rootU[t] - fj[t]);
                }
            }
            double g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0;
            double ha = 0, hb = 0, hc = 0, yy = 0;
            int used = 0;
            for (int t = 0; t < tCount; t++) {
                double y = ej[t] - dk[t];
                if (y != y) {
                    continue;
                }
                used++;
                double pp = rp[t];
                double qq = rq[t];
                if (extraP != null) {
                    pp += sign * extraP[t];
                    qq += sign * extraQ[t];
                }
                double a = 2 * pp;
                double b = 2 * qq;
                double c = cs[t];
                g0 += a * a;
                g1 += a * b;
                g2 += a * c;
                g3 += b * b;
                g4 += b * c;
                g5 += c * c;
                ha += a * y;
                hb += b * y;
                hc += c * y;
                yy += y * y;
            }
            gram[0] = g0;
            gram[1] = g1;
            gram[2] = g2;
            gram[3] = g3;
            gram[4] = g4;
            gram[5] = g5;
            hv[0] = ha;
            hv[1] = hb;
            hv[2] = hc;
            BranchResidual.solve(gram, hv, yy, out);
            perInterval(out, used, tCount);
        }

        private void store(int j, int v) {
            r[j] = fit[0];
            x[j] = fit[1];
            w[j] = fit[2];
            rss[j] = fit[3];
            fitVersion[j] = v;
        }

        private void attach(int j, int k) {
            if (parent[j] >= 0) {
                children.get(parent[j]).remove(Integer.valueOf(j));
            }
            parent[j] = k;
            children.get(k).add(j);
            fitCurrent(j, true);
        }

        /** Inputs of a flow or a fit, compared by value. */
        private static final class VersionKey {
            private final int[] key;
            private final int hash;

            VersionKey(int[] key) {
                this.key = key;
                this.hash = Arrays.hashCode(key);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof VersionKey other && hash == other.hash && Arrays.equals(key, other.key);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }

        /**
         * Ranks the candidate parents of j (the root and the buses outside j's subtree that may feed
         * it; during the greedy start, the buses above j in the start order) by residual;
         * keeps the best in {@link #alternatives} and the posterior confidence of the current
         * parent (or of the best, before j is attached). Both depend only on j's flow and parent
         * (without gaps): not scanned again while those are the ones of its last scan.
         */
        private void scan(int j, Work w) {
            if (!gaps && scannedFlow[j] == recvVersion[j] && scannedParent[j] == parent[j]) {
                return; // the same flow and parent as at j's last scan: the same ranking and confidence
            }
            int[] cand = greedy ? busesAbove(j) : busesOutsideSubtree(j, anyParent || mayRise(j), w);
            int candCount = cand.length;
            int keep = Math.max(2 * opt.candidates(), 8);
            regressors(j, w);
            if (stride > 1 && candCount > keep) {
                cand = screen(j, cand, keep, w);
            }
            double[] res = new double[cand.length];
            if (gaps) {
                for (int k = 0; k < cand.length; k++) {
                    fitOn(j, cand[k], w);
                    res[k] = w.fit[3];
                }
            } else {
                candidateResiduals(d[j], pd, cand, w.wa, w.wb, w.wc, tCount, new BranchResidual.Factored(w.g), res);
            }
            Integer[] idx = new Integer[cand.length];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = k;
            }
            final int[] cf = cand;
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(k -> res[k]).thenComparingInt(k -> cf[k]));
            int m = Math.min(opt.candidates(), cand.length);
            int[] alt = new int[m];
            for (int k = 0; k < m; k++) {
                alt[k] = cand[idx[k]];
            }
            alternatives[j] = alt;
            int chosen = parent[j] >= 0 ? parent[j] : alt[0];
            double chosenRss = Double.NaN;
            for (int k = 0; k < cand.length; k++) {
                if (cand[k] == chosen) {
                    chosenRss = res[k];
                }
            }
            if (Double.isNaN(chosenRss)) {
                fitOn(j, chosen, w);
                chosenRss = w.fit[3];
            }
            double var = Math.max(chosenRss / Math.max(1, tCount - 3), Double.MIN_NORMAL);
            double sum = 1;
            for (int k = 0; k < cand.length; k++) {
                if (cand[k] != chosen) {
                    sum += Math.exp(-(res[k] - chosenRss) / (2 * var));
                }
            }
            confidence[j] = Double.isFinite(sum) ? 1 / sum : 0;
            scannedFlow[j] = recvVersion[j];
            scannedParent[j] = parent[j];
        }

        /**
         * Residual sums of squares of one bus's fit (target dj, regressors a, b, c over the first
         * {@code len} intervals, their Gram factored) on each candidate parent's drop row
         * {@code rows[cand[k]]}, into {@code res[k]}. Four candidates share one pass over the
         * regressors; blocks of candidates run in parallel when the work is large and the options
         * allow it. Each residual is computed with the same arithmetic in the same order either
         * way, so the result does not depend on the thread count.
         */
        private void candidateResiduals(double[] dj, double[][] rows, int[] cand, double[] a, double[] b,
                                        double[] c, int len, BranchResidual.Factored factored, double[] res) {
            int blocks = (cand.length + CANDIDATE_BLOCK - 1) / CANDIDATE_BLOCK;
            IntConsumer block = k -> {
                int from = k * CANDIDATE_BLOCK;
                int to = Math.min(cand.length, from + CANDIDATE_BLOCK);
                double[] h4 = new double[16];
                double[] hk = new double[3];
                double[] out = new double[4];
                for (int c0 = from; c0 < to; c0 += 4) {
                    int m = Math.min(4, to - c0);
                    if (m == 4) {
                        crossProducts4(dj, rows[cand[c0]], rows[cand[c0 + 1]], rows[cand[c0 + 2]], rows[cand[c0 + 3]],
                                a, b, c, len, h4);
                    } else {
                        for (int i = 0; i < m; i++) {
                            h4[4 * i + 3] = crossProducts(dj, rows[cand[c0 + i]], a, b, c, len, hk);
                            System.arraycopy(hk, 0, h4, 4 * i, 3);
                        }
                    }
                    for (int i = 0; i < m; i++) {
                        System.arraycopy(h4, 4 * i, hk, 0, 3);
                        factored.solve(hk, h4[4 * i + 3], out);
                        res[c0 + i] = out[3];
                    }
                }
            };
            if (opt.parallel() && blocks > 1 && (long) cand.length * len >= PARALLEL_WORK) {
                IntStream.range(0, blocks).parallel().forEach(block);
            } else {
                for (int k = 0; k < blocks; k++) {
                    block.accept(k);
                }
            }
        }

        /** The {@code keep} candidates with the smallest residual on the interval subsample. */
        private int[] screen(int j, int[] cand, int keep, Work w) {
            double[] wa = w.wa;
            double[] wb = w.wb;
            double[] wc = w.wc;
            double[] as = new double[tSub];
            double[] bs = new double[tSub];
            double[] cs = new double[tSub];
            double[] dj = dSub[j];
            if (gaps) {
                dj = new double[tSub];
                for (int k = 0; k < tSub; k++) {
                    dj[k] = dEff[j][k * stride];
                }
            }
            double[] gs = new double[6];
            for (int k = 0; k < tSub; k++) {
                int t = k * stride;
                as[k] = wa[t];
                bs[k] = wb[t];
                cs[k] = wc[t];
                gs[0] += wa[t] * wa[t];
                gs[1] += wa[t] * wb[t];
                gs[2] += wa[t] * wc[t];
                gs[3] += wb[t] * wb[t];
                gs[4] += wb[t] * wc[t];
                gs[5] += wc[t] * wc[t];
            }
            double[] res = new double[cand.length];
            if (gaps) {
                double[] hs = new double[3];
                double[] out = new double[4];
                for (int c = 0; c < cand.length; c++) {
                    double[] miss = new double[7];
                    double yy = crossProductsWithGaps(dj, pdSub[cand[c]], as, bs, cs, tSub, hs, miss);
                    double[] ge = new double[6];
                    for (int k = 0; k < 6; k++) {
                        ge[k] = gs[k] - miss[k];
                    }
                    BranchResidual.solve(ge, hs, yy, out);
                    perInterval(out, miss[6], tSub);
                    res[c] = out[3];
                }
            } else {
                candidateResiduals(dj, pdSub, cand, as, bs, cs, tSub, new BranchResidual.Factored(gs), res);
            }
            Integer[] idx = new Integer[cand.length];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = k;
            }
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(k -> res[k]).thenComparingInt(k -> cand[k]));
            int m = Math.min(keep, cand.length);
            int[] best = new int[m];
            boolean parentIn = false;
            for (int k = 0; k < m; k++) {
                best[k] = cand[idx[k]];
                parentIn |= best[k] == parent[j];
            }
            if (parent[j] >= 0 && !parentIn) {
                best = Arrays.copyOf(best, m + 1);
                best[m] = parent[j];
            }
            return best;
        }

        /** Improves the tree while the total branch residual drops; returns the number of accepted changes. */
        int localSearch() {
            int moves = 0;
            for (int round = 0; round < opt.maxRounds(); round++) {
                int improved = 0;
                for (int k = 0; k < n; k++) {
                    if (searchPasses * (double) tCount > opt.budgetFor(n, tCount)) {
                        budgetExhausted = true;
                        return moves + improved;
                    }
                    long before = passes;
                    if (tryImprove(order[k])) {
                        improved++;
                    }
                    searchPasses += passes - before;
                }
                moves += improved;
                if (improved == 0) {
                    break;
                }
            }
            return moves;
        }

        /**
         * Tries, in this order: moving j (with its subtree) to one of its best alternative
         * parents; inserting one of those alternatives between j and its parent (chains whose
         * order the greedy pass got wrong); swapping j with its parent. The first change that lowers
         * the total residual is kept.
         */
        /** The candidate parents the local search tries for j: the last scan's, then the measured rows' best not among them. */
        private int[] candidatesOf(int j) {
            int[] a = alternatives[j];
            if (measuredAlternatives == null || measuredAlternatives[j] == null) {
                return a;
            }
            int[] extra = measuredAlternatives[j];
            int take = Math.min(extra.length, MEASURED_ALTERNATIVES);
            int[] out = Arrays.copyOf(a, a.length + take);
            int m = a.length;
            for (int i0 = 0; i0 < take; i0++) {
                int c = extra[i0];
                boolean present = false;
                for (int i = 0; i < m; i++) {
                    present |= out[i] == c;
                }
                if (!present) {
                    out[m++] = c;
                }
            }
            return Arrays.copyOf(out, m);
        }

        private boolean tryImprove(int j) {
            int par = parent[j];
            double tolerance = 1e-12 * Math.max(rss[j], Double.MIN_NORMAL);
            int[] cands = candidatesOf(j);
            int[] moves = new int[cands.length];
            int m = 0;
            boolean rise = mayRise(j);
            for (int cand : cands) {
                if (cand != par && allowedParent(j, cand, rise)) {
                    moves[m++] = cand;
                }
            }
            if (m > 0) {
                int[] targets = Arrays.copyOf(moves, m);
                FailedMoves last = failed[j];
                if (last != null && last.holds(targets, this)) {
                    passes += last.passes; // the same evaluation and outcome: counted as it was
                } else if (tryMoves(j, targets, tolerance)) {
                    return true;
                }
            }
            if (par == root) {
                return false;
            }
            for (int cand : cands) {
                if (cand == par || cand == root || isAncestor(j, cand) || isAncestor(cand, par)
                        || !(anyParent || rise || meanRank[cand] > meanRank[j])
                        || !(anyParent || mayRise(cand) || meanRank[par] > meanRank[cand])) {
                    continue;
                }
                if (tryInsertion(j, cand)) {
                    return true;
                }
            }
            return trySwapWithParent(j);
        }

        private boolean allowedParent(int j, int k, boolean rise) {
            return k == root || (!isAncestor(j, k) && (anyParent || rise || meanRank[k] > meanRank[j]));
        }

        /**
         * Whether the branch into j may raise the voltage: u_parent &minus; u_j = 2(r P' + x Q') + losses
         * is negative on average only if r&middot;mean P' + x&middot;mean Q' &lt; 0 for j's subtree flows, which
         * for some x/r in [0, {@link #MAX_X_OVER_R}] holds iff mean P' &lt; 0 or mean P' +
         * MAX_X_OVER_R &middot; mean Q' &lt; 0 (a capacitor bank, PV feeding back). Where it cannot, j's parent
         * has the higher mean voltage, and only such parents are tried: the branch equation's sign on
         * the current subtree's metered flows, not an assumption about the feeder.
         */
        private boolean mayRise(int j) {
            if (!riseAllowed) {
                return false;
            }
            double sp = 0;
            double sq = 0;
            double[] fp = recvP[j];
            double[] fq = recvQ[j];
            for (int t = 0; t < tCount; t++) {
                sp += fp[t];
                sq += fq[t];
            }
            return sp < 0 || sp + MAX_X_OVER_R * sq < 0;
        }

        /** The buses above j in the voltage order, then the root: the greedy start's candidates. */
        private int[] busesAbove(int j) {
            int first = pos[j] + 1;
            int[] cand = new int[n - first + 1];
            for (int k = 0; k < cand.length - 1; k++) {
                cand[k] = order[first + k];
            }
            cand[cand.length - 1] = root;
            return cand;
        }

        /**
         * Every bus outside j's subtree that may feed it (of higher mean voltage, or any when the
         * branch into j may raise the voltage), in the start order, then the root: O(n).
         */
        private int[] busesOutsideSubtree(int j, boolean rise, Work w) {
            int mark = ++w.markCounter;
            int[] stack = w.stack;
            int top = 0;
            stack[top++] = j;
            int inside = 0;
            while (top > 0) {
                int v = stack[--top];
                w.mark[v] = mark;
                inside++;
                for (int c : children.get(v)) {
                    stack[top++] = c;
                }
            }
            int[] cand = new int[n - inside + 1];
            int m = 0;
            for (int k = 0; k < n; k++) {
                int b = order[k];
                if (w.mark[b] != mark && (rise || meanRank[b] > meanRank[j])) {
                    cand[m++] = b;
                }
            }
            cand[m++] = root;
            return Arrays.copyOf(cand, m);
        }

        /** True when a is an ancestor of b (or b itself). */
        private boolean isAncestor(int a, int b) {
            for (int v = b; ; v = parent[v]) {
                if (v == a) {
                    return true;
                }
                if (v == root) {
                    return false;
                }
            }
        }

        private double totalRss() {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += rss[i];
            }
            return s;
        }

        /** j's parent p adopts m (moved from wherever it hung), and j hangs on m. */
        private boolean tryInsertion(int j, int m) {
            int p = parent[j];
            int oldM = parent[m];
            double before = totalRss();
            beginTrial();
            try {
                if (oldM != p) {
                    applyMove(m, p);
                }
                applyMove(j, m);
                if (totalRss() < before * (1 - 1e-12)) {
                    return true;
                }
                applyMove(j, p);
                if (oldM != p) {
                    applyMove(m, oldM);
                }
                return false;
            } finally {
                endTrial();
            }
        }

        /**
         * j takes its parent's place and the parent hangs on j: tried when their mean voltages are
         * within noise or either branch may raise the voltage ({@link #mayRise}).
         */
        private boolean trySwapWithParent(int j) {
            int p = parent[j];
            if (p == root || !(anyParent || withinNoise(j, p) || mayRise(p) || mayRise(j))) {
                return false;
            }
            int g = parent[p];
            double before = totalRss();
            beginTrial();
            try {
                applyMove(j, g);
                applyMove(p, j);
                if (totalRss() < before * (1 - 1e-12)) {
                    return true;
                }
                applyMove(p, g);
                applyMove(j, p);
                return false;
            } finally {
                endTrial();
            }
        }

        /** Mean voltages of a and b differ by less than 3 standard errors of the mean difference. */
        private boolean withinNoise(int a, int b) {
            double[] da = d[a];
            double[] db = d[b];
            double s = 0;
            double s2 = 0;
            int count = 0;
            for (int t = 0; t < tCount; t++) {
                double v = da[t] - db[t];
                if (v == v) {
                    s += v;
                    s2 += v * v;
                    count++;
                }
            }
            if (count == 0) {
                return true;
            }
            double mean = s / count;
            double var = Math.max(0, s2 / count - mean * mean);
            return Math.abs(mean) < 3 * Math.sqrt(var / count);
        }

        /** Lowest common ancestor of a and b (either may be the root). */
        private int commonAncestor(int a, int b) {
            stampCounter++;
            for (int v = a; ; v = parent[v]) {
                stamp[v] = stampCounter;
                if (v == root) {
                    break;
                }
            }
            int v = b;
            while (stamp[v] != stampCounter) {
                v = parent[v];
            }
            return v;
        }

        /**
         * Evaluates moving j (with its subtree) to each of {@code targets} and applies the first, in
         * order, that lowers the total residual by more than {@code tolerance}. A move's change of
         * the total residual is j's fit on the target minus its current one, plus, on the two paths
         * from j's parent and from the target up to their common ancestor, each branch refitted with
         * j's sending flow taken off (j's side) or added (the target's side). A branch on several
         * moves' paths is refitted once; the fits run concurrently when the options allow. The
         * arithmetic and the summation order are those of evaluating one move at a time, and the
         * work measure counts, as it always has, one pass for j's regressors and one per path fit
         * of every move up to the one applied: the result does not depend on the thread count.
         */
        private boolean tryMoves(int j, int[] targets, double tolerance) {
            int m = targets.length;
            int[][] losing = new int[m][];
            int[][] gaining = new int[m][];
            int[] slot = new int[2 * (n + 1)];   // fit index of (bus, side) + 1; side 0 losing, 1 gaining
            int[] fitBus = new int[m + 2 * n];
            int[] fitSide = new int[m + 2 * n];
            int fits = m; // the first m fits: j on each target
            for (int i = 0; i < m; i++) {
                int lca = commonAncestorOf(parent[j], targets[i]);
                losing[i] = pathTo(parent[j], lca);
                gaining[i] = pathTo(targets[i], lca);
                for (int side = 0; side < 2; side++) {
                    for (int b : side == 0 ? losing[i] : gaining[i]) {
                        int key = 2 * b + side;
                        if (slot[key] == 0) {
                            fitBus[fits] = b;
                            fitSide[fits] = side;
                            slot[key] = ++fits;
                        }
                    }
                }
            }
            // a fit whose inputs (as versions) are those of an earlier one has its residual
            double[] after = new double[fits];
            long[][] inputs = new long[fits][];
            int[] todo = new int[fits];
            int missing = 0;
            boolean childMissing = false;
            boolean pathMissing = false;
            for (int f = 0; f < fits; f++) {
                inputs[f] = f < m ? new long[]{recvVersion[j]}
                        : new long[]{recvVersion[fitBus[f]], parent[fitBus[f]], recvVersion[j], fitVersion[j]};
                long[] known = gaps ? null : fitMemo.get(memoKey(j, f < m ? targets[f] : fitBus[f], f < m ? 2 : fitSide[f]));
                if (known != null && Arrays.equals(known, 0, known.length - 1, inputs[f], 0, inputs[f].length)) {
                    after[f] = Double.longBitsToDouble(known[known.length - 1]);
                } else {
                    todo[missing++] = f;
                    childMissing |= f < m;
                    pathMissing |= f >= m;
                }
            }
            if (childMissing) {
                regressors(j, main);
            }
            if (pathMissing) {
                sent(j);
            }
            double[] sendP = sentP[j];
            double[] sendQ = sentQ[j];
            IntConsumer fitOne = i -> {
                int f = todo[i];
                double[] hk = new double[3];
                double[] out = new double[4];
                if (f < m) {
                    after[f] = childFit(j, targets[f], hk, out);
                } else {
                    branchFitInto(fitBus[f], sendP, sendQ, fitSide[f] == 0 ? -1 : +1, new double[6], hk, out);
                    after[f] = out[3];
                }
            };
            if (opt.parallel() && missing > 1) {
                IntStream.range(0, missing).parallel().forEach(fitOne);
            } else {
                for (int i = 0; i < missing; i++) {
                    fitOne.accept(i);
                }
            }
            if (!gaps) {
                if (fitMemo.size() > MEMO_LIMIT) {
                    fitMemo.clear();
                }
                for (int i = 0; i < missing; i++) {
                    int f = todo[i];
                    long[] entry = Arrays.copyOf(inputs[f], inputs[f].length + 1);
                    entry[entry.length - 1] = Double.doubleToRawLongBits(after[f]);
                    fitMemo.put(memoKey(j, f < m ? targets[f] : fitBus[f], f < m ? 2 : fitSide[f]), entry);
                }
            }
            for (int i = 0; i < m; i++) {
                double delta = after[i] - rss[j];
                for (int b : losing[i]) {
                    delta += after[slot[2 * b] - 1] - rss[b];
                }
                for (int b : gaining[i]) {
                    delta += after[slot[2 * b + 1] - 1] - rss[b];
                }
                passes += 1 + losing[i].length + gaining[i].length;
                if (delta < -tolerance) {
                    failed[j] = null;
                    applyMove(j, targets[i]);
                    return true;
                }
            }
            long counted = 0;
            for (int i = 0; i < m; i++) {
                counted += 1 + losing[i].length + gaining[i].length;
            }
            int[] read = new int[fits - m + 1];
            read[0] = j;
            System.arraycopy(fitBus, m, read, 1, fits - m);
            failed[j] = new FailedMoves(targets, read, this, counted);
            return false;
        }

        /**
         * Key of a move-evaluation fit: j on candidate parent k (kind 2), or branch k with j's
         * sending flow taken off (kind 0) or added (kind 1).
         */
        private long memoKey(int j, int k, int kind) {
            return ((long) k * (n + 1) + j) * 3 + kind;
        }

        /** Residual of j's fit on parent k, with j's regressors in the main work arrays; uses hk, out. */
        private double childFit(int j, int k, double[] hk, double[] out) {
            if (gaps) {
                double[] miss = new double[7];
                double yy = crossProductsWithGaps(dEff[j], pd[k], wa, wb, wc, tCount, hk, miss);
                double[] ge = new double[6];
                for (int i = 0; i < 6; i++) {
                    ge[i] = g[i] - miss[i];
                }
                BranchResidual.solve(ge, hk, yy, out);
                perInterval(out, miss[6], tCount);
            } else {
                double yy = crossProducts(d[j], pd[k], wa, wb, wc, tCount, hk);
                BranchResidual.solve(g, hk, yy, out);
            }
            return out[3];
        }

        /** The buses from v up to, not including, its ancestor top. */
        private int[] pathTo(int v, int top) {
            int count = 0;
            for (int b = v; b != top; b = parent[b]) {
                count++;
            }
            int[] path = new int[count];
            int k = 0;
            for (int b = v; b != top; b = parent[b]) {
                path[k++] = b;
            }
            return path;
        }

        /** Lowest common ancestor of a and b without shared scratch state (safe concurrently). */
        private int commonAncestorOf(int a, int b) {
            int da = depth(a);
            int db = depth(b);
            while (da > db) {
                a = parent[a];
                da--;
            }
            while (db > da) {
                b = parent[b];
                db--;
            }
            while (a != b) {
                a = parent[a];
                b = parent[b];
            }
            return a;
        }

        private int depth(int v) {
            int depth = 0;
            for (; v != root; v = parent[v]) {
                depth++;
            }
            return depth;
        }

        private void applyMove(int j, int k) {
            int old = parent[j];
            int lca = commonAncestor(old, k);
            attach(j, k);
            for (int b = old; b != lca; b = parent[b]) {
                computeReceiving(b);
                refit(b);
            }
            for (int b = k; b != lca; b = parent[b]) {
                computeReceiving(b);
                refit(b);
            }
        }

        /**
         * A move evaluation of one bus ({@link #tryMoves}) that found no better parent, with what it
         * read: the bus itself and the buses on the moves' paths up to their common ancestors, their
         * flows and fits (as versions) and parents (the paths and ancestors follow from those). It
         * changes nothing, so while the targets and all these are the same it would repeat bit for
         * bit, with the same outcome: the local search skips it (and counts its work as before).
         */
        private static final class FailedMoves {
            private final int[] targets;
            private final int[] buses;
            private final int[] recv;
            private final int[] fit;
            private final int[] parents;
            final long passes;

            FailedMoves(int[] targets, int[] buses, Search s, long passes) {
                this.targets = targets;
                this.buses = buses;
                this.passes = passes;
                recv = new int[buses.length];
                fit = new int[buses.length];
                parents = new int[buses.length];
                for (int k = 0; k < buses.length; k++) {
                    recv[k] = s.recvVersion[buses[k]];
                    fit[k] = s.fitVersion[buses[k]];
                    parents[k] = s.parent[buses[k]];
                }
            }

            boolean holds(int[] now, Search s) {
                if (!Arrays.equals(targets, now)) {
                    return false;
                }
                for (int k = 0; k < buses.length; k++) {
                    int b = buses[k];
                    if (s.recvVersion[b] != recv[k] || s.fitVersion[b] != fit[k] || s.parent[b] != parents[k]) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** One thread's work arrays: a bus's regressors over T, their Gram sums, a fit's right side and result. */
        private static final class Work {
            final double[] wa;
            final double[] wb;
            final double[] wc;
            final double[] g = new double[6];
            final double[] h = new double[3];
            final double[] fit = new double[4];
            final double[] gm = new double[7];
            final int[] mark;     // subtree marks of busesOutsideSubtree
            final int[] stack;
            int markCounter;

            Work(int tCount, int buses) {
                mark = new int[buses + 1];
                stack = new int[buses + 1];
                wa = new double[tCount];
                wb = new double[tCount];
                wc = new double[tCount];
            }
        }

        /** Median over buses of the branch fit's rms residual relative to the mean u at the bus. */
        double medianRelativeResidual() {
            double[] rel = new double[n];
            for (int j = 0; j < n; j++) {
                double u = 0;
                for (int t = 0; t < tCount; t++) {
                    u += rootU[t] - dFill[j][t];
                }
                u /= tCount;
                rel[j] = Math.sqrt(rss[j] / tCount) / u;
            }
            Arrays.sort(rel);
            return rel[n / 2];
        }

        Topology result(int moves) {
            Map<String, String> parents = new LinkedHashMap<>();
            Map<String, Double> conf = new LinkedHashMap<>();
            List<String> buses = series.buses();
            int doubtful = 0;
            for (int j = 0; j < n; j++) {
                parents.put(buses.get(j), parent[j] == root ? series.root() : buses.get(parent[j]));
                conf.put(buses.get(j), confidence[j]);
                if (confidence[j] < 0.99) {
                    doubtful++;
                }
            }
            List<String> all = new ArrayList<>(series.warnings());
            all.addAll(warnings);
            if (moves > 0) {
                all.add("local search made " + moves + " change(s) after the greedy pass (" + passes
                        + " branch fits in all)");
            }
            if (budgetExhausted) {
                all.add(String.format(Locale.ROOT, "local search stopped at its work budget (%d branch fits per bus);"
                        + " the tree may improve with a larger budget", opt.fitsPerBus()));
            }
            if (doubtful > 0) {
                all.add(String.format(Locale.ROOT, "%d of %d edges have confidence below 0.99", doubtful, n));
            }
            return new Topology(new RadialTree(series.root(), parents), conf,
                    new TopologyDiagnostics(TopologyMethod.PHYSICS_SEARCH.name(), "n/a", Double.NaN, tCount, all));
        }
    }

    /**
     * {@link #crossProducts} where NaN marks a left-out interval (child target or parent drop
     * missing): such rows add to {@code missingGram} (the Gram entries aa, ab, ac, bb, bc, cc
     * of the rows to subtract) instead of h and the sum of squares; {@code missingGram[6]} gets
     * the number of rows used.
     */
    static double crossProductsWithGaps(double[] dj, double[] dk, double[] a, double[] b, double[] c, int n,
                                        double[] h, double[] missingGram) {
        double ha = 0, hb = 0, hc = 0, yy = 0;
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0;
        int valid = 0;
        for (int t = 0; t < n; t++) {
            double y = dj[t] - dk[t];
            if (y == y) {
                valid++;
                ha += a[t] * y;
                hb += b[t] * y;
                hc += c[t] * y;
                yy += y * y;
            } else {
                m0 += a[t] * a[t];
                m1 += a[t] * b[t];
                m2 += a[t] * c[t];
                m3 += b[t] * b[t];
                m4 += b[t] * c[t];
                m5 += c[t] * c[t];
            }
        }
        h[0] = ha;
        h[1] = hb;
        h[2] = hc;
        missingGram[6] = valid;
        missingGram[0] = m0;
        missingGram[1] = m1;
        missingGram[2] = m2;
        missingGram[3] = m3;
        missingGram[4] = m4;
        missingGram[5] = m5;
        return yy;
    }

    /**
     * {@link #crossProducts} for four candidate parents in one pass over the regressors; candidate
     * i's h goes to {@code out[4i..4i+2]} and its &Sigma;y&sup2; to {@code out[4i+3]}, each summed in
     * the same order as {@link #crossProducts} does (bit-identical results).
     */
    static void crossProducts4(double[] dj, double[] d0, double[] d1, double[] d2, double[] d3, double[] a,
                               double[] b, double[] c, int n, double[] out) {
        double a0 = 0, b0 = 0, c0 = 0, s0 = 0;
        double a1 = 0, b1 = 0, c1 = 0, s1 = 0;
        double a2 = 0, b2 = 0, c2 = 0, s2 = 0;
        double a3 = 0, b3 = 0, c3 = 0, s3 = 0;
        for (int t = 0; t < n; t++) {
            double at = a[t];
            double bt = b[t];
            double ct = c[t];
            double jt = dj[t];
            double y0 = jt - d0[t];
            double y1 = jt - d1[t];
            double y2 = jt - d2[t];
            double y3 = jt - d3[t];
            a0 += at * y0;
            b0 += bt * y0;
            c0 += ct * y0;
            s0 += y0 * y0;
            a1 += at * y1;
            b1 += bt * y1;
            c1 += ct * y1;
            s1 += y1 * y1;
            a2 += at * y2;
            b2 += bt * y2;
            c2 += ct * y2;
            s2 += y2 * y2;
            a3 += at * y3;
            b3 += bt * y3;
            c3 += ct * y3;
            s3 += y3 * y3;
        }
        out[0] = a0;
        out[1] = b0;
        out[2] = c0;
        out[3] = s0;
        out[4] = a1;
        out[5] = b1;
        out[6] = c1;
        out[7] = s1;
        out[8] = a2;
        out[9] = b2;
        out[10] = c2;
        out[11] = s2;
        out[12] = a3;
        out[13] = b3;
        out[14] = c3;
        out[15] = s3;
    }

    /**
     * The right-hand side of a candidate branch fit: with y = dj − dk (the squared-voltage drop
     * from candidate parent to child, kV&sup2;) over the first {@code n} intervals, sets
     * h = (&Sigma;a&middot;y, &Sigma;b&middot;y, &Sigma;c&middot;y) and returns &Sigma;y&sup2;.
     * One pass, no allocation: the inner loop of the search.
     */
    static double crossProducts(double[] dj, double[] dk, double[] a, double[] b, double[] c, int n, double[] h) {
        double ha = 0, hb = 0, hc = 0, yy = 0;
        for (int t = 0; t < n; t++) {
            double y = dj[t] - dk[t];
            ha += a[t] * y;
            hb += b[t] * y;
            hc += c[t] * y;
            yy += y * y;
        }
        h[0] = ha;
        h[1] = hb;
        h[2] = hc;
        return yy;
    }
}

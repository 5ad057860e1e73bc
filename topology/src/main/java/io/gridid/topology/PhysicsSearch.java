package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Physics-driven topology search (docs/design.md, "Stage 1"): no regression, no inversion.
 *
 * <ol>
 * <li>Greedy start: buses in {@link StartOrder} (by the spread of their drop from the root) on
 *     precise data, by mean voltage on noisy data, likely leaves first (a starting heuristic only);
 *     each bus is attached to the candidate parent, among the buses not yet attached and the root,
 *     whose exact branch fit
 *     (u_parent &minus; u_child = 2 r P' + 2 x Q' + w (P'&sup2; + Q'&sup2;)/u_child on the child's
 *     accumulated subtree flows P', Q', non-negative least squares, see {@link BranchResidual})
 *     leaves the smallest residual sum of squares. Subtree flows include the losses of the
 *     branches below, from their fitted r, x through {@link io.gridid.model.BranchEquation}.</li>
 * <li>Local search: move a bus with its subtree to one of its best alternative parents whenever
 *     the total residual of all branch fits it affects drops; insert a bus between a bus and its
 *     parent; swap a bus with its parent. Downstream of a capacitor bank, or of PV feeding back,
 *     the voltage rises along a branch: on precise data any bus outside the subtree may be a
 *     parent (with estimated loads, a bus of lower mean voltage only where the branch equation
 *     allows a rise, {@link VoltageRiseRule#mayRise}); on noisy data only buses of higher mean voltage, since there
 *     the wider choice fitted the noise (docs/decisions/001-stage1-voltage-rise.md).</li>
 * <li>Refresh the flows and losses from the current tree bottom-up, refit, rescan every bus's
 *     candidates over the whole tree, and repeat 2 while it moves buses (at most
 *     {@link #MAX_REFRESHES} times).</li>
 * </ol>
 *
 * <p>Evidence and confidence of an edge ({@link EdgeEvidence}): how much the total residual rises
 * when the edge is taken away by each of the local search's moves, as log-likelihood ratios, and
 * the edge's posterior share among itself and those alternatives
 * (docs/decisions/014-edge-evidence.md). The stability halves ({@link TopologyOptions#withStabilityRuns(int)})
 * run without them ({@link #withoutEvidence()}).
 *
 * <p>Cost per bus: O(T) to form its regressors, then 4 dot products per candidate parent on a
 * subsample of about {@link PhysicsSearchOptions#screenIntervals()} intervals and on all T for
 * the best few: O(n&sup2; T_screen + n T) per scan, three scans in total; each local-search move
 * costs O(path length &middot; T).
 *
 * <p>Work not repeated (without gaps; the results are bit for bit those of doing it again, and the
 * work budget counts it as done): flows and fits carry versions that stand for their inputs
 * ({@link InputVersions}), so a flow, a fit, a sending flow or a scan whose inputs have a version
 * seen before is taken as it was; a move evaluation that failed is skipped while nothing it reads
 * has changed ({@link FailedMoves}); trials that move buses back get the flows, fits and sending
 * flows of their start back ({@link TrialUndo}).
 *
 * <p>The parts: {@link SearchInputs} (the data of one pass), {@link FittedTree} (the tree with its
 * flows and fits), {@link BranchFits} and {@link DropProducts} (the fits), {@link ParentScan} (a
 * bus's candidate parents and confidence), {@link VoltageRiseRule} (which parents may be tried),
 * {@link LocalSearch} and {@link SubtreeMoves} (the moves), {@link WorkBudget}, {@link SearchRun}
 * (the phases of one pass); {@link DenoisedDrops} and {@link StartOrder}.
 */
public final class PhysicsSearch implements TopologyEstimator {
    /**
     * Median branch-fit rms residual, relative to u, below which the data count as exact and the
     * parents' measured drops are used as they are: exact data leave rounding (~1e-12), and a
     * voltage noise of 1e-6 p.u. about 3e-6, while the drops' fit on the loads keeps a model error
     * of that order (docs/decisions/001-stage1-voltage-rise.md).
     */
    static final double PRECISE_RESIDUAL = 1e-5;
    /**
     * Refresh-and-search rounds after the first local search at most, on precise data: each rescans
     * the candidates from the moved tree, which a start far from the truth (voltage rise) needs a few
     * times. Noisy data get one.
     */
    static final int MAX_REFRESHES = 6;

    private final PhysicsSearchOptions options;
    private final boolean weighEdges;

    public PhysicsSearch(PhysicsSearchOptions options) {
        this(options, true);
    }

    private PhysicsSearch(PhysicsSearchOptions options, boolean weighEdges) {
        this.options = Objects.requireNonNull(options, "options");
        this.weighEdges = weighEdges;
    }

    @Override
    public TopologyEstimator withoutEvidence() {
        return new PhysicsSearch(options, false);
    }

    @Override
    public Topology estimate(FeederSeries series) throws GrididException {
        Objects.requireNonNull(series, "series");
        DenoisedDrops.Loads loads = options.denoiseParents()
                ? DenoisedDrops.loads(series.busCount(), series.intervalCount(), series.totalIntervals()) : null;
        boolean mayDenoise = loads != null;
        SearchRun s;
        double[][] early = null;
        if (mayDenoise && options.parallel() && ForkJoinPool.getCommonPoolParallelism() >= 1
                && Runtime.getRuntime().availableProcessors() > 1) {
            // the first pass (one thread) and the drops' fit (independent of it) at the same time;
            // the fit stops early when the first pass finds exact data, where it is not used
            AtomicBoolean exact = new AtomicBoolean();
            ForkJoinTask<SearchRun> first = ForkJoinTask.adapt(() -> {
                SearchRun f = new SearchRun(series, options, null, false);
                f.greedy();
                if (!(f.medianRelativeResidual() > PRECISE_RESIDUAL)) {
                    exact.set(true);
                }
                return f;
            }).fork();
            early = DenoisedDrops.fit(series, loads, true, exact::get);
            s = first.join();
        } else {
            s = new SearchRun(series, options, null, false);
            s.greedy();
        }
        double noise = s.medianRelativeResidual();
        boolean precise = !(noise > PRECISE_RESIDUAL);
        if (precise) {
            // start again in the spread order, which voltage rise does not upset
            s = new SearchRun(series, options, null, true);
            s.greedy();
        }
        Warning denoised = null;
        if (mayDenoise) {
            double[][] rows = precise ? null : early != null ? early
                    : DenoisedDrops.fit(series, loads, options.parallel(), () -> false);
            int replaced = rows == null ? 0 : DenoisedDrops.keepExplained(rows, series.dropView(), s.tree.rss);
            if (replaced > 0) {
                int[][] measuredAlternatives = s.scan.alternatives;
                // noisy data: the fits use every interval, estimated loads included (SearchInputs)
                s = new SearchRun(series, options, rows, false, false);
                s.search.measuredAlternatives = measuredAlternatives;
                s.greedy();
                denoised = Warning.of(WarningCode.VOLTAGES_DENOISED, String.format(Locale.ROOT,
                        "candidate parents' voltages denoised at %d of %d buses"
                        + " (median branch-fit residual %.2g of u after the first pass: noisy data): their drops"
                        + " fitted on all buses' %s", replaced, rows.length, noise,
                        loads == DenoisedDrops.Loads.ACTIVE ? "active powers" : "loads"));
            }
        }
        // estimated loads leave errors the wider choice would fit
        s.allowParents(precise && !series.hasGaps(), precise);
        s.widenCandidates();
        int moves = s.localSearch();
        int more = 1;
        int rounds = precise ? MAX_REFRESHES : 1; // on noisy data further rounds fit the noise and cost time
        for (int round = 0; round < rounds && more > 0 && !s.budgetExhausted(); round++) {
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
        return s.result(moves, weighEdges);
    }

    /** The local search from {@code start} ({@link #refine}), without the greedy pass and the denoising. */
    @Override
    public Topology estimateFrom(FeederSeries series, RadialTree start) {
        Objects.requireNonNull(series, "series");
        return refine(series, start, options, weighEdges);
    }

    /**
     * Total residual sum of squares (kV<sup>4</sup>) of the branch fits of a given tree, flows and
     * losses computed bottom-up from the fitted impedances: the objective the search minimises.
     * A diagnostic, e.g. to compare a found tree with the truth.
     */
    public static double objective(FeederSeries series, RadialTree tree) {
        return new SearchRun(series, PhysicsSearchOptions.defaults()).tree.fitWhole(tree);
    }

    /** Local search started from a given tree instead of the greedy pass (diagnostic). */
    public static Topology refine(FeederSeries series, RadialTree start, PhysicsSearchOptions options) {
        return refine(series, start, options, true);
    }

    private static Topology refine(FeederSeries series, RadialTree start, PhysicsSearchOptions options,
                                   boolean weighEdges) {
        SearchRun s = new SearchRun(series, options);
        s.tree.fitWhole(start);
        double noise = s.medianRelativeResidual();
        boolean precise = !(noise > PRECISE_RESIDUAL);
        s.allowParents(precise && !series.hasGaps(), precise);
        s.widenCandidates();
        s.refresh();
        int moves = s.localSearch();
        s.refresh();
        return s.result(moves, weighEdges);
    }
}

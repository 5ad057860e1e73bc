package io.gridid.topology;

import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One pass of the physics search on one set of inputs, and its phases: the greedy start, the
 * local search, the refresh of flows, fits and scans from the current tree, and the result.
 * The mutable state of one run, confined to one call. The greedy start and a refresh cost
 * O(n&sup2; T_screen + n T) (one scan per bus), the local search as {@link LocalSearch}.
 */
final class SearchRun {
    /** Confidence below which an edge counts as doubtful in the result's warning. */
    static final double DOUBTFUL_CONFIDENCE = 0.99;

    final SearchInputs in;
    private final PhysicsSearchOptions opt;
    final FittedTree tree;
    final VoltageRiseRule rule;
    final ParentScan scan;
    final LocalSearch search;
    private final WorkBudget budget;
    final List<Warning> warnings = new ArrayList<>();

    /** A run whose greedy start goes in the spread order on the measured rows. */
    SearchRun(FeederSeries series, PhysicsSearchOptions opt) {
        this(series, opt, null, true);
    }

    /**
     * @param parentRows  the candidate parents' drop rows (n rows; the root's stays as measured), or null = measured
     * @param spreadStart start order by the drops' spread, else by mean voltage ({@link SearchInputs})
     */
    SearchRun(FeederSeries series, PhysicsSearchOptions opt, double[][] parentRows, boolean spreadStart) {
        this(series, opt, parentRows, spreadStart, true);
    }

    /**
     * @param cleanIntervalsOnly a fit leaves out the intervals with an estimated load in its subtree
     *                           when enough are left ({@link SearchInputs#cleanIntervalsOnly})
     */
    SearchRun(FeederSeries series, PhysicsSearchOptions opt, double[][] parentRows, boolean spreadStart,
              boolean cleanIntervalsOnly) {
        this.opt = opt;
        in = new SearchInputs(series, opt, parentRows, spreadStart, cleanIntervalsOnly);
        budget = new WorkBudget(opt, in.n, in.tCount);
        tree = new FittedTree(in, budget);
        rule = new VoltageRiseRule(tree, in.meanRank);
        scan = new ParentScan(in, tree, rule, opt);
        search = new LocalSearch(in, tree, rule, scan, opt);
        if (!in.constantLoads.isEmpty()) {
            warnings.add(Warning.about(WarningCode.CONSTANT_LOADS, in.constantLoads, "load never varies at bus(es) "
                    + in.constantLoads + ": v1 assumes load variation at every metered bus; their branches are"
                    + " identified from their subtrees' flows alone, if any"));
        }
    }

    /** Attaches every bus, in the start order, to its best candidate among the buses above it and the root. */
    void greedy() {
        scan.greedy = true;
        for (int k = 0; k < in.n; k++) {
            int j = in.order[k];
            tree.computeReceiving(j);
            budget.count(1);
            scan.scan(j, tree.fits.main);
            tree.attach(j, scan.alternatives[j][0]);
        }
        scan.greedy = false;
    }

    /** Sets which parents the local search may try: {@link VoltageRiseRule}. */
    void allowParents(boolean anyParent, boolean riseAllowed) {
        rule.anyParent = anyParent;
        rule.riseAllowed = riseAllowed;
    }

    /**
     * The start's scans saw only the buses above in the start order; where the local search may
     * use other parents (precise data, a possible rise, the spread order), the next refresh scans again.
     */
    void widenCandidates() {
        if (rule.anyParent || rule.riseAllowed || in.spreadStart) {
            scan.forget();
        }
    }

    /**
     * Recomputes every flow bottom-up with the current tree, refits, rescans. A bus's scan
     * depends only on its own flows and the drop rows, so the scans run after the refits,
     * concurrently when the options allow (same result).
     */
    void refresh() {
        int[] up = tree.bottomUp();
        for (int j : up) {
            tree.computeReceiving(j);
            tree.refit(j);
        }
        budget.count(in.n);
        if (opt.parallel() && (long) in.n * in.tCount >= ParentScan.PARALLEL_WORK) {
            ThreadLocal<ScanWork> work = ThreadLocal.withInitial(() -> new ScanWork(in.tCount, in.n));
            IntStream.range(0, up.length).parallel().forEach(k -> scan.scan(up[k], work.get()));
        } else {
            for (int j : up) {
                scan.scan(j, tree.fits.main);
            }
        }
    }

    /** The local search; returns the number of accepted changes. */
    int localSearch() {
        return search.run();
    }

    boolean budgetExhausted() {
        return budget.exhausted();
    }

    /** Median over buses of the branch fit's rms residual relative to the mean u at the bus. */
    double medianRelativeResidual() {
        return tree.medianRelativeResidual();
    }

    /**
     * The topology of the current tree; with {@code weighEdges} each edge's evidence and confidence
     * ({@link EdgeEvidence}), without (runs whose tree alone is used) confidence NaN and no evidence.
     */
    Topology result(int moves, boolean weighEdges) {
        FeederSeries series = in.series;
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Double> conf = new LinkedHashMap<>();
        List<String> buses = series.buses();
        int n = in.n;
        int doubtful = 0;
        List<String> doubtfulEdges = new ArrayList<>();
        EdgeEvidence.Weighed weighed = weighEdges ? EdgeEvidence.of(this) : null;
        Map<String, Double> evidence = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            if (weighEdges && !Double.isNaN(weighed.evidence()[j])) {
                evidence.put(buses.get(j), weighed.evidence()[j]);
            }
            parents.put(buses.get(j), tree.parent[j] == in.root ? series.root() : buses.get(tree.parent[j]));
            double c = weighEdges ? weighed.confidence()[j] : Double.NaN;
            conf.put(buses.get(j), c);
            if (c < DOUBTFUL_CONFIDENCE) {
                doubtful++;
                doubtfulEdges.add(Warning.branch(parents.get(buses.get(j)), buses.get(j)));
            }
        }
        List<Warning> all = new ArrayList<>(series.warnings());
        all.addAll(warnings);
        if (moves > 0) {
            all.add(Warning.of(WarningCode.LOCAL_SEARCH_MOVES, "local search made " + moves + " change(s) after the greedy"
                    + " pass (" + budget.fits() + " branch fits in all)"));
        }
        if (budget.exhausted()) {
            all.add(Warning.of(WarningCode.SEARCH_BUDGET, String.format(Locale.ROOT, "local search stopped at its work"
                    + " budget (%d branch fits per bus); the tree may improve with a larger budget", opt.fitsPerBus())));
        }
        if (doubtful > 0) {
            all.add(Warning.about(WarningCode.LOW_CONFIDENCE_EDGES, doubtfulEdges, String.format(Locale.ROOT,
                    "%d of %d edges have confidence below %s", doubtful, n, DOUBTFUL_CONFIDENCE)));
        }
        return new Topology(new RadialTree(series.root(), parents), conf,
                new TopologyDiagnostics(TopologyMethod.PHYSICS_SEARCH, null, Double.NaN, in.tCount, all), evidence);
    }
}

package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Edge stability as the confidence figure: the estimator runs again on {@code runs} random halves
 * of the data (whole blocks of {@link #BLOCK} consecutive intervals, so daily cycles stay intact;
 * seeded, deterministic), and an edge's confidence is the fraction of those runs whose tree
 * contains it (as an unordered bus pair). An edge decided by noise comes and goes between halves;
 * one the data determine stays. Costs {@code runs} more estimates on half the data, run concurrently
 * on the common fork-join pool (the halves are drawn first, in order: the result is the same).
 * Each half's estimate starts from nothing, or with {@code warm} from the full-data tree
 * ({@link TopologyEstimator#estimateFrom}: cheaper, but it separates right from wrong edges worse).
 *
 * <p>Short data: with fewer than {@link #MIN_BLOCKS} days' worth of intervals the blocks shrink so
 * that there are {@link #MIN_BLOCKS} of them; a half with fewer than {@link FeederSeries#MIN_INTERVALS}
 * intervals is drawn again; a half on which the estimator fails is left out (fewer runs), and with
 * no half left, or data too short to halve, the estimator's own confidence stands. Each of these
 * says so in a warning.
 */
final class EdgeStability {
    /** Intervals per block: a day of hourly data. */
    static final int BLOCK = 24;
    /** Blocks the data are cut into at least, so that random halves differ. */
    static final int MIN_BLOCKS = 8;
    /** Draws of one half before giving up on a size of at least {@link FeederSeries#MIN_INTERVALS}. */
    private static final int MAX_DRAWS = 100;

    private EdgeStability() {
    }

    static Topology apply(TopologyEstimator estimator, FeederSeries series, Topology full, int runs, boolean warm,
                          long seed)
            throws GrididException {
        Objects.requireNonNull(full, "full");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1");
        }
        int tCount = series.intervalCount();
        List<Warning> notes = new ArrayList<>();
        if (tCount < 2 * FeederSeries.MIN_INTERVALS) {
            notes.add(Warning.of(WarningCode.CONFIDENCE_NOT_STABILITY, String.format(Locale.ROOT, "confidence is the"
                    + " estimator's own figure: %d intervals are too few for stability halves (at least %d)", tCount,
                    2 * FeederSeries.MIN_INTERVALS)));
            return withWarnings(full, full.confidence(), notes, false);
        }
        int block = tCount >= MIN_BLOCKS * BLOCK ? BLOCK : Math.max(1, tCount / MIN_BLOCKS);
        if (block < BLOCK) {
            notes.add(Warning.of(WarningCode.STABILITY_SHORT_DATA, String.format(Locale.ROOT, "short data (%d intervals):"
                    + " stability halves drawn from blocks of %d intervals instead of %d", tCount, block, BLOCK)));
        }
        int blocks = (tCount + block - 1) / block;
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[][] halves = new boolean[runs][tCount];
        for (int r = 0; r < runs; r++) {
            for (int draw = 0; draw < MAX_DRAWS; draw++) {
                int used = 0;
                for (int b = 0; b < blocks; b++) {
                    boolean in = rnd.nextBoolean();
                    for (int t = b * block; t < Math.min(tCount, (b + 1) * block); t++) {
                        halves[r][t] = in;
                        used += in ? 1 : 0;
                    }
                }
                if (used >= FeederSeries.MIN_INTERVALS) {
                    break;
                }
            }
        }
        // the halves are drawn above, in order; each run is independent of the others
        RadialTree[] found = new RadialTree[runs];
        GrididException[] failure = new GrididException[runs];
        TopologyEstimator treesOnly = estimator.withoutEvidence();
        IntStream.range(0, runs).parallel().forEach(r -> {
            try {
                FeederSeries half = series.subset(halves[r]);
                found[r] = (warm ? treesOnly.estimateFrom(half, full.tree()) : treesOnly.estimate(half)).tree();
            } catch (GrididException e) {
                failure[r] = e;
            }
        });
        List<RadialTree> trees = new ArrayList<>();
        for (RadialTree t : found) {
            if (t != null) {
                trees.add(t);
            }
        }
        if (trees.isEmpty()) {
            notes.add(Warning.of(WarningCode.CONFIDENCE_NOT_STABILITY, "confidence is the estimator's own figure: it failed"
                    + " on every stability half (" + failure[0].getMessage() + ")"));
            return withWarnings(full, full.confidence(), notes, false);
        }
        if (trees.size() < runs) {
            notes.add(Warning.of(WarningCode.STABILITY_PARTIAL, String.format(Locale.ROOT, "stability over %d of %d halves:"
                    + " the estimator failed on the others (%s)", trees.size(), runs, firstMessage(failure))));
        }
        Map<String, Double> conf = new LinkedHashMap<>();
        int doubtful = 0;
        List<String> unstable = new ArrayList<>();
        for (Map.Entry<String, String> e : full.tree().parents().entrySet()) {
            int hits = 0;
            for (RadialTree t : trees) {
                if (adjacent(t, e.getKey(), e.getValue())) {
                    hits++;
                }
            }
            double c = hits / (double) trees.size();
            conf.put(e.getKey(), c);
            if (c < 1) {
                doubtful++;
                unstable.add(Warning.branch(e.getValue(), e.getKey()));
            }
        }
        notes.add(0, Warning.about(WarningCode.EDGE_STABILITY, unstable, String.format(Locale.ROOT, "confidence = edge"
                + " stability over %d random halves of the data; %d of %d edges are not in every half's tree",
                trees.size(), doubtful, conf.size())));
        return withWarnings(full, conf, notes, true);
    }

    private static String firstMessage(GrididException[] failure) {
        for (GrididException e : failure) {
            if (e != null) {
                return e.getMessage();
            }
        }
        return "";
    }

    /** {@code full} with the given confidence and the notes added to its warnings (its own low-confidence note dropped if replaced). */
    private static Topology withWarnings(Topology full, Map<String, Double> conf, List<Warning> notes, boolean replaced) {
        TopologyDiagnostics d = full.diagnostics();
        List<Warning> kept = new ArrayList<>();
        for (Warning s : d.warnings()) {
            if (!replaced || s.code() != WarningCode.LOW_CONFIDENCE_EDGES) {
                kept.add(s);
            }
        }
        kept.addAll(notes);
        return full.revised(full.tree(), conf,
                new TopologyDiagnostics(d.method(), d.regressionPath(), d.conditionNumber(), d.intervalsUsed(), kept));
    }

    private static boolean adjacent(RadialTree t, String a, String b) {
        return (t.parents().containsKey(a) && t.parentOf(a).equals(b))
                || (t.parents().containsKey(b) && t.parentOf(b).equals(a));
    }
}

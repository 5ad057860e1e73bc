package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;

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
 */
final class EdgeStability {
    /** Intervals per block: a day of hourly data. */
    static final int BLOCK = 24;

    private EdgeStability() {
    }

    static Topology apply(TopologyEstimator estimator, FeederSeries series, Topology full, int runs, long seed)
            throws GrididException {
        Objects.requireNonNull(full, "full");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1");
        }
        int tCount = series.intervalCount();
        int blocks = (tCount + BLOCK - 1) / BLOCK;
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[][] halves = new boolean[runs][tCount];
        for (int r = 0; r < runs; r++) {
            for (int b = 0; b < blocks; b++) {
                boolean in = rnd.nextBoolean();
                for (int t = b * BLOCK; t < Math.min(tCount, (b + 1) * BLOCK); t++) {
                    halves[r][t] = in;
                }
            }
        }
        // the halves are drawn above, in order; each run is independent of the others
        RadialTree[] found = new RadialTree[runs];
        GrididException[] failure = new GrididException[runs];
        IntStream.range(0, runs).parallel().forEach(r -> {
            try {
                found[r] = estimator.estimate(series.subset(halves[r])).tree();
            } catch (GrididException e) {
                failure[r] = e;
            }
        });
        for (GrididException e : failure) {
            if (e != null) {
                throw e;
            }
        }
        List<RadialTree> trees = List.of(found);
        Map<String, Double> conf = new LinkedHashMap<>();
        int doubtful = 0;
        for (Map.Entry<String, String> e : full.tree().parents().entrySet()) {
            int hits = 0;
            for (RadialTree t : trees) {
                if (adjacent(t, e.getKey(), e.getValue())) {
                    hits++;
                }
            }
            double c = hits / (double) runs;
            conf.put(e.getKey(), c);
            if (c < 1) {
                doubtful++;
            }
        }
        List<String> w = new ArrayList<>();
        w.add(String.format(Locale.ROOT, "confidence = edge stability over %d random halves of the data;"
                + " %d of %d edges are not in every half's tree", runs, doubtful, conf.size()));
        TopologyDiagnostics d = full.diagnostics();
        List<String> kept = new ArrayList<>();
        for (String s : d.warnings()) {
            if (!s.contains("have confidence below")) {
                kept.add(s);
            }
        }
        kept.addAll(w);
        return new Topology(full.tree(), conf,
                new TopologyDiagnostics(d.method(), d.regressionPath(), d.conditionNumber(), d.intervalsUsed(), kept));
    }

    private static boolean adjacent(RadialTree t, String a, String b) {
        return (t.parents().containsKey(a) && t.parentOf(a).equals(b))
                || (t.parents().containsKey(b) && t.parentOf(b).equals(a));
    }
}

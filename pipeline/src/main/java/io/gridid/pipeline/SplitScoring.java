package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.io.BranchRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Scores a topology with unmetered buses by its <em>splits</em>: each edge is named by the set
 * of metered buses below it, so a hidden junction needs no name and two results that place it
 * alike score alike whatever they call it. Edges with the same split are one edge for the data
 * (a hidden bus with one child cannot be seen: its two branches act as one series branch), so
 * they are merged and their r and x summed; an edge with no metered bus below it (a hidden
 * leaf) has no split and is left out. On fully metered trees the splits are the edges, and
 * this score equals {@link Scoring}'s.
 *
 * <p>Precision, recall and F1 as in {@link Scoring}, over distinct splits; per matched split
 * the relative r and x errors of the (summed) impedances, undefined where the truth is 0.
 */
public final class SplitScoring {

    /**
     * @param result  identified branches, parent first (not modified)
     * @param truth   true branches, parent first (not modified)
     * @param root    the feeder head, root of both
     * @param metered which bus ids carry a meter (the buses of the meter data)
     * @throws GrididException when either list is not a tree rooted at {@code root}
     */
    public SplitScore score(List<BranchRow> result, List<BranchRow> truth, String root, Predicate<String> metered)
            throws GrididException {
        Objects.requireNonNull(metered, "metered");
        Map<String, Merged> r = splits(result, root, metered, "result");
        Map<String, Merged> t = splits(truth, root, metered, "truth");
        List<SplitScore.Matched> matched = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, Merged> e : r.entrySet()) {
            Merged truthSplit = t.get(e.getKey());
            if (truthSplit == null) {
                extra.add(e.getValue().top);
                continue;
            }
            Merged m = e.getValue();
            matched.add(new SplitScore.Matched(truthSplit.top, m.top, m.r, m.x, truthSplit.r, truthSplit.x,
                    Scoring.relativeError(m.r, truthSplit.r), Scoring.relativeError(m.x, truthSplit.x)));
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Merged> e : t.entrySet()) {
            if (!r.containsKey(e.getKey())) {
                missing.add(e.getValue().top);
            }
        }
        return SplitScore.of(r.size(), t.size(), matched, missing, extra);
    }

    /** Split key (sorted metered ids below the edge) to the merged edge, top-down. */
    private static Map<String, Merged> splits(List<BranchRow> rows, String root, Predicate<String> metered, String what)
            throws GrididException {
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, BranchRow> feeding = new HashMap<>();
        for (BranchRow b : rows) {
            if (parents.put(b.toBus(), b.fromBus()) != null) {
                throw new GrididException(what + ": bus " + b.toBus() + " has two parents");
            }
            feeding.put(b.toBus(), b);
        }
        RadialTree tree;
        try {
            tree = new RadialTree(root, parents);
        } catch (IllegalArgumentException e) {
            throw new GrididException(what + " is not a tree rooted at " + root + ": " + e.getMessage(), e);
        }
        Map<String, TreeSet<String>> below = new HashMap<>();
        for (String bus : tree.bottomUp()) {
            TreeSet<String> set = new TreeSet<>();
            if (metered.test(bus)) {
                set.add(bus);
            }
            for (String c : tree.childrenOf(bus)) {
                set.addAll(below.get(c));
            }
            below.put(bus, set);
        }
        Map<String, Merged> out = new LinkedHashMap<>();
        for (String bus : tree.topDown()) {
            if (bus.equals(root) || below.get(bus).isEmpty()) {
                continue;
            }
            String key = String.join("\u0000", below.get(bus));
            BranchRow b = feeding.get(bus);
            Merged m = out.get(key);
            if (m == null) {
                out.put(key, new Merged(bus, b.rOhm(), b.xOhm()));
            } else {
                m.r += b.rOhm();
                m.x += b.xOhm();
            }
        }
        return out;
    }

    /** An edge chain with one split: its top edge's child bus and the summed impedance. */
    private static final class Merged {
        final String top;
        double r;
        double x;

        Merged(String top, double r, double x) {
            this.top = top;
            this.r = r;
            this.x = x;
        }
    }
}

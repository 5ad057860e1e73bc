package io.gridid.topology;

import io.gridid.model.HiddenBusIds;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.solvers.fit.HiddenPathFit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stage 1 for feeders whose junctions are not all metered: places hidden junctions in the
 * metered tree that the search found.
 *
 * <p>Where two or more buses branch off a point no meter sees, the metered search hangs them on
 * their nearest metered ancestor or on each other, and the exact branch equation fits none of
 * those branches. For every edge P&rarr;a of the current tree, a new hidden bus H between P and a
 * is tried with a group of a's siblings and children moved under it, chosen by forward selection:
 * first the best partner, then each further bus while it helps. The group's branches are fitted
 * jointly on the path equations ({@link HiddenPathFit}: the drop from the nearest metered ancestor
 * to each metered bus below the hidden bus is the sum of its segments' branch equations); the
 * placement is kept when it lowers the residual sum of squares of the equations it touches by
 * more than {@link HiddenJunctionOptions#significance()} times the per-equation noise variance
 * (a low quantile over the metered tree's branches). A hidden bus with one child is never made:
 * it is not identifiable (its two branches act as one). Hidden buses may nest: an edge below a
 * hidden bus is an edge like any other.
 *
 * <p>Groups are ranked on a subsample of the intervals and the chosen one is checked on all.
 * Deterministic: edges are visited in the tree's bottom-up order, ties go to the first candidate.
 */
final class HiddenJunctionSearch {
    /**
     * A placement must leave at most this share of the misfit (residual beyond the noise) of the
     * equations it touches: a
     * true junction explains the misfit of its children's branches, while on a wrong spot an
     * extra segment only absorbs a sliver of residuals that come from elsewhere (e.g. losses of
     * misfitted branches below, in the flows of every branch above them).
     */
    static final double MAX_REMAINING = 0.5;

    /**
     * The least voltage error assumed, relative: ten times the simulator's power-flow tolerance
     * (1e-10 p.u.), far below any meter (0.1 V on 240 V is 4e-4), so exact data are judged by
     * their real precision and not by what double rounding would allow.
     */
    static final double NOISE_FLOOR = 1e-9;

    /**
     * A unit (branch or cluster) misfits when its residual exceeds this many noise variances per
     * equation: a chi-square mean is 1, and over thousands of intervals 3 is far outside its spread.
     */
    static final double MISFIT = 3;

    /** The quantile of the metered branches' residuals taken for the noise variance. */
    static final double NOISE_QUANTILE = 0.2;

    private final HiddenJunctionOptions options;

    HiddenJunctionSearch(HiddenJunctionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param series  the readings (complete intervals are used)
     * @param metered the metered tree found by the search
     * @return the tree with hidden junctions, their evidence and the warnings
     */
    HiddenJunctions place(FeederSeries series, RadialTree metered) throws io.gridid.model.GrididException {
        FeederSeries s = series.complete();
        List<String> names = new ArrayList<>();
        names.add(s.root());
        names.addAll(s.buses());
        HiddenBusIds ids = new HiddenBusIds(names);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int tCount = s.intervalCount();
        int every = Math.max(1, tCount / options.screenIntervals());
        HiddenSearchState full = new HiddenSearchState(s, 1);
        HiddenSearchState screen = every == 1 ? null : new HiddenSearchState(s, every);
        List<Integer> parent = new ArrayList<>();
        parent.add(-1);
        for (String b : s.buses()) {
            parent.add(index.get(metered.parentOf(b)));
        }
        HiddenSearchTree tree = new HiddenSearchTree(parent, names.size());
        full.init(tree);
        if (screen != null) {
            screen.init(tree);
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (int pass = 0; pass < options.maxPasses(); pass++) {
            HiddenSearchState rank = screen != null ? screen : full;
            List<Integer> edges = new ArrayList<>();
            for (int a : tree.bottomUp()) {
                if (a != 0 && misfit(tree, a, rank)) {
                    edges.add(a);
                }
            }
            // the candidates of each edge only read the tree and the state: on all cores, kept in edge order
            Stream<Integer> stream = options.parallel() ? edges.parallelStream() : edges.stream();
            List<Move> moves = stream.map(a -> bestGroup(tree, a, rank)).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(ArrayList::new));
            // surest first: the smallest share of residual left; then in visiting order
            moves.sort(java.util.Comparator.comparingDouble(Move::remaining));
            Set<Integer> touched = new java.util.HashSet<>();
            int placed = 0;
            for (Move best : moves) {
                if (touched.contains(best.p) || best.group.stream().anyMatch(touched::contains)) {
                    continue;
                }
                HiddenSearchState.Trial confirm = full.trial(tree, best.p, best.group, HiddenPathFit.ITERATIONS);
                double gain = (confirm.before() - confirm.after()) / full.sigma2;
                if (confirm.fit().singular() || !(gain > options.significance())
                        || !(remaining(confirm, full) <= MAX_REMAINING)) {
                    continue;
                }
                int h = tree.addHidden();
                full.apply(tree, h, best.p, best.group, confirm);
                if (screen != null) {
                    HiddenSearchState.Trial again = screen.trial(tree, best.p, best.group, 1);
                    screen.apply(tree, h, best.p, best.group, again);
                }
                touched.add(best.p);
                touched.add(h);
                touched.addAll(best.group);
                for (int b : confirm.cluster().bottoms()) {
                    touched.add(b);
                }
                tree.move(h, best.p, best.group);
                evidence.put(ids.id(h - names.size() + 1), gain);
                placed++;
            }
            if (placed == 0) {
                break;
            }
        }
        Map<String, String> parents = new LinkedHashMap<>();
        for (int b : tree.topDown()) {
            if (b != 0) {
                parents.put(name(b, names, ids), name(tree.parent(b), names, ids));
            }
        }
        return new HiddenJunctions(new RadialTree(s.root(), parents), evidence, warnings);
    }

    private static String name(int b, List<String> names, HiddenBusIds ids) {
        return b < names.size() ? names.get(b) : ids.id(b - names.size() + 1);
    }

    /**
     * The best group for a hidden bus between a's parent p and a, or null when none is
     * significant. The group starts with the best pair of buses from a, a's children and p's
     * other children (at least one of them a or a child of a), then grows by forward selection.
     */
    private Move bestGroup(HiddenSearchTree tree, int a, HiddenSearchState st) {
        int p = tree.parent(a);
        List<Integer> own = new ArrayList<>();
        own.add(a);
        if (!tree.hidden(a)) {
            // a hidden a keeps its children: taking one would split its cluster or leave it one child
            own.addAll(tree.children(a));
        }
        List<Integer> pool = new ArrayList<>(own);
        for (int c : tree.children(p)) {
            if (c != a) {
                pool.add(c);
            }
        }
        HiddenSearchState.Trial pairTrial = null;
        List<Integer> group = null;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < own.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                List<Integer> pair = List.of(own.get(i), pool.get(j));
                if (!leavesTwoChildren(tree, p, pair)) {
                    continue;
                }
                HiddenSearchState.Trial t = st.trial(tree, p, pair, 1);
                if (t.fit().singular()) {
                    continue;
                }
                double gain = (t.before() - t.after()) / st.sigma2;
                if (gain > bestGain) {
                    bestGain = gain;
                    group = new ArrayList<>(pair);
                    pairTrial = t;
                }
            }
        }
        if (group == null || !(bestGain > options.significance())
                || !(remaining(pairTrial, st) <= MAX_REMAINING)) {
            return null;
        }
        double remaining = remaining(pairTrial, st);
        pool.removeAll(group);
        for (int g : group) {
            growPool(tree, pool, group, g);
        }
        while (!pool.isEmpty()) {
            int pick = -1;
            double pickGain = Double.NEGATIVE_INFINITY;
            HiddenSearchState.Trial pickTrial = null;
            for (int c : pool) {
                group.add(c);
                HiddenSearchState.Trial t = leavesTwoChildren(tree, p, group) ? st.trial(tree, p, group, 1) : null;
                group.remove(group.size() - 1);
                if (t == null || t.fit().singular()) {
                    continue;
                }
                double gain = (t.before() - t.after()) / st.sigma2;
                if (gain > pickGain) {
                    pickGain = gain;
                    pick = c;
                    pickTrial = t;
                }
            }
            if (pick < 0 || !(pickGain - bestGain > options.significance())) {
                break;
            }
            group.add(pick);
            pool.remove(Integer.valueOf(pick));
            growPool(tree, pool, group, pick);
            bestGain = pickGain;
            remaining = remaining(pickTrial, st);
        }
        return new Move(p, List.copyOf(group), remaining);
    }

    /**
     * The children of a metered member join the candidates: where the metered search chained a
     * hidden bus's children one below the other, the group collects the chain link by link.
     */
    private static void growPool(HiddenSearchTree tree, List<Integer> pool, List<Integer> group, int member) {
        if (tree.hidden(member)) {
            return;
        }
        for (int c : tree.children(member)) {
            if (!pool.contains(c) && !group.contains(c)) {
                pool.add(c);
            }
        }
    }

    /**
     * The share of the touched equations' misfit that a placement leaves: residual beyond the
     * noise's expectation (one variance per equation) after, over the same before.
     */
    private static double remaining(HiddenSearchState.Trial t, HiddenSearchState st) {
        double noise = st.sigma2 * t.equations();
        return Math.max(0, t.after() - noise) / Math.max(0, t.before() - noise);
    }

    /** A hidden p must keep two children after the move (the new bus and at least one other). */
    private static boolean leavesTwoChildren(HiddenSearchTree tree, int p, List<Integer> group) {
        if (!tree.hidden(p)) {
            return true;
        }
        int stay = 0;
        for (int c : tree.children(p)) {
            if (!group.contains(c)) {
                stay++;
            }
        }
        return stay >= 1;
    }

    /**
     * Whether the edge into a or one of its neighbours' edges misfits: a hidden junction leaves
     * its children's branch equations unexplained, so an edge whose neighbourhood fits within
     * {@link #MISFIT} noise variances per equation has nothing to place.
     */
    private static boolean misfit(HiddenSearchTree tree, int a, HiddenSearchState st) {
        int p = tree.parent(a);
        List<Integer> near = new ArrayList<>(tree.children(p));
        near.addAll(tree.children(a));
        for (int b : near) {
            if (!tree.hidden(b) && st.unitRss.get(st.unitOf.get(b)) > MISFIT * st.sigma2 * st.u[0].length) {
                return true;
            }
        }
        return false;
    }

    private record Move(int p, List<Integer> group, double remaining) {
    }
}

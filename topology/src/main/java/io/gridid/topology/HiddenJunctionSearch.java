package io.gridid.topology;

import io.gridid.model.HiddenBusIds;
import io.gridid.model.RadialTree;
import io.gridid.solvers.fit.HiddenPathFit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
     * A placement must leave at most this share of the residual of the equations it touches: a
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
        State full = new State(s, 1);
        State screen = every == 1 ? null : new State(s, every);
        List<Integer> parent = new ArrayList<>();
        parent.add(-1);
        for (String b : s.buses()) {
            parent.add(index.get(metered.parentOf(b)));
        }
        Tree tree = new Tree(parent, names.size());
        full.init(tree);
        if (screen != null) {
            screen.init(tree);
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int pass = 0; pass < options.maxPasses(); pass++) {
            State rank = screen != null ? screen : full;
            List<Move> moves = new ArrayList<>();
            for (int a : tree.bottomUp()) {
                if (a != 0 && misfit(tree, a, rank)) {
                    Move m = bestGroup(tree, a, rank);
                    if (m != null) {
                        moves.add(m);
                    }
                }
            }
            // surest first: the smallest share of residual left; then in visiting order
            moves.sort(java.util.Comparator.comparingDouble(Move::remaining));
            Set<Integer> touched = new java.util.HashSet<>();
            int placed = 0;
            for (Move best : moves) {
                if (touched.contains(best.p) || best.group.stream().anyMatch(touched::contains)) {
                    continue;
                }
                Trial confirm = full.trial(tree, best.p, best.group, HiddenPathFit.ITERATIONS);
                double gain = (confirm.before - confirm.after) / full.sigma2;
                if (confirm.fit.singular() || !(gain > options.significance())
                        || !(confirm.after <= MAX_REMAINING * confirm.before)) {
                    continue;
                }
                int h = tree.addHidden();
                full.apply(tree, h, best.p, best.group, confirm);
                if (screen != null) {
                    Trial again = screen.trial(tree, best.p, best.group, 1);
                    screen.apply(tree, h, best.p, best.group, again);
                }
                touched.add(best.p);
                touched.add(h);
                touched.addAll(best.group);
                for (int b : confirm.cluster.bottoms) {
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
    private Move bestGroup(Tree tree, int a, State st) {
        int p = tree.parent(a);
        List<Integer> own = new ArrayList<>();
        own.add(a);
        own.addAll(tree.children(a));
        List<Integer> pool = new ArrayList<>(own);
        for (int c : tree.children(p)) {
            if (c != a) {
                pool.add(c);
            }
        }
        Trial pairTrial = null;
        List<Integer> group = null;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < own.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                List<Integer> pair = List.of(own.get(i), pool.get(j));
                Trial t = st.trial(tree, p, pair, 1);
                if (t.fit.singular()) {
                    continue;
                }
                double gain = (t.before - t.after) / st.sigma2;
                if (gain > bestGain) {
                    bestGain = gain;
                    group = new ArrayList<>(pair);
                    pairTrial = t;
                }
            }
        }
        if (group == null || !(bestGain > options.significance())
                || !(pairTrial.after <= MAX_REMAINING * pairTrial.before)) {
            return null;
        }
        double remaining = pairTrial.after / pairTrial.before;
        pool.removeAll(group);
        while (!pool.isEmpty()) {
            int pick = -1;
            double pickGain = Double.NEGATIVE_INFINITY;
            Trial pickTrial = null;
            for (int c : pool) {
                group.add(c);
                Trial t = st.trial(tree, p, group, 1);
                group.remove(group.size() - 1);
                if (t == null || t.fit.singular()) {
                    continue;
                }
                double gain = (t.before - t.after) / st.sigma2;
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
            bestGain = pickGain;
            remaining = pickTrial.after / pickTrial.before;
        }
        return new Move(p, List.copyOf(group), remaining);
    }

    /**
     * Whether the edge into a or one of its neighbours' edges misfits: a hidden junction leaves
     * its children's branch equations unexplained, so an edge whose neighbourhood fits within
     * {@link #MISFIT} noise variances per equation has nothing to place.
     */
    private static boolean misfit(Tree tree, int a, State st) {
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

    /** A candidate's fit: the new cluster and the residual of the units it replaces. */
    private record Trial(Cluster cluster, HiddenPathFit.Result fit, double before, double after, double[] recvP,
                         double[] recvQ, int changedBottom, HiddenPathFit.Result changedFit) {
    }

    /** A hidden cluster: its top metered bus, hidden buses parents first, metered bottoms. */
    private record Cluster(int top, int[] hidden, int[] bottoms, int[] segParent) {
    }

    /** The tree under search: parent pointers over metered buses (0..n) and hidden ones (n+1..). */
    private static final class Tree {
        final List<Integer> parent;
        final List<List<Integer>> children = new ArrayList<>();
        final int metered;

        Tree(List<Integer> parent, int metered) {
            this.parent = new ArrayList<>(parent);
            this.metered = metered;
            for (int i = 0; i < parent.size(); i++) {
                children.add(new ArrayList<>());
            }
            for (int i = 1; i < parent.size(); i++) {
                children.get(parent.get(i)).add(i);
            }
        }

        boolean hidden(int b) {
            return b >= metered;
        }

        boolean alive(int b) {
            return b < parent.size();
        }

        int parent(int b) {
            return parent.get(b);
        }

        List<Integer> children(int b) {
            return children.get(b);
        }

        int addHidden() {
            parent.add(-1);
            children.add(new ArrayList<>());
            return parent.size() - 1;
        }

        void move(int h, int p, List<Integer> group) {
            parent.set(h, p);
            children.get(p).add(h);
            for (int g : group) {
                children.get(parent.get(g)).remove(Integer.valueOf(g));
                parent.set(g, h);
                children.get(h).add(g);
            }
        }

        List<Integer> topDown() {
            List<Integer> order = new ArrayList<>();
            order.add(0);
            for (int i = 0; i < order.size(); i++) {
                order.addAll(children.get(order.get(i)));
            }
            return order;
        }

        List<Integer> bottomUp() {
            List<Integer> order = topDown();
            java.util.Collections.reverse(order);
            return order;
        }

        /** The nearest metered bus at or above b. */
        int meteredAtOrAbove(int b) {
            int v = b;
            while (hidden(v)) {
                v = parent.get(v);
            }
            return v;
        }
    }

    /**
     * Per-interval series at one sampling of the intervals, and the fitted state of the current
     * tree on them: each metered bus's receiving flow, each bus's sending flow into its parent,
     * and the residual of each unit (a metered bus's branch, or a hidden cluster).
     */
    private static final class State {
        final double[][] u;      // per metered bus (root = 0)
        final double[][] p;
        final double[][] q;
        final double[][] recvP;  // per metered bus
        final double[][] recvQ;
        final Map<Integer, double[]> sendP = new HashMap<>();  // per bus whose parent is metered
        final Map<Integer, double[]> sendQ = new HashMap<>();
        final Map<Integer, Integer> unitOf = new HashMap<>(); // metered bus -> unit key (itself, or its cluster's top hidden bus)
        final Map<Integer, Double> unitRss = new HashMap<>();
        double sigma2;

        State(FeederSeries s, int every) {
            int tAll = s.intervalCount();
            int tCount = (tAll + every - 1) / every;
            int n = s.busCount() + 1;
            u = new double[n][tCount];
            p = new double[n][tCount];
            q = new double[n][tCount];
            recvP = new double[n][];
            recvQ = new double[n][];
            double[] root = s.rootUView();
            double[][] drop = s.dropView();
            double[][] pp = s.pView();
            double[][] qq = s.qView();
            for (int k = 0; k < tCount; k++) {
                int t = k * every;
                u[0][k] = root[t];
                for (int i = 1; i < n; i++) {
                    u[i][k] = root[t] - drop[i - 1][t];
                    p[i][k] = pp[i - 1][t];
                    q[i][k] = qq[i - 1][t];
                }
            }
        }

        /** Fits every branch of the metered tree bottom-up; the noise variance from their median residual. */
        void init(Tree tree) {
            int tCount = u[0].length;
            List<Double> perEquation = new ArrayList<>();
            for (int b : tree.bottomUp()) {
                double[] rp = p[b].clone();
                double[] rq = q[b].clone();
                for (int c : tree.children(b)) {
                    add(rp, sendP.get(c));
                    add(rq, sendQ.get(c));
                }
                recvP[b] = rp;
                recvQ[b] = rq;
                if (b == 0) {
                    continue;
                }
                HiddenPathFit.Result f = HiddenPathFit.fit(new int[]{-1}, 0, u[tree.parent(b)], new double[][]{u[b]},
                        new double[][]{rp}, new double[][]{rq});
                unitOf.put(b, b);
                double rss = f.singular() ? 0 : f.rss();
                unitRss.put(b, rss);
                perEquation.add(rss / tCount);
                sendP.put(b, f.singular() ? rp : f.topP());
                sendQ.put(b, f.singular() ? rq : f.topQ());
            }
            double[] sorted = perEquation.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            // a low quantile: the branches around hidden junctions misfit, the rest show the noise
            double median = sorted.length == 0 ? 0 : sorted[(int) (NOISE_QUANTILE * (sorted.length - 1))];
            double scale = 0;
            for (double[] ub : u) {
                scale = Math.max(scale, Math.abs(ub[0]));
            }
            sigma2 = Math.max(median, Math.pow(NOISE_FLOOR * 2 * scale, 2));
        }

        private static void add(double[] into, double[] v) {
            for (int t = 0; t < into.length; t++) {
                into[t] += v[t];
            }
        }

        /**
         * Fits the cluster that a new hidden bus between p and the group would make, and the
         * residual of the units it replaces; the tree is not changed.
         */
        Trial trial(Tree tree, int p, List<Integer> group, int iterations) {
            int top = tree.meteredAtOrAbove(p);
            // the hidden buses of the new cluster, parents first: index 0 is the new bus
            List<Integer> hidden = new ArrayList<>();
            List<Integer> hParent = new ArrayList<>();
            List<Integer> bottoms = new ArrayList<>();
            List<Integer> bParent = new ArrayList<>();
            Set<Integer> inGroup = new LinkedHashSet<>(group);
            int newBus = -2;
            // the cluster's root segment: p itself when hidden (its cluster grows), else the new bus
            int clusterRoot = tree.hidden(p) ? topHidden(tree, p) : newBus;
            List<Integer> queue = new ArrayList<>();
            queue.add(clusterRoot);
            hidden.add(clusterRoot);
            hParent.add(-1);
            for (int i = 0; i < queue.size(); i++) {
                int h = queue.get(i);
                List<Integer> kids = new ArrayList<>();
                if (h == newBus) {
                    kids.addAll(group);
                } else {
                    for (int c : tree.children(h)) {
                        if (!inGroup.contains(c)) {
                            kids.add(c);
                        }
                    }
                    if (h == p) {
                        kids.add(newBus);
                    }
                }
                for (int c : kids) {
                    if (c == newBus || tree.hidden(c)) {
                        queue.add(c);
                        hidden.add(c);
                        hParent.add(i);
                    } else {
                        bottoms.add(c);
                        bParent.add(i);
                    }
                }
            }
            int nh = hidden.size();
            int nb = bottoms.size();
            int[] segParent = new int[nh + nb];
            for (int i = 0; i < nh; i++) {
                segParent[i] = hParent.get(i);
            }
            for (int m = 0; m < nb; m++) {
                segParent[nh + m] = bParent.get(m);
            }
            // a metered p loses the group's sending flows; a metered a-type parent likewise
            int changed = -1;
            double[] cp = null;
            double[] cq = null;
            double[][] ub = new double[nb][];
            double[][] pb = new double[nb][];
            double[][] qb = new double[nb][];
            for (int m = 0; m < nb; m++) {
                int b = bottoms.get(m);
                ub[m] = u[b];
                pb[m] = recvP[b];
                qb[m] = recvQ[b];
            }
            for (int g : group) {
                int from = tree.parent(g);
                if (from != p && !tree.hidden(from)) {
                    // g leaves a metered bus inside the group: that bus's receiving flow shrinks
                    int m = bottoms.indexOf(from);
                    if (cp == null) {
                        changed = from;
                        cp = recvP[from].clone();
                        cq = recvQ[from].clone();
                    }
                    for (int t = 0; t < cp.length; t++) {
                        cp[t] -= sendP.get(g)[t];
                        cq[t] -= sendQ.get(g)[t];
                    }
                    if (m >= 0) {
                        pb[m] = cp;
                        qb[m] = cq;
                    }
                }
            }
            HiddenPathFit.Result fit = HiddenPathFit.fit(segParent, nh, u[top], ub, pb, qb, iterations);
            HiddenPathFit.Result changedFit = null;
            if (changed >= 0 && !bottoms.contains(changed)) {
                // children left a bus that stays on its metered parent: its own branch is refitted
                changedFit = HiddenPathFit.fit(new int[]{-1}, 0, u[tree.parent(changed)], new double[][]{u[changed]},
                        new double[][]{cp}, new double[][]{cq}, 1);
            }
            double before = 0;
            Set<Integer> units = new LinkedHashSet<>();
            for (int b : bottoms) {
                units.add(unitOf.get(b));
            }
            for (int k : units) {
                before += unitRss.get(k);
            }
            double after = fit.singular() ? Double.NaN : fit.rss();
            if (changedFit != null) {
                before += unitRss.get(unitOf.get(changed));
                after += changedFit.singular() ? 0 : changedFit.rss();
            }
            return new Trial(new Cluster(top, toArray(hidden), toArray(bottoms), segParent), fit, before, after, cp, cq,
                    changed, changedFit);
        }

        /** Records an accepted placement (new hidden bus h) in this state; call before the tree moves. */
        void apply(Tree tree, int h, int p, List<Integer> group, Trial trial) {
            Set<Integer> old = new LinkedHashSet<>();
            for (int b : trial.cluster.bottoms) {
                old.add(unitOf.get(b));
            }
            for (int k : old) {
                unitRss.remove(k);
            }
            int clusterRoot = tree.hidden(p) ? topHidden(tree, p) : h;
            for (int b : trial.cluster.bottoms) {
                unitOf.put(b, clusterRoot);
            }
            unitRss.put(clusterRoot, trial.fit.rss());
            for (int g : group) {
                sendP.remove(g);
                sendQ.remove(g);
            }
            if (trial.changedBottom >= 0) {
                recvP[trial.changedBottom] = trial.recvP;
                recvQ[trial.changedBottom] = trial.recvQ;
                if (trial.changedFit != null && !trial.changedFit.singular()) {
                    unitRss.put(trial.changedBottom, trial.changedFit.rss());
                    sendP.put(trial.changedBottom, trial.changedFit.topP());
                    sendQ.put(trial.changedBottom, trial.changedFit.topQ());
                }
            }
            sendP.put(clusterRoot, trial.fit.topP());
            sendQ.put(clusterRoot, trial.fit.topQ());
        }

        private static int topHidden(Tree tree, int h) {
            int v = h;
            while (tree.hidden(tree.parent(v))) {
                v = tree.parent(v);
            }
            return v;
        }

        private static int[] toArray(List<Integer> list) {
            int[] a = new int[list.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = list.get(i);
            }
            return a;
        }
    }
}

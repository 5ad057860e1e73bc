package io.gridid.topology;

import io.gridid.solvers.fit.HiddenPathFit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-interval series at one sampling of the intervals, and the fitted state of the current
 * tree on them: each metered bus's receiving flow, each bus's sending flow into its parent,
 * and the residual of each unit (a metered bus's branch, or a hidden cluster).
 */
final class HiddenSearchState {
    /** A candidate's fit: the new cluster and the residual of the units it replaces. */
    record Trial(Cluster cluster, HiddenPathFit.Result fit, double before, double after,
                 Map<Integer, double[][]> changedFlows, Map<Integer, HiddenPathFit.Result> changedFits) {
        /** Equations behind before and after: the cluster's, and one per interval of each refitted branch. */
        long equations() {
            long n = fit.equations();
            for (HiddenPathFit.Result f : changedFits.values()) {
                n += f.equations();
            }
            return n;
        }
    }

    /** A hidden cluster: its top metered bus, hidden buses parents first, metered bottoms. */
    record Cluster(int top, int[] hidden, int[] bottoms, int[] segParent) {
    }

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

    HiddenSearchState(FeederSeries s, int every) {
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
        // bus by bus: each row is read and written in order, a cache line serving eight values
        for (int k = 0; k < tCount; k++) {
            u[0][k] = root[k * every];
        }
        for (int i = 1; i < n; i++) {
            double[] ui = u[i];
            double[] pi = p[i];
            double[] qi = q[i];
            double[] di = drop[i - 1];
            double[] ps = pp[i - 1];
            double[] qs = qq[i - 1];
            for (int k = 0; k < tCount; k++) {
                int t = k * every;
                ui[k] = root[t] - di[t];
                pi[k] = ps[t];
                qi[k] = qs[t];
            }
        }
    }

    /** Fits every branch of the metered tree bottom-up; the noise variance from their median residual. */
    void init(HiddenSearchTree tree) {
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
        double median = sorted.length == 0 ? 0 : sorted[(int) (HiddenJunctionSearch.NOISE_QUANTILE * (sorted.length - 1))];
        double scale = 0;
        for (double[] ub : u) {
            scale = Math.max(scale, Math.abs(ub[0]));
        }
        sigma2 = Math.max(median, Math.pow(HiddenJunctionSearch.NOISE_FLOOR * 2 * scale, 2));
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
    Trial trial(HiddenSearchTree tree, int p, List<Integer> group, int iterations) {
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
        // a metered bus that loses group members (other than p) draws less: its receiving flow shrinks
        Map<Integer, double[][]> changedFlows = new java.util.LinkedHashMap<>();
        for (int g : group) {
            int from = tree.parent(g);
            if (from != p && !tree.hidden(from)) {
                double[][] f = changedFlows.computeIfAbsent(from, k -> new double[][]{recvP[k].clone(), recvQ[k].clone()});
                double[] sp = sendP.get(g);
                double[] sq = sendQ.get(g);
                for (int t = 0; t < f[0].length; t++) {
                    f[0][t] -= sp[t];
                    f[1][t] -= sq[t];
                }
            }
        }
        double[][] ub = new double[nb][];
        double[][] pb = new double[nb][];
        double[][] qb = new double[nb][];
        for (int m = 0; m < nb; m++) {
            int b = bottoms.get(m);
            double[][] f = changedFlows.get(b);
            ub[m] = u[b];
            pb[m] = f != null ? f[0] : recvP[b];
            qb[m] = f != null ? f[1] : recvQ[b];
        }
        HiddenPathFit.Result fit = HiddenPathFit.fit(segParent, nh, u[top], ub, pb, qb, iterations);
        Map<Integer, HiddenPathFit.Result> changedFits = new java.util.LinkedHashMap<>();
        for (Map.Entry<Integer, double[][]> e : changedFlows.entrySet()) {
            int c = e.getKey();
            if (!bottoms.contains(c)) {
                // a bus that stays on its metered parent: its own branch is refitted
                changedFits.put(c, HiddenPathFit.fit(new int[]{-1}, 0, u[tree.parent(c)], new double[][]{u[c]},
                        new double[][]{e.getValue()[0]}, new double[][]{e.getValue()[1]}, 1));
            }
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
        for (Map.Entry<Integer, HiddenPathFit.Result> e : changedFits.entrySet()) {
            double old = unitRss.get(unitOf.get(e.getKey()));
            before += old;
            after += e.getValue().singular() ? old : e.getValue().rss();
        }
        return new Trial(new Cluster(top, toArray(hidden), toArray(bottoms), segParent), fit, before, after,
                changedFlows, changedFits);
    }

    /** Records an accepted placement (new hidden bus h) in this state; call before the tree moves. */
    void apply(HiddenSearchTree tree, int h, int p, List<Integer> group, Trial trial) {
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
        trial.changedFlows().forEach((c, f) -> {
            recvP[c] = f[0];
            recvQ[c] = f[1];
        });
        trial.changedFits().forEach((c, f) -> {
            if (!f.singular()) {
                unitRss.put(c, f.rss());
                sendP.put(c, f.topP());
                sendQ.put(c, f.topQ());
            }
        });
        sendP.put(clusterRoot, trial.fit.topP());
        sendQ.put(clusterRoot, trial.fit.topQ());
    }

    private static int topHidden(HiddenSearchTree tree, int h) {
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

package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.HiddenPathFit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Stage 2 on a tree with buses that carry no meter (hidden junctions): the branches around each
 * hidden bus come from the path equations ({@link HiddenPathFit}: parent &rarr; hidden &rarr; child,
 * one per child, the hidden bus's flow the sum of its children's), the others from the
 * {@link ImpedanceEstimator} as usual.
 *
 * <p>The sweep needs a voltage at every bus, so a hidden bus is given a <em>stand-in</em> reading:
 * no load, and the squared voltage that the path fit puts there. Twice: first from flows without
 * the losses below the cluster, then, with the sweep's branches below, from flows with them. The
 * sweep's figures for the branches into hidden buses and into their children are then replaced by
 * the path fit's, with its standard errors, and a note says so. The joint refinement is off for a
 * tree with hidden buses: it would take the stand-in voltages for measurements (a warning says so).
 * A hidden bus with fewer than two children is refused: its two branches act as one and cannot be
 * told apart.
 */
public final class HiddenJunctionImpedance {
    /** The note of a branch fitted on the path equations. */
    public static final String NOTE = "path fit at a hidden junction";

    private final ImpedanceOptions options;

    public HiddenJunctionImpedance(ImpedanceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** As {@link ImpedanceEstimator#estimate(MeterData, RadialTree, SweepProgress)}, for trees with hidden buses. */
    public ImpedanceResult estimate(MeterData data, RadialTree tree, SweepProgress progress) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        List<String> hidden = new ArrayList<>();
        for (String b : tree.topDown()) {
            if (!data.hasMeter(b)) {
                hidden.add(b);
            }
        }
        if (hidden.isEmpty()) {
            return new ImpedanceEstimator(options).estimate(data, tree, progress);
        }
        if (hidden.contains(tree.root())) {
            throw new GrididException("the root " + tree.root() + " has no meter");
        }
        for (String h : hidden) {
            if (tree.childrenOf(h).size() < 2) {
                throw new GrididException("bus " + h + " has no meter and " + (tree.childrenOf(h).isEmpty()
                        ? "no child: nothing in the data reaches it" : "one child: its two branches act as one "
                        + "series branch; merge them") + " (the tree's branches at unmetered buses need two or more children)");
            }
        }
        ImpedanceEstimator estimator = new ImpedanceEstimator(options.withJointRefinement(false));
        int tCount = data.intervalCount();
        // pass 1: flows without losses
        Map<String, double[][]> flows = losslessFlows(data, tree);
        Map<String, Cluster> clusters = clusters(tree, data);
        Map<String, HiddenPathFit.Result> fits = fitAll(clusters, data, flows);
        ImpedanceResult first = estimator.estimate(withStandIns(data, clusters, fits, tCount), tree, SweepProgress.NONE);
        // pass 2: flows with the losses of the sweep's branches below
        flows = flowsWithLosses(data, tree, first, clusters, fits);
        fits = fitAll(clusters, data, flows);
        ImpedanceResult second = estimator.estimate(withStandIns(data, clusters, fits, tCount), tree, progress);
        Map<String, BranchEstimate> replaced = new HashMap<>();
        for (Cluster c : clusters.values()) {
            HiddenPathFit.Result f = fits.get(c.first());
            for (int s = 0; s < c.segments.size(); s++) {
                String to = c.segments.get(s);
                BranchEstimate old = second.branchTo(to);
                if (f.singular()) {
                    replaced.put(to, new BranchEstimate(old.fromBus(), to, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, false, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                            "hidden junction: the path equations do not pin this branch"));
                    continue;
                }
                double rms = Math.sqrt(f.rss() / Math.max(1, f.equations()));
                replaced.put(to, new BranchEstimate(old.fromBus(), to, f.r()[s], f.x()[s], f.rStdErr()[s], f.xStdErr()[s],
                        f.w()[s] - f.r()[s] * f.r()[s] - f.x()[s] * f.x()[s], false, null, Double.NaN, f.r()[s], f.x()[s],
                        rms, (int) (f.equations() / Math.max(1, c.bottoms.size())), NOTE));
            }
        }
        List<BranchEstimate> out = new ArrayList<>();
        for (BranchEstimate b : second.branches()) {
            out.add(replaced.getOrDefault(b.toBus(), b));
        }
        List<Warning> warnings = new ArrayList<>(second.warnings());
        warnings.add(Warning.about(WarningCode.HIDDEN_JUNCTION_BRANCHES, hidden, String.format(Locale.ROOT,
                "%d hidden junction(s): the %d branches around them are fitted on the "
                + "path equations (their standard errors say how well); the joint refinement is off for this tree "
                + "(it would take the hidden buses' stand-in voltages for measurements)", hidden.size(),
                replaced.size())));
        return new ImpedanceResult(out, warnings, metersOf(data, second.completedLoads()),
                JointRefinementReport.notRun(JointRefinementReport.Status.SKIPPED_HIDDEN_JUNCTIONS));
    }

    /** The completed loads on the data's own meters (the stand-ins left out), or null. */
    private static MeterData metersOf(MeterData data, MeterData completed) {
        if (completed == null) {
            return null;
        }
        MeterData.Builder b = MeterData.builder(data.meterIds(), data.epochSeconds());
        for (int m = 0; m < data.meterCount(); m++) {
            int c = completed.indexOf(data.meterIds().get(m));
            for (int t = 0; t < data.intervalCount(); t++) {
                b.set(m, t, completed.vKv(c, t), completed.pMw(c, t), completed.qMvar(c, t));
            }
        }
        return b.build();
    }

    /**
     * A cluster: connected hidden buses below one metered bus. Segments: hidden buses parents
     * first (index 0 hangs on the top), then the metered bottoms.
     */
    private record Cluster(String top, List<String> segments, int hiddenCount, int[] parent, List<String> bottoms) {
        String first() {
            return segments.get(0);
        }
    }

    private static Map<String, Cluster> clusters(RadialTree tree, MeterData data) {
        Map<String, Cluster> out = new LinkedHashMap<>();
        for (String h : tree.topDown()) {
            if (data.hasMeter(h) || !data.hasMeter(tree.parentOf(h))) {
                continue;
            }
            List<String> hid = new ArrayList<>();
            List<Integer> hp = new ArrayList<>();
            List<String> bottoms = new ArrayList<>();
            List<Integer> bp = new ArrayList<>();
            hid.add(h);
            hp.add(-1);
            for (int i = 0; i < hid.size(); i++) {
                for (String c : tree.childrenOf(hid.get(i))) {
                    if (data.hasMeter(c)) {
                        bottoms.add(c);
                        bp.add(i);
                    } else {
                        hid.add(c);
                        hp.add(i);
                    }
                }
            }
            int[] parent = new int[hid.size() + bottoms.size()];
            for (int i = 0; i < hid.size(); i++) {
                parent[i] = hp.get(i);
            }
            for (int m = 0; m < bottoms.size(); m++) {
                parent[hid.size() + m] = bp.get(m);
            }
            List<String> segs = new ArrayList<>(hid);
            segs.addAll(bottoms);
            out.put(h, new Cluster(tree.parentOf(h), segs, hid.size(), parent, bottoms));
        }
        return out;
    }

    private static Map<String, HiddenPathFit.Result> fitAll(Map<String, Cluster> clusters, MeterData data,
                                                            Map<String, double[][]> flows) {
        Map<String, HiddenPathFit.Result> fits = new LinkedHashMap<>();
        for (Cluster c : clusters.values()) {
            int nb = c.bottoms.size();
            double[][] ub = new double[nb][];
            double[][] pb = new double[nb][];
            double[][] qb = new double[nb][];
            for (int m = 0; m < nb; m++) {
                String b = c.bottoms.get(m);
                ub[m] = squared(data.voltagesKv(data.indexOf(b)));
                pb[m] = flows.get(b)[0];
                qb[m] = flows.get(b)[1];
            }
            fits.put(c.first(), HiddenPathFit.fit(c.parent, c.hiddenCount, squared(data.voltagesKv(data.indexOf(c.top))),
                    ub, pb, qb));
        }
        return fits;
    }

    private static double[] squared(double[] v) {
        double[] u = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            u[t] = v[t] * v[t];
        }
        return u;
    }

    /** Receiving-end flows of every metered bus: its subtree's metered loads (MW, Mvar), no losses. */
    private static Map<String, double[][]> losslessFlows(MeterData data, RadialTree tree) {
        Map<String, double[][]> out = new HashMap<>();
        for (String b : tree.bottomUp()) {
            double[][] f = own(data, b);
            for (String c : tree.childrenOf(b)) {
                add(f, out.get(c));
            }
            out.put(b, f);
        }
        return out;
    }

    /** The same with each branch's losses from the first pass (path fit inside clusters, sweep elsewhere). */
    private static Map<String, double[][]> flowsWithLosses(MeterData data, RadialTree tree, ImpedanceResult sweep,
                                                           Map<String, Cluster> clusters,
                                                           Map<String, HiddenPathFit.Result> fits) {
        Map<String, double[]> hiddenU = new HashMap<>();
        Map<String, double[]> rx = new HashMap<>();
        for (Cluster c : clusters.values()) {
            HiddenPathFit.Result f = fits.get(c.first());
            for (int s = 0; s < c.segments.size(); s++) {
                if (!f.singular()) {
                    rx.put(c.segments.get(s), new double[]{f.r()[s], f.x()[s]});
                    if (s < c.hiddenCount) {
                        hiddenU.put(c.segments.get(s), f.hiddenU()[s]);
                    }
                }
            }
        }
        Map<String, double[][]> recv = new HashMap<>();
        int tCount = data.intervalCount();
        for (String b : tree.bottomUp()) {
            double[][] f = own(data, b);
            for (String c : tree.childrenOf(b)) {
                double[][] rc = recv.get(c);
                double[] z = rx.get(c);
                if (z == null) {
                    BranchEstimate e = sweep.branchTo(c);
                    z = new double[]{e.rOhm(), e.xOhm()};
                }
                double[] uc = data.hasMeter(c) ? squared(data.voltagesKv(data.indexOf(c))) : hiddenU.get(c);
                for (int t = 0; t < tCount; t++) {
                    double l = uc == null || !Double.isFinite(z[0]) ? 0
                            : BranchEquation.squaredCurrentTerm(rc[0][t], rc[1][t], uc[t]);
                    f[0][t] += rc[0][t] + (Double.isFinite(l) ? z[0] * l : 0);
                    f[1][t] += rc[1][t] + (Double.isFinite(l) ? z[1] * l : 0);
                }
            }
            recv.put(b, f);
        }
        return recv;
    }

    private static double[][] own(MeterData data, String b) {
        int tCount = data.intervalCount();
        double[][] f = new double[2][tCount];
        if (data.hasMeter(b)) {
            int m = data.indexOf(b);
            for (int t = 0; t < tCount; t++) {
                f[0][t] = data.pMw(m, t);
                f[1][t] = data.qMvar(m, t);
            }
        }
        return f;
    }

    private static void add(double[][] into, double[][] v) {
        for (int k = 0; k < 2; k++) {
            for (int t = 0; t < into[k].length; t++) {
                into[k][t] += v[k][t];
            }
        }
    }

    /** The readings with a stand-in meter at every hidden bus: no load, the path fit's voltage. */
    private static MeterData withStandIns(MeterData data, Map<String, Cluster> clusters,
                                          Map<String, HiddenPathFit.Result> fits, int tCount) throws GrididException {
        List<String> ids = new ArrayList<>(data.meterIds());
        Map<String, double[]> u = new LinkedHashMap<>();
        for (Cluster c : clusters.values()) {
            HiddenPathFit.Result f = fits.get(c.first());
            if (f.singular()) {
                throw new GrididException("the branches at hidden bus " + c.first() + " cannot be fitted: too few "
                        + "complete intervals at " + c.top + " and the buses below it, or their flows cannot be told apart");
            }
            for (int h = 0; h < c.hiddenCount; h++) {
                u.put(c.segments.get(h), f.hiddenU()[h]);
            }
        }
        ids.addAll(u.keySet());
        MeterData.Builder b = MeterData.builder(ids, data.epochSeconds());
        for (int m = 0; m < data.meterCount(); m++) {
            for (int t = 0; t < tCount; t++) {
                b.set(m, t, data.vKv(m, t), data.pMw(m, t), data.qMvar(m, t));
            }
        }
        int m = data.meterCount();
        for (double[] uh : u.values()) {
            for (int t = 0; t < tCount; t++) {
                b.set(m, t, Math.sqrt(uh[t]), 0, 0);
            }
            m++;
        }
        return b.build();
    }
}

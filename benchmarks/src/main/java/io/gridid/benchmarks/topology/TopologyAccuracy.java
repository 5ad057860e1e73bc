package io.gridid.benchmarks.topology;

import io.gridid.benchmarks.RunArguments;
import io.gridid.benchmarks.TreeBranches;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.topology.FeederSeries;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyMethod;
import io.gridid.topology.TopologyOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy runner (a main, not a test): edge precision/recall of every estimator against the
 * simulated truth, per feeder, data length, voltage noise and per-bus load variation
 * ({@link SynthesisOptions#loadVariation()}), with 0.5 % P/Q noise, hourly data.
 * Both trees span the same buses, so precision = recall = correct edges / edges.
 *
 * <p>Usage: {@code TopologyAccuracy [feeders=ieee69,random:200] [days=30,90,365]
 * [sigmas=0,1e-5,1e-4,5e-4] [methods=LAPLACIAN,TREE_METRIC,PHYSICS_SEARCH] [seed=1] [pq=0.005] [loadvar=0.15] [pv=0]}
 * (feeder names as {@link TestFeeders#load}, e.g. {@code random:200+caps=10}; pv = share of buses with PV)
 */
public final class TopologyAccuracy {
    private TopologyAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        RunArguments a = RunArguments.options(args, "feeders", "days", "sigmas", "methods", "seed", "pq", "loadvar", "pv");
        List<String> feeders = a.list("feeders", "ieee69,random:200");
        List<Integer> days = new ArrayList<>();
        for (String d : a.list("days", "30,90,365")) {
            days.add(Integer.parseInt(d));
        }
        List<Double> sigmas = new ArrayList<>();
        for (String s : a.list("sigmas", "0,1e-5,1e-4,5e-4")) {
            sigmas.add(Double.parseDouble(s));
        }
        List<TopologyMethod> methods = new ArrayList<>();
        for (String m : a.list("methods", "LAPLACIAN,TREE_METRIC,PHYSICS_SEARCH")) {
            methods.add(TopologyMethod.valueOf(m));
        }
        long seed = a.longValue("seed", 1);
        double pq = a.doubleValue("pq", 0.005);
        double pv = a.doubleValue("pv", 0);
        List<Double> loadVariations = new ArrayList<>();
        for (String s : a.list("loadvar", String.valueOf(SynthesisOptions.DEFAULT_LOAD_VARIATION))) {
            loadVariations.add(Double.parseDouble(s));
        }
        System.out.println("| feeder | load variation | days | sigma_v (p.u.) | method | correct / edges"
                + " | precision = recall |"
                + " wrong edges whose parent is within " + NEAR_OHM + " ohm of the true one | path | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String name : feeders) {
            Feeder f = TestFeeders.load(name);
            RadialTree truth = f.tree();
            for (double lv : loadVariations) {
                for (int d : days) {
                    for (double sigma : sigmas) {
                        SynthesisOptions o = SynthesisOptions.defaults().withDays(d).withIntervalMinutes(60).withSeed(seed)
                                .withNoiseVoltagePu(sigma).withNoisePowerRelative(pq).withLoadVariation(lv).withPvFraction(pv);
                        SimulatedData sim = MeterDataSynthesizer.synthesize(f, o);
                        for (TopologyMethod m : methods) {
                            String cell;
                            String path = "";
                            double secs;
                            long t0 = System.nanoTime();
                            try {
                                Topology t = TopologyOptions.defaults().withMethod(m).estimator()
                                        .estimate(FeederSeries.of(sim.meters(), f.rootBus()));
                                secs = (System.nanoTime() - t0) / 1e9;
                                int ok = t.tree().sharedEdges(truth);
                                int edges = truth.size() - 1;
                                cell = ok + " / " + edges + " | " + String.format(Locale.ROOT, "%.1f %%", 100.0 * ok / edges)
                                        + " | " + nearMisses(f, t.tree());
                                path = t.diagnostics().regressionPath() == null ? "n/a" : t.diagnostics().regressionPath().name();
                            } catch (Exception e) {
                                secs = (System.nanoTime() - t0) / 1e9;
                                cell = "failed: " + e.getMessage() + " | - | -";
                            }
                            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %.2f |%n", name, lv, d,
                                    sigma == 0 ? "0" : String.format(Locale.ROOT, "%.0e", sigma), m, cell, path, secs);
                        }
                    }
                }
            }
        }
    }

    /** Path impedance below which two attachment points count as electrically the same place, ohm. */
    static final double NEAR_OHM = 0.05;

    /**
     * Wrong edges (child c, found parent p) for which p lies within {@link #NEAR_OHM} (sum of |r + jx|
     * along the true tree) of c's true parent: a child hung on the other end of a short branch.
     */
    static int nearMisses(Feeder f, RadialTree found) {
        RadialTree truth = f.tree();
        java.util.Map<String, Double> z = new java.util.HashMap<>();
        for (io.gridid.model.Branch b : f.branches()) {
            z.put(b.toBus(), Math.hypot(b.rOhm(), b.xOhm()));
        }
        int near = 0;
        for (Map.Entry<String, String> e : found.parents().entrySet()) {
            String c = e.getKey();
            String p = e.getValue();
            if (TreeBranches.contains(truth, c, p)) {
                continue;
            }
            String tp = truth.parentOf(c);
            // distance between p and tp in the true tree: climb from the deeper one
            double dist = 0;
            String a = p;
            String b = tp;
            while (!a.equals(b)) {
                if (truth.depthOf(a) >= truth.depthOf(b)) {
                    dist += z.get(a);
                    a = truth.parentOf(a);
                } else {
                    dist += z.get(b);
                    b = truth.parentOf(b);
                }
            }
            if (dist <= NEAR_OHM) {
                near++;
            }
        }
        return near;
    }
}

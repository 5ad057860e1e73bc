package io.gridid.topology.bench;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.topology.FeederSeries;
import io.gridid.topology.HandFeeders;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyMethod;
import io.gridid.topology.TopologyOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Accuracy runner for the source method's measured setting (a main, not a test): random
 * 12.47 kV trees, branch r uniform in [0.05, 0.6] ohm, x/r log-uniform in [0.5, 2], and loads
 * that vary <em>independently</em> per bus and interval (uniform 0.2..1.2 of nominal, Q by its
 * own factor), hourly, with Gaussian |V| noise and 0.5 % P/Q noise. Contrast with the benchmarks
 * module's {@code io.gridid.benchmarks.topology.TopologyAccuracy}, whose synthesizer draws strongly
 * correlated class load shapes.
 *
 * <p>Usage: {@code IndependentLoadsAccuracy [n=70] [intervals=8760] [sigmas=1e-4,5e-4] [trees=3]}
 */
public final class IndependentLoadsAccuracy {
    private IndependentLoadsAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        int n = Integer.parseInt(a.getOrDefault("n", "70"));
        int tCount = Integer.parseInt(a.getOrDefault("intervals", "8760"));
        int trees = Integer.parseInt(a.getOrDefault("trees", "3"));
        System.out.println("| buses | intervals | sigma_v (p.u.) | method | correct / edges (sum over " + trees
                + " trees) | precision = recall |");
        System.out.println("|---|---|---|---|---|---|");
        for (String sg : a.getOrDefault("sigmas", "1e-4,5e-4").split(",")) {
            double sigma = Double.parseDouble(sg);
            for (TopologyMethod m : TopologyMethod.values()) {
                int ok = 0;
                for (int k = 0; k < trees; k++) {
                    Feeder f = feeder(n, 100 + k);
                    MeterData data = HandFeeders.simulate(f, tCount, 200 + k, false, sigma, 0.005);
                    Topology t = TopologyOptions.defaults().withMethod(m).estimator()
                            .estimate(FeederSeries.of(data, f.rootBus()));
                    ok += t.tree().sharedEdges(f.tree());
                }
                System.out.printf(Locale.ROOT, "| %d | %d | %.0e | %s | %d / %d | %.1f %% |%n", n, tCount, sigma, m, ok,
                        n * trees, 100.0 * ok / (n * trees));
            }
        }
    }

    static Feeder feeder(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Branch> b = new ArrayList<>();
        Map<String, BusLoad> loads = new LinkedHashMap<>();
        for (int k = 1; k <= n; k++) {
            int par = k == 1 ? 0 : rnd.nextInt(Math.max(1, k - 8), k);
            double r = 0.05 + 0.55 * rnd.nextDouble();
            double xr = 0.5 * Math.exp(Math.log(4) * rnd.nextDouble());
            b.add(Branch.ofImpedance("b" + par, "b" + k, r, r * xr));
            loads.put("b" + k, new BusLoad("b" + k, 0.08, 0.08 * (0.1 + 0.7 * rnd.nextDouble())));
        }
        return new Feeder("indep" + n, "random tree, independent loads", 12.47, "b0", 1.0, b, loads);
    }
}

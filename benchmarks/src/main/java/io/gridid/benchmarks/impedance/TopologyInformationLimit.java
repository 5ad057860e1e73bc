package io.gridid.benchmarks.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.JointNoiseModel;
import io.gridid.impedance.TreeLikelihood;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many of a feeder's edges can the data decide at all? (not a test). For every bus of the TRUE
 * tree, the deviance of the true tree is compared with that of each one-move alternative: the bus
 * (with its subtree) hung on its grandparent, a sibling, a nephew or a sibling's grandchild, or
 * swapped with its parent. The noise model is estimated on the true tree (an oracle, the most
 * favourable case for the truth). A bus whose best alternative has a deviance below the truth's is
 * one where maximum likelihood itself picks a wrong parent; within 4 (a likelihood ratio under
 * e&sup2; = 7.4) the data barely prefer the truth. No estimator working from these readings alone can
 * be expected to get such edges right reliably. The expected number of wrong parents of the best
 * decision: per bus, under a flat prior over its true parent and the alternatives (each judged with
 * the rest of the tree true: favourable again), the posterior probability that the most probable
 * choice is wrong, summed over the buses.
 *
 * <p>Usage: {@code TopologyInformationLimit FEEDER DAYS SIGMA_V SEEDS} e.g. {@code ieee69 365 1e-4 1,2,3};
 * {@code -DintervalMin=15} for quarter-hourly data, {@code -DloadVariation=0.5}. Hourly, 0.5 % P/Q
 * noise. About 0.1 s per alternative on ieee69 &times; 8760 (some 400 alternatives).
 */
public final class TopologyInformationLimit {
    /** Deviance margin printed per bus: alternatives closer than this are listed. */
    private static final double LIST_BELOW = 10;
    /** "Barely preferred": a likelihood ratio under e^2. */
    private static final double AMBIGUOUS = 4;

    private TopologyInformationLimit() {
    }

    public static void main(String[] args) throws Exception {
        Feeder feeder = TestFeeders.load(args[0]);
        int days = Integer.parseInt(args[1]);
        double sigma = Double.parseDouble(args[2]);
        int minutes = Integer.getInteger("intervalMin", 60);
        double loadVariation = Double.parseDouble(System.getProperty("loadVariation",
                String.valueOf(SynthesisOptions.DEFAULT_LOAD_VARIATION)));
        RadialTree truth = feeder.tree();
        System.out.println("| seed | buses | ML picks a wrong parent | best alternative within 4 | expected wrong parents, best decision | alternatives |");
        System.out.println("|---|---|---|---|---|---|");
        for (String s : args[3].split(",")) {
            long seed = Long.parseLong(s.trim());
            MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                    .withIntervalMinutes(minutes).withSeed(seed).withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005)
                    .withLoadVariation(loadVariation)).meters();
            TreeLikelihood likelihood = new TreeLikelihood(ImpedanceOptions.defaults());
            JointNoiseModel noise = likelihood.noiseModel(meters, truth);
            double base = likelihood.deviance(meters, truth, noise).deviance();
            int buses = 0;
            int wrong = 0;
            int ambiguous = 0;
            int alternatives = 0;
            double expectedWrong = 0;
            StringBuilder detail = new StringBuilder();
            for (String bus : truth.topDown()) {
                if (bus.equals(truth.root())) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                String bestMove = null;
                double odds = 0; // sum over alternatives of exp(-deviance difference / 2): their likelihood ratios to the truth
                for (Map.Entry<String, RadialTree> alt : alternatives(truth, bus).entrySet()) {
                    double d = likelihood.deviance(meters, alt.getValue(), noise).deviance() - base;
                    alternatives++;
                    odds += Math.exp(-d / 2);
                    if (d < best) {
                        best = d;
                        bestMove = alt.getKey();
                    }
                }
                if (bestMove == null) {
                    continue;
                }
                buses++;
                // flat prior over the truth and its alternatives: the most probable parent is wrong
                // with probability 1 - its posterior, whichever it is
                double mostLikely = Math.max(1, Math.exp(-best / 2));
                expectedWrong += 1 - mostLikely / (1 + odds);
                wrong += best < 0 ? 1 : 0;
                ambiguous += best < AMBIGUOUS ? 1 : 0;
                if (best < LIST_BELOW) {
                    detail.append(String.format(Locale.ROOT, "  seed %d, bus %s (parent %s): %s, deviance %+.2f%n",
                            seed, bus, truth.parentOf(bus), bestMove, best));
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %d |%n", seed, buses, wrong, ambiguous,
                    expectedWrong, alternatives);
            System.out.print(detail);
        }
    }

    /** One-move alternatives of {@code bus} in {@code tree}, by a short description. */
    static Map<String, RadialTree> alternatives(RadialTree tree, String bus) {
        String parent = tree.parentOf(bus);
        Set<String> hosts = new LinkedHashSet<>();
        if (!parent.equals(tree.root())) {
            String grand = tree.parentOf(parent);
            hosts.add(grand);
            hosts.addAll(tree.childrenOf(grand));
        }
        for (String sibling : tree.childrenOf(parent)) {
            hosts.add(sibling);
            hosts.addAll(tree.childrenOf(sibling));
        }
        hosts.remove(bus);
        hosts.remove(parent);
        Map<String, RadialTree> out = new LinkedHashMap<>();
        for (String host : hosts) {
            if (!tree.isInSubtree(host, bus)) {
                Map<String, String> parents = new LinkedHashMap<>(tree.parents());
                parents.put(bus, host);
                out.put("hung on " + host, new RadialTree(tree.root(), parents));
            }
        }
        if (!parent.equals(tree.root())) {
            Map<String, String> parents = new LinkedHashMap<>(tree.parents());
            parents.put(bus, tree.parentOf(parent));
            parents.put(parent, bus);
            out.put("swapped with " + parent, new RadialTree(tree.root(), parents));
        }
        return out;
    }
}

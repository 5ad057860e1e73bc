package io.gridid.reports;

import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.pipeline.ImpedanceStage;
import io.gridid.pipeline.TopologyStage;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyDiagnostics;
import io.gridid.topology.TopologyMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages with a known, deliberate outcome, so the pipeline's and the benchmark's bookkeeping
 * can be checked against hand-computed figures independently of the real estimators.
 */
final class StandInStages {
    private StandInStages() {
    }

    /**
     * Topology: the feeder's true tree, except that {@code misplaced} (a bus at depth &ge; 2) hangs
     * on its grandparent; confidence 0.5 for that edge, 1 for the others.
     */
    static TopologyStage topology(Feeder feeder, String misplaced) {
        return (data, root) -> {
            Map<String, String> parents = new LinkedHashMap<>(feeder.tree().parents());
            Map<String, Double> conf = new LinkedHashMap<>();
            parents.keySet().forEach(b -> conf.put(b, 1.0));
            if (misplaced != null) {
                parents.put(misplaced, parents.get(parents.get(misplaced)));
                conf.put(misplaced, 0.5);
            }
            return new Topology(new RadialTree(root, parents), conf, new TopologyDiagnostics(TopologyMethod.PHYSICS_SEARCH,
                    null, Double.NaN, data.intervalCount(), List.of(Warning.of(WarningCode.UNCLASSIFIED, "stand-in topology"))));
        };
    }

    /** Impedance: the true r and x times the given factors where the branch exists, else 1 + j1 ohm. */
    static ImpedanceStage impedance(Feeder feeder, double rFactor, double xFactor) {
        return (data, tree) -> {
            List<BranchEstimate> rows = new ArrayList<>();
            for (String bus : tree.topDown()) {
                if (bus.equals(tree.root())) {
                    continue;
                }
                String parent = tree.parentOf(bus);
                Branch truth = feeder.branches().stream()
                        .filter(b -> b.toBus().equals(bus) && b.fromBus().equals(parent)).findFirst().orElse(null);
                double r = truth == null ? 1 : truth.rOhm() * rFactor;
                double x = truth == null ? 1 : truth.xOhm() * xFactor;
                rows.add(new BranchEstimate(parent, bus, r, x, Double.NaN, Double.NaN, 1e-9, false, null, Double.NaN, r, x,
                        Double.NaN, data.intervalCount(), ""));
            }
            return new ImpedanceResult(rows, List.of());
        };
    }
}

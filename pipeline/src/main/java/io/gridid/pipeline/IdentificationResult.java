package io.gridid.pipeline;

import io.gridid.impedance.JointRefinementReport;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.io.BranchRow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an identification produced, in the form the reports and exports consume; also
 * what the reports module reads back from a result folder. Immutable (inputs are copied).
 * The constructor throws IllegalArgumentException unless the branches form a radial tree
 * rooted at {@code rootBus}.
 *
 * @param rootBus        the feeder head
 * @param baseKv         nominal line-to-line voltage, kV (NaN when unknown)
 * @param branches       identified branches top-down, typed
 * @param confidence     topology confidence per branch, keyed by the branch's child (to_bus); higher = surer
 * @param diagnostics    data-quality and stage-1 figures
 * @param meanVoltagePu  mean measured |V| per bus, per unit of baseKv (empty when unknown)
 * @param warnings       warnings of every stage, in order, typed
 * @param stageSeconds   wall time per stage, seconds, in stage order (e.g. topology, impedance)
 * @param truth          true branches to compare with (empty = no truth given)
 * @param stageStatus    how far each stage got, keyed and ordered as {@code stageSeconds} (empty when
 *                       unknown: a report written before statuses were recorded)
 * @param jointRefinement what stage 2's joint refinement did ({@link JointRefinementReport#NOT_RECORDED}
 *                       when unknown)
 * @param evidence       stage 1's evidence per branch where it weighed one, keyed by the branch's child:
 *                       the log-likelihood ratio against the best alternative without the branch
 *                       ({@link io.gridid.topology.Topology#evidence()}); empty when unknown
 */
public record IdentificationResult(String rootBus, double baseKv, List<IdentifiedBranch> branches,
                                   Map<String, Double> confidence, IdentificationDiagnostics diagnostics,
                                   Map<String, Double> meanVoltagePu, List<Warning> warnings,
                                   Map<String, Double> stageSeconds, List<BranchRow> truth,
                                   Map<String, StageStatus> stageStatus, JointRefinementReport jointRefinement,
                                   Map<String, Double> evidence) {
    public IdentificationResult {
        Objects.requireNonNull(jointRefinement, "jointRefinement");
        Objects.requireNonNull(rootBus, "rootBus");
        Objects.requireNonNull(diagnostics, "diagnostics");
        branches = List.copyOf(branches);
        confidence = copy(confidence);
        evidence = copy(evidence);
        meanVoltagePu = copy(meanVoltagePu);
        stageSeconds = copy(stageSeconds);
        warnings = List.copyOf(warnings);
        truth = List.copyOf(truth);
        stageStatus = Collections.unmodifiableMap(new LinkedHashMap<>(stageStatus));
        tree(rootBus, branches); // validates: the branches must form a radial tree from the root
    }

    /**
     * A result without stage statuses or a record of the joint refinement.
     *
     * @param rootBus        the feeder head
     * @param baseKv         nominal line-to-line voltage, kV (NaN when unknown)
     * @param branches       identified branches top-down
     * @param confidence     topology confidence per branch, keyed by the branch's child
     * @param diagnostics    data-quality and stage-1 figures
     * @param meanVoltagePu  mean measured |V| per bus, per unit of baseKv
     * @param warnings       warnings of every stage, in order
     * @param stageSeconds   wall time per stage, seconds
     * @param truth          true branches to compare with (empty = no truth given)
     */
    public IdentificationResult(String rootBus, double baseKv, List<IdentifiedBranch> branches,
                                Map<String, Double> confidence, IdentificationDiagnostics diagnostics,
                                Map<String, Double> meanVoltagePu, List<Warning> warnings,
                                Map<String, Double> stageSeconds, List<BranchRow> truth) {
        this(rootBus, baseKv, branches, confidence, diagnostics, meanVoltagePu, warnings, stageSeconds, truth, Map.of(),
                JointRefinementReport.NOT_RECORDED, Map.of());
    }

    private static RadialTree tree(String root, List<IdentifiedBranch> rows) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (IdentifiedBranch r : rows) {
            if (parents.put(r.toBus(), r.fromBus()) != null) {
                throw new IllegalArgumentException("bus " + r.toBus() + " has two parents");
            }
        }
        return new RadialTree(root, parents);
    }

    /** The identified topology (from_bus is the parent of to_bus). */
    public RadialTree tree() {
        return tree(rootBus, branches);
    }

    /**
     * @return the branches as the data contract's four columns (from, to, r, x), e.g. to score them
     *         against a truth with {@link Scoring}
     */
    public List<BranchRow> contractRows() {
        return branches.stream().map(IdentifiedBranch::contractRow).toList();
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The same result compared with the given truth (empty list = none). */
    public IdentificationResult withTruth(List<BranchRow> truthBranches) {
        return new IdentificationResult(rootBus, baseKv, branches, confidence, diagnostics, meanVoltagePu, warnings,
                stageSeconds, truthBranches, stageStatus, jointRefinement, evidence);
    }

    /**
     * The buses of the tree without a meter (hidden junctions placed by stage 1, or unmetered
     * buses of a given topology): those without a mean voltage, in top-down order; empty when no
     * mean voltages are known.
     */
    public List<String> hiddenBuses() {
        List<String> out = new java.util.ArrayList<>();
        if (meanVoltagePu.isEmpty()) {
            return out;
        }
        for (String b : tree().topDown()) {
            if (!meanVoltagePu.containsKey(b)) {
                out.add(b);
            }
        }
        return out;
    }

    public boolean hasTruth() {
        return !truth.isEmpty();
    }

    /** The topology confidence of the branch into a bus, NaN when unknown. */
    public double confidenceOf(String childBus) {
        Double c = confidence.get(childBus);
        return c == null ? Double.NaN : c;
    }

    /** Stage 1's evidence of the branch feeding a bus, NaN where none was weighed. */
    public double evidenceOf(String childBus) {
        Double e = evidence.get(childBus);
        return e == null ? Double.NaN : e;
    }
}

package io.gridid.topology;

import io.gridid.model.RadialTree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An identified radial topology.
 *
 * @param tree        the tree, rooted at the feeder head
 * @param confidence  per edge, keyed by the edge's child bus: a figure in [0, 1], larger is
 *                    surer; what it means depends on the estimator (see each estimator's
 *                    Javadoc). Copied, unmodifiable.
 * @param diagnostics how it was obtained
 * @param evidence    per edge, keyed by the edge's child bus, where the estimator weighs it: the
 *                    log-likelihood ratio of the tree against the best alternative without the
 *                    edge (the physics search's {@code EdgeEvidence}); larger is surer, negative
 *                    where the alternative fits better. Copied, unmodifiable; edges not weighed
 *                    are absent.
 */
public record Topology(RadialTree tree, Map<String, Double> confidence, TopologyDiagnostics diagnostics,
                       Map<String, Double> evidence) {
    public Topology {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(diagnostics, "diagnostics");
        confidence = Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
        if (!confidence.keySet().equals(tree.parents().keySet())) {
            throw new IllegalArgumentException("need exactly one confidence per edge (child bus)");
        }
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        if (!tree.parents().keySet().containsAll(evidence.keySet())) {
            throw new IllegalArgumentException("evidence for a bus that no edge feeds");
        }
    }

    /** A topology whose edges are not weighed against alternatives (no evidence). */
    public Topology(RadialTree tree, Map<String, Double> confidence, TopologyDiagnostics diagnostics) {
        this(tree, confidence, diagnostics, Map.of());
    }

    /** The confidence of the edge feeding a bus. */
    public double confidenceOf(String childBus) {
        Double c = confidence.get(childBus);
        if (c == null) {
            throw new IllegalArgumentException("no edge feeds " + childBus);
        }
        return c;
    }

    /**
     * This topology revised: another tree, confidence and diagnostics; the evidence is kept for the
     * edges the new tree still has (a bus with the same parent), dropped for the others.
     */
    public Topology revised(RadialTree newTree, Map<String, Double> newConfidence, TopologyDiagnostics newDiagnostics) {
        Map<String, Double> kept = new LinkedHashMap<>();
        evidence.forEach((bus, e) -> {
            if (newTree.parents().containsKey(bus) && newTree.parentOf(bus).equals(tree.parentOf(bus))) {
                kept.put(bus, e);
            }
        });
        return new Topology(newTree, newConfidence, newDiagnostics, kept);
    }

    /** The evidence of the edge feeding a bus, NaN where it was not weighed. */
    public double evidenceOf(String childBus) {
        confidenceOf(childBus);
        return evidence.getOrDefault(childBus, Double.NaN);
    }
}

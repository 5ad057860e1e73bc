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
 */
public record Topology(RadialTree tree, Map<String, Double> confidence, TopologyDiagnostics diagnostics) {
    public Topology {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(diagnostics, "diagnostics");
        confidence = Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
        if (!confidence.keySet().equals(tree.parents().keySet())) {
            throw new IllegalArgumentException("need exactly one confidence per edge (child bus)");
        }
    }

    /** The confidence of the edge feeding a bus. */
    public double confidenceOf(String childBus) {
        Double c = confidence.get(childBus);
        if (c == null) {
            throw new IllegalArgumentException("no edge feeds " + childBus);
        }
        return c;
    }
}

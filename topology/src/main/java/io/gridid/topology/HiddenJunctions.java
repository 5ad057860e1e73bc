package io.gridid.topology;

import io.gridid.model.RadialTree;
import io.gridid.model.Warning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of the hidden-junction search.
 *
 * @param tree     the tree with the hidden buses (their ids from {@link io.gridid.model.HiddenBusIds})
 * @param evidence per hidden bus, the drop of the residual sum of squares its placement brought,
 *                 in units of the per-equation noise variance (larger is surer), in placement order
 * @param warnings what the user should know (copied)
 */
public record HiddenJunctions(RadialTree tree, Map<String, Double> evidence, List<Warning> warnings) {
    public HiddenJunctions {
        Objects.requireNonNull(tree, "tree");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        warnings = List.copyOf(warnings);
    }

    /** The hidden buses, in placement order. */
    public List<String> hidden() {
        return List.copyOf(evidence.keySet());
    }
}

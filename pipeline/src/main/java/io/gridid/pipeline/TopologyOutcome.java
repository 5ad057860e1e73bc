package io.gridid.pipeline;

import io.gridid.model.RadialTree;
import io.gridid.model.Warning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What stage 1 produced.
 *
 * @param tree             the radial topology rooted at the root meter
 * @param confidence       per-edge confidence keyed by the edge's child bus (higher = surer; copied)
 * @param method           estimator name
 * @param regressionPath   JOINT, P_ONLY or n/a
 * @param conditionNumber  condition number of the stage-1 regression (NaN when not applicable)
 * @param intervalsUsed    intervals stage 1 used
 * @param warnings         stage-1 warnings (copied)
 */
public record TopologyOutcome(RadialTree tree, Map<String, Double> confidence, String method, String regressionPath,
                              double conditionNumber, int intervalsUsed, List<Warning> warnings) {
    public TopologyOutcome {
        Objects.requireNonNull(tree, "tree");
        confidence = Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
        warnings = List.copyOf(warnings);
    }
}

package io.gridid.pipeline;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.io.BranchRow;

import java.util.List;

/**
 * What stage 2 produced.
 *
 * @param branches  one row per branch of the tree, top-down, with {@link BranchColumns} extras (copied)
 * @param warnings  stage-2 warnings (copied)
 * @param completedLoads the readings with missing loads replaced by stage 2's estimates, or null
 *                  (no load missing, or a stage that does not estimate them)
 */
public record ImpedanceOutcome(List<BranchRow> branches, List<Warning> warnings, MeterData completedLoads) {
    public ImpedanceOutcome {
        branches = List.copyOf(branches);
        warnings = List.copyOf(warnings);
    }

    /** An outcome without load estimates. */
    public ImpedanceOutcome(List<BranchRow> branches, List<Warning> warnings) {
        this(branches, warnings, null);
    }
}

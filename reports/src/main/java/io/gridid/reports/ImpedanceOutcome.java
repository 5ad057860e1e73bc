package io.gridid.reports;

import io.gridid.model.io.BranchRow;

import java.util.List;

/**
 * What stage 2 produced.
 *
 * @param branches  one row per branch of the tree, top-down, with {@link BranchColumns} extras (copied)
 * @param warnings  stage-2 warnings (copied)
 */
public record ImpedanceOutcome(List<BranchRow> branches, List<String> warnings) {
    public ImpedanceOutcome {
        branches = List.copyOf(branches);
        warnings = List.copyOf(warnings);
    }
}

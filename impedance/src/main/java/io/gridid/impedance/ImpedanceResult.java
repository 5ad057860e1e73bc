package io.gridid.impedance;

import java.util.List;

/**
 * The outcome of stage 2: one estimate per branch of the tree, top-down (breadth-first from the
 * root, each branch listed with its child bus), and the warnings an engineer should read.
 *
 * @param branches estimates, top-down (copied, unmodifiable)
 * @param warnings one line each: branches the data cannot pin down, library fallbacks, ... (copied)
 */
public record ImpedanceResult(List<BranchEstimate> branches, List<String> warnings) {
    public ImpedanceResult {
        branches = List.copyOf(branches);
        warnings = List.copyOf(warnings);
    }

    /** The estimate of the branch feeding a bus. */
    public BranchEstimate branchTo(String toBus) {
        for (BranchEstimate b : branches) {
            if (b.toBus().equals(toBus)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no branch feeds bus " + toBus);
    }
}

package io.gridid.impedance;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of stage 2: one estimate per branch of the tree, top-down (breadth-first from the
 * root, each branch listed with its child bus), and the warnings an engineer should read.
 *
 * @param branches estimates, top-down (copied, unmodifiable)
 * @param warnings one line each: branches the data cannot pin down, library fallbacks, ... (copied)
 * @param completedLoads the input readings with every missing load (P, Q of a non-root bus) replaced
 *                 by the stage's state estimate (missing voltages stay missing); null when no
 *                 load was missing. Stage 1 can be rerun on these (see the pipeline module).
 * @param jointRefinement what the joint refinement did, or why it did not run (never null:
 *                 {@link JointRefinementReport#NOT_RECORDED} from the constructors without it)
 */
public record ImpedanceResult(List<BranchEstimate> branches, List<Warning> warnings, MeterData completedLoads,
                              JointRefinementReport jointRefinement) {
    public ImpedanceResult {
        branches = List.copyOf(branches);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(jointRefinement, "jointRefinement");
    }

    /** A result without a record of the joint refinement ({@link JointRefinementReport#NOT_RECORDED}). */
    public ImpedanceResult(List<BranchEstimate> branches, List<Warning> warnings, MeterData completedLoads) {
        this(branches, warnings, completedLoads, JointRefinementReport.NOT_RECORDED);
    }

    /** A result for data without missing loads, without a record of the joint refinement. */
    public ImpedanceResult(List<BranchEstimate> branches, List<Warning> warnings) {
        this(branches, warnings, null);
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

package io.gridid.pipeline;

import io.gridid.model.RadialTree;
import io.gridid.model.Warning;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FeederIdentifier} returns: the identified topology, every branch with typed figures,
 * the warnings, and the full {@link IdentificationResult} that the reports and exports take.
 * Immutable; the constructor throws IllegalArgumentException unless the tree and the number of branches
 * are those of {@code result}.
 *
 * @param tree     the identified radial topology, rooted at the feeder head
 * @param branches one per edge of {@code tree}, top-down (parent first)
 * @param warnings every warning of reading and of both stages, in order, one line each, typed
 * @param result   the same identification as the reports, exports and result folders use it
 */
public record IdentifiedFeeder(RadialTree tree, List<IdentifiedBranch> branches, List<Warning> warnings,
                               IdentificationResult result) {
    public IdentifiedFeeder {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(result, "result");
        branches = List.copyOf(branches);
        warnings = List.copyOf(warnings);
        if (!tree.equals(result.tree()) || branches.size() != result.branches().size()) {
            throw new IllegalArgumentException("the tree and branches are not those of the result");
        }
    }

    /**
     * @param result an identification
     * @return its topology, typed branches and warnings beside it
     */
    public static IdentifiedFeeder of(IdentificationResult result) {
        return new IdentifiedFeeder(result.tree(), result.branches(), result.warnings(), result);
    }

    /**
     * @param bus a bus of the feeder other than the root
     * @return the branch that feeds {@code bus}
     * @throws IllegalArgumentException when no branch ends at {@code bus}
     */
    public IdentifiedBranch branchTo(String bus) {
        for (IdentifiedBranch b : branches) {
            if (b.toBus().equals(bus)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no identified branch ends at bus " + bus);
    }
}

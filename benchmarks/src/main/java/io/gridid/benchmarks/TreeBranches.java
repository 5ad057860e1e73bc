package io.gridid.benchmarks;

import io.gridid.model.RadialTree;

/**
 * Whether a found edge is a branch of the true tree, direction ignored: the test behind every
 * runner's right and wrong edges (the count of them is {@link RadialTree#sharedEdges}).
 */
public final class TreeBranches {
    private TreeBranches() {
    }

    /** True when {@code a} and {@code b} are joined by a branch of {@code tree}, either one the parent. */
    public static boolean contains(RadialTree tree, String a, String b) {
        return (tree.parents().containsKey(a) && tree.parentOf(a).equals(b))
                || (tree.parents().containsKey(b) && tree.parentOf(b).equals(a));
    }
}

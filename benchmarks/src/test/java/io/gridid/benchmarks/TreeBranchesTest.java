package io.gridid.benchmarks;

import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeBranchesTest {
    /** r - a - b, and a - c. */
    private final RadialTree tree = new RadialTree("r", Map.of("a", "r", "b", "a", "c", "a"));

    @Test
    void aBranchCountsInEitherDirection() {
        assertTrue(TreeBranches.contains(tree, "b", "a"));
        assertTrue(TreeBranches.contains(tree, "a", "b"));
        assertTrue(TreeBranches.contains(tree, "r", "a"));
    }

    @Test
    void siblingsAndGrandparentsAreNotBranches() {
        assertFalse(TreeBranches.contains(tree, "b", "c"));
        assertFalse(TreeBranches.contains(tree, "b", "r"));
        assertFalse(TreeBranches.contains(tree, "b", "x"));
    }
}

package io.gridid.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadialTreeTest {
    //      0
    //     / \
    //    1   2
    //   / \
    //  3   4
    private static final Map<String, String> PARENTS = Map.of("1", "0", "2", "0", "3", "1", "4", "1");

    @Test
    void ordersBusesBreadthFirstAndChildrenBeforeParents() {
        RadialTree t = new RadialTree("0", PARENTS);
        assertEquals(5, t.size());
        assertEquals("0", t.topDown().get(0));
        List<String> up = t.bottomUp();
        for (String bus : List.of("1", "2", "3", "4")) {
            assertTrue(up.indexOf(bus) < up.indexOf(t.parentOf(bus)), bus + " before its parent");
        }
        assertEquals(2, t.depthOf("4"));
        assertEquals(List.of(), t.childrenOf("3"));
    }

    @Test
    void rejectsCyclesAndDanglingParents() {
        assertThrows(IllegalArgumentException.class, () -> new RadialTree("0", Map.of("1", "2", "2", "1")));
        assertThrows(IllegalArgumentException.class, () -> new RadialTree("0", Map.of("1", "9")));
        assertThrows(IllegalArgumentException.class, () -> new RadialTree("0", Map.of("0", "1", "1", "0")));
    }

    @Test
    void equalTreesCompareEqualWhateverTheMapOrder() {
        assertEquals(new RadialTree("0", PARENTS), new RadialTree("0", new java.util.TreeMap<>(PARENTS)));
    }

    @Test
    void subtreeMembershipFollowsTheParents() {
        // 0 - 1 - 2 - 3, and 1 - 4
        RadialTree t = new RadialTree("0", Map.of("1", "0", "2", "1", "3", "2", "4", "1"));
        assertTrue(t.isInSubtree("3", "1"));
        assertTrue(t.isInSubtree("3", "3"));
        assertTrue(t.isInSubtree("4", "0"));
        assertTrue(!t.isInSubtree("4", "2"));
        assertTrue(!t.isInSubtree("1", "3"));
        assertThrows(IllegalArgumentException.class, () -> t.isInSubtree("9", "1"));
    }

    /**
     * By hand: truth 0-1-2-3 (a chain) with 4 on 1. The other tree swaps 2 and 3 (edges 1-3, 3-2:
     * one shared, 2-3, direction ignored) and hangs 4 on 0: shared 0-1 and 2-3, so 2 of 4.
     */
    @Test
    void sharedEdgesIgnoreDirection() {
        RadialTree truth = new RadialTree("0", Map.of("1", "0", "2", "1", "3", "2", "4", "1"));
        RadialTree other = new RadialTree("0", Map.of("1", "0", "3", "1", "2", "3", "4", "0"));
        assertEquals(2, other.sharedEdges(truth));
        assertEquals(2, truth.sharedEdges(other));
        assertEquals(4, truth.sharedEdges(truth));
    }
}

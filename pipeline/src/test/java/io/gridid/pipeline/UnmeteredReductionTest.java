package io.gridid.pipeline;

import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnmeteredReductionTest {
    @Test
    void dropsUnseenBusesMergesOneChildBusesAndKeepsJunctions() {
        // R -> p1 -> p2 -> a (a chain of two unmetered poles); a -> b, a -> pole (unmetered leaf);
        // R -> h -> {c, d} (an unmetered junction); d -> e -> f (e unmetered with an unmetered leaf f)
        Map<String, String> parents = Map.of("p1", "R", "p2", "p1", "a", "p2", "b", "a", "pole", "a",
                "h", "R", "c", "h", "d", "h", "e", "d", "f", "e");
        Set<String> metered = Set.of("R", "a", "b", "c", "d");
        RadialTree reduced = UnmeteredReduction.reduce(new RadialTree("R", parents), metered::contains);
        assertEquals(new RadialTree("R", Map.of("a", "R", "b", "a", "h", "R", "c", "h", "d", "h")), reduced);
        assertEquals(List.of("h"), UnmeteredReduction.unmetered(reduced, metered::contains));
    }
}

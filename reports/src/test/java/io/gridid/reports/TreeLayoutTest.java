package io.gridid.reports;

import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TreeLayoutTest {
    @Test
    void leavesTakeColumnsInOrderAndParentsCentreOverTheirChildren() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("a", "r");
        parents.put("b", "r");
        parents.put("c", "b");
        parents.put("d", "b");
        parents.put("e", "d");
        TreeLayout l = TreeLayout.of(new RadialTree("r", parents));
        // leaves a, c, e -> columns 0, 1, 2; d over e = 2; b over c..d = 1.5; r over a..b = 0.75
        assertEquals(new TreeLayout.Point(0, 1), l.pointOf("a"));
        assertEquals(new TreeLayout.Point(1, 2), l.pointOf("c"));
        assertEquals(new TreeLayout.Point(2, 3), l.pointOf("e"));
        assertEquals(new TreeLayout.Point(2, 2), l.pointOf("d"));
        assertEquals(new TreeLayout.Point(1.5, 1), l.pointOf("b"));
        assertEquals(new TreeLayout.Point(0.75, 0), l.pointOf("r"));
        assertEquals(3, l.columns());
        assertEquals(4, l.rows());
    }
}

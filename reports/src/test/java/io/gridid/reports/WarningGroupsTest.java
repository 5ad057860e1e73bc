package io.gridid.reports;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarningGroupsTest {
    @Test
    void branchWarningsOfOneKindBecomeOneGroupWithTheirIds() {
        List<String> w = new ArrayList<>();
        w.add("12 readings missing: voltages are never estimated");
        for (int i = 1; i <= 7; i++) {
            w.add("branch " + i + "-" + (i + 1) + ": the data do not pin down r (standard error " + (20 + i)
                    + " %) [unconstrained r=0.1, x=0.2 ohm]");
        }
        w.add("branch 3-9: the data do not pin down r (standard error 90 %) and x (standard error 40 %) [r=1]");
        List<WarningGroups.Group> g = WarningGroups.of(w).groups();
        assertEquals(3, g.size(), g.toString());
        assertEquals("12 readings missing: voltages are never estimated", g.get(0).summary(5));
        assertEquals("the data do not pin down r: 7 branches (1-2, 2-3, 3-4, 4-5, 5-6, ...)", g.get(1).summary(5));
        assertEquals(7, g.get(1).count());
        assertEquals("the data do not pin down r and x: 1 branch (3-9)", g.get(2).summary(5));
        assertEquals(List.of("1-2", "2-3", "3-4", "4-5", "5-6", "6-7", "7-8", "3-9"),
                WarningGroups.of(w).idsOfKind("do not pin down"));
    }

    @Test
    void repeatedPlainWarningsAreCounted() {
        List<WarningGroups.Group> g = WarningGroups.of(List.of("x", "y", "x")).groups();
        assertEquals(2, g.size());
        assertEquals("x (2 times)", g.get(0).summary(5));
    }
}

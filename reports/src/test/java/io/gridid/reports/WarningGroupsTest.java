package io.gridid.reports;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarningGroupsTest {
    private static Warning notPinned(WarningCode code, String id) {
        return Warning.of(code, "branch " + id + ": the data do not pin down ... [figures]", id);
    }

    @Test
    void branchWarningsOfOneCodeBecomeOneGroupWithTheirIds() {
        List<Warning> w = new ArrayList<>();
        w.add(Warning.of(WarningCode.READINGS_MISSING, "12 readings missing: voltages are never estimated"));
        for (int i = 1; i <= 7; i++) {
            w.add(notPinned(WarningCode.R_NOT_PINNED, i + "-" + (i + 1)));
        }
        w.add(notPinned(WarningCode.R_AND_X_NOT_PINNED, "3-9"));
        List<WarningGroups.Group> g = WarningGroups.of(w).groups();
        assertEquals(List.of(WarningCode.READINGS_MISSING, WarningCode.R_NOT_PINNED, WarningCode.R_AND_X_NOT_PINNED),
                g.stream().map(WarningGroups.Group::code).toList());
        assertEquals("12 readings missing: voltages are never estimated", g.get(0).summary(5));
        assertEquals("the data do not pin down r: 7 branches (1-2, 2-3, 3-4, 4-5, 5-6, ...)", g.get(1).summary(5));
        assertEquals(7, g.get(1).count());
        assertEquals("the data do not pin down r and x: 1 branch (3-9)", g.get(2).summary(5));
        assertEquals(List.of("1-2", "2-3", "3-4", "4-5", "5-6", "6-7", "7-8", "3-9"), WarningGroups.of(w)
                .subjectsOf(WarningCode.R_NOT_PINNED, WarningCode.X_NOT_PINNED, WarningCode.R_AND_X_NOT_PINNED));
    }

    @Test
    void aFeederWideCodeSeveralTimesIsCountedAndItsSubjectsListedOnce() {
        List<Warning> w = List.of(Warning.of(WarningCode.STAGE1_RERUN, "pass 2: ... moved 2 bus(es)", "a", "b"),
                Warning.of(WarningCode.HEAD_POWER_MISMATCH, "head"),
                Warning.of(WarningCode.STAGE1_RERUN, "pass 3: ... moved 1 bus(es)", "b"));
        List<WarningGroups.Group> g = WarningGroups.of(w).groups();
        assertEquals(2, g.size());
        assertEquals(WarningCode.STAGE1_RERUN.kind() + " (2 times)", g.get(0).summary(5));
        assertEquals(List.of("a", "b"), g.get(0).subjects());
        assertEquals("head", g.get(1).summary(5));
    }

    /** TrustSummary's poorly-determined parameters come from the codes: r, x, or both (also from two warnings). */
    @Test
    void poorlyDeterminedParametersAreReadFromTheCodes() {
        List<Warning> w = List.of(notPinned(WarningCode.R_NOT_PINNED, "1-2"), notPinned(WarningCode.X_NOT_PINNED, "2-3"),
                notPinned(WarningCode.R_AND_X_NOT_PINNED, "3-4"), notPinned(WarningCode.X_NOT_PINNED, "1-2"),
                Warning.of(WarningCode.LOW_CONFIDENCE_EDGES, "1 of 3 edges have confidence below 0.99", "4-5"));
        assertEquals(Map.of("1-2", "r, x", "2-3", "x", "3-4", "r, x"), TrustSummary.poorlyDetermined(w));
    }
}

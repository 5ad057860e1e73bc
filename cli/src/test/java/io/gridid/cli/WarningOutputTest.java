package io.gridid.cli;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarningOutputTest {
    private static List<Warning> warnings() {
        List<Warning> w = new ArrayList<>();
        w.add(Warning.of(WarningCode.INTERVALS_WITHOUT_VOLTAGES, "3 of 700 intervals dropped: fewer than two voltage"
                + " readings"));
        for (int i = 0; i < 150; i++) {
            String id = Warning.branch(String.valueOf(i), String.valueOf(i + 1));
            w.add(Warning.of(WarningCode.X_NOT_PINNED, "branch " + id + ": the data do not pin down x (standard error "
                    + (25 + i % 50) + " %) [unconstrained r=0.1, x=0.01 ohm]", id));
        }
        return w;
    }

    private static List<String> print(boolean verbose) {
        WarningOutput o = new WarningOutput();
        o.verbose = verbose;
        StringWriter s = new StringWriter();
        o.print(new PrintWriter(s, true), warnings());
        return s.toString().lines().toList();
    }

    @Test
    void oneLinePerKindWithCountAndFirstIds() {
        List<String> lines = print(false);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("gridid: warning: 3 of 700 intervals dropped: fewer than two voltage readings", lines.get(0));
        assertEquals("gridid: warning: the data do not pin down x: 150 branches (0-1, 1-2, 2-3, 3-4, 4-5, ...)",
                lines.get(1));
        assertTrue(lines.get(2).contains("--verbose"), lines.get(2));
    }

    @Test
    void theBudgetWarningNamesTheOptionThatRaisesIt() {
        WarningOutput o = new WarningOutput();
        StringWriter s = new StringWriter();
        o.print(new PrintWriter(s, true), List.of(Warning.of(WarningCode.SEARCH_BUDGET, "local search stopped at its"
                + " work budget (300 branch fits per bus); the tree may improve with a larger budget")));
        assertTrue(s.toString().strip().endsWith("(--search-budget FITS_PER_BUS raises it)"), s.toString());
    }

    @Test
    void aNegativeSearchBudgetIsOneLineExitTwo() {
        CommandRun r = CommandRun.of("topology", "--meters", "nofile.csv", "--root", "1", "--search-budget", "-1",
                "--out", "x");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--search-budget"), "checked before the meter file is read: " + r.err());
    }

    @Test
    void verbosePrintsEveryWarning() {
        List<String> lines = print(true);
        assertEquals(151, lines.size());
        assertTrue(lines.get(1).endsWith("[unconstrained r=0.1, x=0.01 ohm]"), lines.get(1));
    }
}

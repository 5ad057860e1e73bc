package io.gridid.pipeline;

import io.gridid.model.io.BranchRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitScoringTest {
    /** Sums of two decimal impedances: exact but for one rounding each. */
    private static final double SUM_TOLERANCE = 1e-12;

    /** R -> H(hidden) -> {a, b}; R -> c; a -> H2(hidden, one child) -> d. Meters: R, a, b, c, d. */
    private static final List<BranchRow> TRUTH = List.of(
            new BranchRow("R", "H", 0.10, 0.20), new BranchRow("R", "c", 0.30, 0.30),
            new BranchRow("H", "a", 0.40, 0.10), new BranchRow("H", "b", 0.50, 0.60),
            new BranchRow("a", "H2", 0.20, 0.10), new BranchRow("H2", "d", 0.30, 0.40));
    private static final Set<String> METERED = Set.of("R", "a", "b", "c", "d");

    @Test
    void theSameTreeUnderOtherHiddenNamesAndWithTheDegreeTwoBusMergedScoresOne() throws Exception {
        List<BranchRow> result = List.of(
                new BranchRow("R", "~h1", 0.10, 0.20), new BranchRow("~h1", "a", 0.40, 0.10),
                new BranchRow("~h1", "b", 0.50, 0.60), new BranchRow("R", "c", 0.30, 0.30),
                new BranchRow("a", "d", 0.50, 0.50));
        SplitScore s = new SplitScoring().score(result, TRUTH, "R", METERED::contains);
        // splits {a,b,d} {a,d} {b} {c} {d}: five in each
        assertEquals(5, s.truthSplits());
        assertEquals(5, s.resultSplits());
        assertEquals(1.0, s.f1());
        assertTrue(s.exactSplits());
        assertEquals(0.0, s.rRelErrorMax(), SUM_TOLERANCE);
        assertEquals(0.0, s.xRelErrorMax(), SUM_TOLERANCE);
    }

    @Test
    void aTreeWithoutTheHiddenJunctionMissesExactlyItsSplit() throws Exception {
        List<BranchRow> result = List.of(
                new BranchRow("R", "a", 0.5, 0.3), new BranchRow("R", "b", 0.6, 0.8),
                new BranchRow("R", "c", 0.3, 0.3), new BranchRow("a", "d", 0.5, 0.5));
        SplitScore s = new SplitScoring().score(result, TRUTH, "R", METERED::contains);
        assertEquals(4, s.resultSplits());
        assertEquals(List.of("H"), s.missing());
        assertEquals(1.0, s.precision());
        assertEquals(0.8, s.recall(), SUM_TOLERANCE);
        assertEquals(2 * 0.8 / 1.8, s.f1(), SUM_TOLERANCE);
        // the worst r: a's edge 0.5 against H-a's 0.4, 25 %
        assertEquals(0.25, s.rRelErrorMax(), SUM_TOLERANCE);
    }

    @Test
    void aHiddenLeafHasNoSplitAndAnInventedJunctionIsExtra() throws Exception {
        List<BranchRow> result = List.of(
                new BranchRow("R", "~h1", 0.10, 0.20), new BranchRow("~h1", "a", 0.40, 0.10),
                new BranchRow("~h1", "b", 0.50, 0.60), new BranchRow("R", "~h2", 0.1, 0.1),
                new BranchRow("~h2", "c", 0.2, 0.2), new BranchRow("~h2", "~h3", 0.2, 0.2),
                new BranchRow("a", "d", 0.50, 0.50));
        SplitScore s = new SplitScoring().score(result, TRUTH, "R", METERED::contains);
        // ~h2 has c and a hidden leaf below: the split {c}, merged with c's own edge; ~h3 has none
        assertEquals(5, s.resultSplits());
        assertEquals(1.0, s.f1());
        SplitScore.Matched c = s.matched().stream().filter(m -> m.truthTop().equals("c")).findFirst().orElseThrow();
        assertEquals(0.3, c.rOhm(), SUM_TOLERANCE);

        List<BranchRow> invented = List.of(
                new BranchRow("R", "~h1", 0.10, 0.20), new BranchRow("~h1", "a", 0.40, 0.10),
                new BranchRow("~h1", "b", 0.50, 0.60), new BranchRow("R", "~h2", 0.1, 0.1),
                new BranchRow("~h2", "c", 0.2, 0.2), new BranchRow("~h2", "d", 0.2, 0.2));
        SplitScore wrong = new SplitScoring().score(invented, TRUTH, "R", METERED::contains);
        // result splits {a,b} {a} {b} {c,d} {c} {d}; truth's {a,b,d} and {a,d} missing,
        // {a,b}, {c,d} and {a} extra
        assertEquals(6, wrong.resultSplits());
        assertEquals(List.of("H", "a"), wrong.missing());
        assertEquals(List.of("~h1", "~h2", "a"), wrong.extra());
    }

    @Test
    void onAFullyMeteredTreeItEqualsTheEdgeScore() throws Exception {
        List<BranchRow> truth = List.of(new BranchRow("R", "a", 1, 1), new BranchRow("a", "b", 1, 1),
                new BranchRow("a", "c", 1, 1), new BranchRow("R", "d", 1, 1));
        List<BranchRow> result = List.of(new BranchRow("R", "a", 1, 1), new BranchRow("a", "b", 1, 1),
                new BranchRow("b", "c", 1, 1), new BranchRow("R", "d", 1, 1));
        SplitScore s = new SplitScoring().score(result, truth, "R", b -> true);
        Score edges = new Scoring().score(result, truth);
        assertEquals(edges.f1(), s.f1(), SUM_TOLERANCE);
        assertEquals(0.75, s.f1(), SUM_TOLERANCE);
    }
}

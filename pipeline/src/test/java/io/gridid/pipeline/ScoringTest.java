package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.io.BranchRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {
    /** Expected figures are exact fractions computed by hand; only double rounding separates them. */
    private static final double EXACT = 1e-12;

    private static final List<BranchRow> TRUTH = List.of(
            new BranchRow("root", "a", 1.0, 2.0),
            new BranchRow("a", "b", 2.0, 1.0),
            new BranchRow("a", "c", 4.0, 4.0),
            new BranchRow("c", "d", 0.5, 0.5));

    @Test
    void missingExtraAndReversedBranchesByHand() throws GrididException {
        List<BranchRow> result = List.of(
                new BranchRow("root", "a", 1.1, 2.0),   // r +10 %, x exact
                new BranchRow("b", "a", 2.0, 1.5),      // reversed: still found; x +50 %
                new BranchRow("c", "e", 1.0, 1.0),      // extra
                new BranchRow("a", "c", 3.0, 5.0),      // r -25 %, x +25 %
                new BranchRow("d", "e", 1.0, 1.0));     // extra; truth c-d is missing
        Score s = new Scoring().score(result, TRUTH);

        assertEquals(5, s.resultBranches());
        assertEquals(4, s.truthBranches());
        assertEquals(3, s.matched().size());
        assertEquals(List.of(BusPair.of("c", "d")), s.missing());
        assertEquals(List.of(BusPair.of("c", "e"), BusPair.of("d", "e")), s.extra());
        assertEquals(3.0 / 5, s.precision(), EXACT);
        assertEquals(3.0 / 4, s.recall(), EXACT);
        assertEquals(2.0 / 3, s.f1(), EXACT); // 2 * 0.6 * 0.75 / 1.35
        assertFalse(s.exactTopology());

        BranchError reversed = s.matched().get(1);
        assertTrue(reversed.reversed());
        assertFalse(s.matched().get(0).reversed());
        assertEquals(0.0, reversed.rRelError(), EXACT);
        assertEquals(0.5, reversed.xRelError(), EXACT);

        // r errors {0.1, 0, 0.25}: sorted 0, 0.1, 0.25; median 0.1; p90 at position 1.8 -> 0.1 + 0.8 * 0.15
        assertEquals(0.1, s.rRelErrorMedian(), EXACT);
        assertEquals(0.22, s.rRelErrorP90(), EXACT);
        // x errors {0, 0.5, 0.25}: sorted 0, 0.25, 0.5; median 0.25; p90 0.25 + 0.8 * 0.25
        assertEquals(0.25, s.xRelErrorMedian(), EXACT);
        assertEquals(0.45, s.xRelErrorP90(), EXACT);
    }

    @Test
    void perfectResultInAnotherOrderAndDirectionScoresOne() throws GrididException {
        List<BranchRow> result = List.of(
                new BranchRow("d", "c", 0.5, 0.5),
                new BranchRow("a", "root", 1.0, 2.0),
                new BranchRow("a", "c", 4.0, 4.0),
                new BranchRow("a", "b", 2.0, 1.0));
        Score s = new Scoring().score(result, TRUTH);
        assertEquals(1.0, s.precision(), EXACT);
        assertEquals(1.0, s.recall(), EXACT);
        assertEquals(1.0, s.f1(), EXACT);
        assertTrue(s.exactTopology());
        assertEquals(0.0, s.rRelErrorP90(), EXACT);
        assertEquals(0.0, s.xRelErrorP90(), EXACT);
    }

    @Test
    void undefinedErrorsAreLeftOutOfThePercentiles() throws GrididException {
        List<BranchRow> truth = List.of(new BranchRow("s", "a", 0.0, 0.0), new BranchRow("a", "b", 2.0, 2.0));
        List<BranchRow> result = List.of(new BranchRow("s", "a", 0.1, 0.1), new BranchRow("a", "b", Double.NaN, 3.0));
        Score s = new Scoring().score(result, truth);
        assertTrue(Double.isNaN(s.matched().get(0).rRelError()), "true r = 0: relative error undefined");
        assertTrue(Double.isNaN(s.rRelErrorMedian()), "no defined r error at all");
        assertEquals(0.5, s.xRelErrorMedian(), EXACT); // only a-b: |3 - 2| / 2
    }

    @Test
    void disjointListsScoreZeroAndEmptyResultIsUndefinedPrecision() throws GrididException {
        Score none = new Scoring().score(List.of(new BranchRow("x", "y", 1, 1)), TRUTH);
        assertEquals(0.0, none.precision());
        assertEquals(0.0, none.recall());
        assertEquals(0.0, none.f1());
        Score empty = new Scoring().score(List.of(), TRUTH);
        assertTrue(Double.isNaN(empty.precision()));
        assertEquals(0.0, empty.recall());
        assertEquals(4, empty.missing().size());
    }

    @Test
    void aPairListedTwiceIsRejected() {
        List<BranchRow> dup = List.of(new BranchRow("a", "b", 1, 1), new BranchRow("b", "a", 1, 1));
        GrididException e = assertThrows(GrididException.class, () -> new Scoring().score(dup, TRUTH));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        assertEquals(2.5, Scoring.percentile(new double[] {4, 1, 3, 2}, 0.5), EXACT);
        assertEquals(3.7, Scoring.percentile(new double[] {4, 1, 3, 2}, 0.9), EXACT); // position 2.7
        assertEquals(7.0, Scoring.percentile(new double[] {7}, 0.9), EXACT);
        assertTrue(Double.isNaN(Scoring.percentile(new double[0], 0.5)));
    }
}

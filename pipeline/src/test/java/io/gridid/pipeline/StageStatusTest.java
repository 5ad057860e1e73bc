package io.gridid.pipeline;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status of a stage from its warnings, case by case. */
class StageStatusTest {
    @Test
    void noWarningOrOnlyInformativeOnesIsComplete() {
        assertEquals(StageStatus.COMPLETE, StageStatus.of(List.of()));
        assertEquals(StageStatus.COMPLETE, StageStatus.of(List.of(Warning.of(WarningCode.EDGE_STABILITY, "8 halves"),
                Warning.of(WarningCode.R_NOT_PINNED, "r of a-b"))));
    }

    @Test
    void aStepThatFellBackIsAFallback() {
        for (WarningCode c : List.of(WarningCode.LIKELIHOOD_SEARCH_NOT_RUN, WarningCode.STABILITY_PARTIAL,
                WarningCode.JOINT_SKIPPED_ESTIMATED_LOADS, WarningCode.JOINT_SKIPPED_LARGE_TREE,
                WarningCode.CONDUCTOR_PRIORS_INFEASIBLE)) {
            assertEquals(StageStatus.FALLBACK, StageStatus.of(List.of(Warning.of(c, "x"))), c.name());
        }
    }

    @Test
    void aBudgetCutWinsOverAFallbackInEitherOrder() {
        Warning cut = Warning.of(WarningCode.SEARCH_BUDGET, "stopped");
        Warning fallback = Warning.of(WarningCode.LIKELIHOOD_SEARCH_NOT_RUN, "not run");
        assertEquals(StageStatus.BUDGET_CUT, StageStatus.of(List.of(cut, fallback)));
        assertEquals(StageStatus.BUDGET_CUT, StageStatus.of(List.of(fallback, cut)));
        assertEquals(StageStatus.BUDGET_CUT, StageStatus.of(List.of(Warning.of(WarningCode.LOAD_ESTIMATE_BUDGET, "e"))));
    }
}

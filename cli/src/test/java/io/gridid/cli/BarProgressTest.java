package io.gridid.cli;

import io.gridid.pipeline.GrididStages;
import io.gridid.pipeline.IdentifyPipeline;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarProgressTest {
    @Test
    void theLineShowsPhaseCountAndElapsedTime() {
        assertEquals("gridid identify: stage 1, topology | 0:07 elapsed",
                BarProgress.line("identify", "stage 1, topology", -1, -1, "", 7));
        assertEquals("gridid identify: stage 2, impedance: 45/180 branches fitted (25 %) | 1:05 elapsed",
                BarProgress.line("identify", "stage 2, impedance", 45, 180, "branches fitted", 65));
    }

    @Test
    void thePhaseIsDrawnAtOnceAndFollowsTheStagesWithTheSearchRound() {
        StringWriter s = new StringWriter();
        try (BarProgress p = new BarProgress(new PrintWriter(s, true), "identify", "stage 1, topology")) {
            p.stepDone(GrididStages.LIKELIHOOD_SEARCH + ", round 2", 10, 40);
            p.stepDone(IdentifyPipeline.TOPOLOGY, 0, 12);
            p.stepDone(IdentifyPipeline.IMPEDANCE, 12, 12);
        }
        String out = s.toString();
        // drawn at start, before any step, and at close with the last state
        assertTrue(out.contains("stage 1, topology | 0:00 elapsed"), out);
        assertTrue(out.contains("stage 2, impedance: 12/12 branches fitted (100 %)"), out);
        assertTrue(out.endsWith(System.lineSeparator()), "the last line is ended");
    }
}

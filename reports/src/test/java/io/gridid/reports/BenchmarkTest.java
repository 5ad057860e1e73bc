package io.gridid.reports;

import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's bookkeeping, with stand-in stages whose errors are known by construction. */
class BenchmarkTest {
    /** Errors are exact ratios of doubles (1.1 r / r - 1): only rounding separates them from 0.1. */
    private static final double EXACT = 1e-9;
    /** A small seeded random feeder: independent of the feeder tables. */
    private static final String FEEDER = "random:15:3";

    @Test
    void scoresAKnownDeliberateMistakeExactly() {
        Feeder feeder = TestFeeders.load(FEEDER);
        String deep = feeder.tree().topDown().stream().filter(b -> feeder.tree().depthOf(b) >= 2).findFirst()
                .orElseThrow();
        IdentifyPipeline pipeline = new IdentifyPipeline(StandInStages.topology(feeder, deep),
                StandInStages.impedance(feeder, 1.1, 0.8));
        BenchmarkOptions opts = BenchmarkOptions.defaults().withFeeders(List.of(FEEDER))
                .withNoiseVoltagePu(List.of(0.0)).withDays(List.of(2, 3));
        List<String> seen = new ArrayList<>();
        BenchmarkTable table = new Benchmark(opts, pipeline).run((label, done, total) -> seen.add(done + "/" + total));

        assertEquals(List.of("1/2", "2/2"), seen);
        assertEquals(2, table.rows().size());
        BenchmarkRow row = table.rows().get(0);
        assertNull(row.error());
        int n = feeder.branches().size();
        assertEquals(feeder.branches().size() + 1, row.buses());
        assertEquals(48, row.intervals());
        // one of n branches misplaced: (n - 1) / n found, both ways
        assertEquals((n - 1.0) / n, row.precision(), EXACT);
        assertEquals((n - 1.0) / n, row.recall(), EXACT);
        // every found branch has r 10 % high and x 20 % low
        assertEquals(0.1, row.rRelErrorMedian(), EXACT);
        assertEquals(0.1, row.rRelErrorP90(), EXACT);
        assertEquals(0.2, row.xRelErrorMedian(), EXACT);
        assertEquals(1e-9, row.maxRelaxationGap(), 0);
        assertEquals(72, table.rows().get(1).intervals());

        String md = table.toMarkdown();
        assertTrue(md.contains("| " + FEEDER + " | " + (n + 1) + " | 0 | 2 | "), md);
        assertTrue(md.contains("| 10.00 % | 10.00 % | 20.00 % | 20.00 % |"), md);
        assertTrue(table.toJson().contains("\"r_rel_error_median\""));
    }

    @Test
    void aFailingCaseIsKeptWithItsReason() {
        IdentifyPipeline failing = new IdentifyPipeline((data, root) -> {
            throw new io.gridid.model.GrididException("too few intervals");
        }, (data, tree) -> null);
        BenchmarkTable table = new Benchmark(BenchmarkOptions.defaults().withFeeders(List.of(FEEDER))
                .withNoiseVoltagePu(List.of(0.0)).withDays(List.of(1)), failing).run(ProgressListener.NONE);
        BenchmarkRow row = table.rows().get(0);
        assertTrue(row.failed());
        assertEquals("identification: too few intervals", row.error());
        assertTrue(Double.isNaN(row.f1()));
        assertTrue(table.toMarkdown().contains("Failed cases:\n- " + FEEDER + ", noise 0, 1 days: identification: too few intervals"));
    }

    @Test
    void anUnknownFeederIsRefusedBeforeAnythingRuns() {
        Benchmark b = new Benchmark(BenchmarkOptions.defaults().withFeeders(List.of("ieee99")),
                new IdentifyPipeline((d, r) -> null, (d, t) -> null));
        assertThrows(IllegalArgumentException.class, () -> b.run(ProgressListener.NONE));
    }
}

package io.gridid.reports;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regression guard on noisy accuracy at a scale that runs in seconds: random:60, 60 days hourly,
 * sigma_v 1e-4 p.u. and 0.5 % P/Q noise, seed 1, the whole pipeline with its defaults, without and
 * with the built-in conductor library. Bounds are set around what `gridid benchmark --feeders
 * random:60 --days 60 --noise-v 1e-4 --noise-pq 0.005 --seed S [--conductors builtin]` measured over
 * seeds 1-4 (the full tables are the benchmark's, docs/accuracy.md): F1 0.983-1.000; r / x median
 * errors 2.75-3.92 % / 6.87-10.51 % without the library, 0.40-0.52 % / 0.40-0.52 % with it. The
 * lower bounds say the noise reached the fits (errors far below that spread would mean the data
 * were not noisy); the upper bounds allow about 1.5 times the worst seed.
 */
class NoisyAccuracyGuardTest {
    private static final BenchmarkOptions CASE = BenchmarkOptions.defaults().withFeeders(List.of("random:60"))
            .withNoiseVoltagePu(List.of(1e-4)).withDays(List.of(60)).withNoisePowerRelative(0.005).withSeed(1);

    private static BenchmarkRow run(IdentifyOptions options) {
        BenchmarkTable t = new Benchmark(CASE, new IdentifyPipeline(options)).run((label, done, total) -> { });
        BenchmarkRow row = t.rows().get(0);
        assertFalse(row.failed(), row.error());
        return row;
    }

    @Test
    void withoutTheLibrary() {
        BenchmarkRow row = run(IdentifyOptions.defaults());
        assertTrue(row.f1() >= 0.95, "F1 " + row.f1());
        assertTrue(row.rRelErrorMedian() > 0.01 && row.rRelErrorMedian() < 0.06, "r median " + row.rRelErrorMedian());
        assertTrue(row.xRelErrorMedian() > 0.03 && row.xRelErrorMedian() < 0.16, "x median " + row.xRelErrorMedian());
    }

    @Test
    void withTheBuiltInLibrary() {
        IdentifyOptions defaults = IdentifyOptions.defaults();
        ImpedanceOptions typed = defaults.impedance().withConductors(ConductorLibrary.builtIn().types());
        BenchmarkRow row = run(defaults.withImpedance(typed));
        assertTrue(row.f1() >= 0.95, "F1 " + row.f1());
        assertTrue(row.rRelErrorMedian() > 0.001 && row.rRelErrorMedian() < 0.008, "r median " + row.rRelErrorMedian());
        assertTrue(row.xRelErrorMedian() > 0.001 && row.xRelErrorMedian() < 0.008, "x median " + row.xRelErrorMedian());
    }
}

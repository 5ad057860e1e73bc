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
    /** Seeds 1-4 measured F1 0.983-1.000: 0.95 allows about three times the worst seed's shortfall from 1. */
    private static final double MIN_F1 = 0.95;
    /** Without the library, seeds 1-4 measured r medians 2.75-3.92 %: below 1 % the noise did not reach the fits; 6 % is ~1.5 times the worst seed. */
    private static final double R_MEDIAN_FLOOR = 0.01;
    private static final double R_MEDIAN_CEILING = 0.06;
    /** Without the library, seeds 1-4 measured x medians 6.87-10.51 %: below 3 % the noise did not reach the fits; 16 % is ~1.5 times the worst seed. */
    private static final double X_MEDIAN_FLOOR = 0.03;
    private static final double X_MEDIAN_CEILING = 0.16;
    /** With the library, seeds 1-4 measured r and x medians 0.40-0.52 %: below 0.1 % the noise did not reach the fits; 0.8 % is ~1.5 times the worst seed. */
    private static final double TYPED_MEDIAN_FLOOR = 0.001;
    private static final double TYPED_MEDIAN_CEILING = 0.008;

    private static BenchmarkRow run(IdentifyOptions options) {
        BenchmarkTable t = new Benchmark(CASE, new IdentifyPipeline(options)).run((label, done, total) -> { });
        BenchmarkRow row = t.rows().get(0);
        assertFalse(row.failed(), row.error());
        return row;
    }

    @Test
    void withoutTheLibrary() {
        BenchmarkRow row = run(IdentifyOptions.defaults());
        assertTrue(row.f1() >= MIN_F1, "F1 " + row.f1());
        assertTrue(row.rRelErrorMedian() > R_MEDIAN_FLOOR && row.rRelErrorMedian() < R_MEDIAN_CEILING, "r median " + row.rRelErrorMedian());
        assertTrue(row.xRelErrorMedian() > X_MEDIAN_FLOOR && row.xRelErrorMedian() < X_MEDIAN_CEILING, "x median " + row.xRelErrorMedian());
    }

    @Test
    void withTheBuiltInLibrary() {
        IdentifyOptions defaults = IdentifyOptions.defaults();
        ImpedanceOptions typed = defaults.impedance().withConductors(ConductorLibrary.builtIn().types());
        BenchmarkRow row = run(defaults.withImpedance(typed));
        assertTrue(row.f1() >= MIN_F1, "F1 " + row.f1());
        assertTrue(row.rRelErrorMedian() > TYPED_MEDIAN_FLOOR && row.rRelErrorMedian() < TYPED_MEDIAN_CEILING, "r median " + row.rRelErrorMedian());
        assertTrue(row.xRelErrorMedian() > TYPED_MEDIAN_FLOOR && row.xRelErrorMedian() < TYPED_MEDIAN_CEILING, "x median " + row.xRelErrorMedian());
    }
}

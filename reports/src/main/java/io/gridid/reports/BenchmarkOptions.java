package io.gridid.reports;

import java.util.List;

/**
 * What {@link Benchmark} runs: every combination of feeder, voltage noise and data length.
 *
 * @param feeders             feeder names as {@code TestFeeders.load} knows them (ieee13, ieee37, ieee69, random:N[:SEED])
 * @param noiseVoltagePu      Gaussian &sigma; on |V|, p.u. (0 = none)
 * @param days                simulated days
 * @param intervalMinutes     meter interval, minutes
 * @param noisePowerRelative  relative Gaussian &sigma; on P and Q (e.g. 0.005 = 0.5 %)
 * @param seed                seed of the synthesis (the same options give the same table, timings aside)
 */
public record BenchmarkOptions(List<String> feeders, List<Double> noiseVoltagePu, List<Integer> days,
                               int intervalMinutes, double noisePowerRelative, long seed) {
    public BenchmarkOptions {
        feeders = List.copyOf(feeders);
        noiseVoltagePu = List.copyOf(noiseVoltagePu);
        days = List.copyOf(days);
        if (feeders.isEmpty() || noiseVoltagePu.isEmpty() || days.isEmpty()) {
            throw new IllegalArgumentException("benchmark needs at least one feeder, noise level and data length");
        }
        for (double n : noiseVoltagePu) {
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("voltage noise must be finite and >= 0: " + n);
            }
        }
        for (int d : days) {
            if (d < 1) {
                throw new IllegalArgumentException("days must be >= 1: " + d);
            }
        }
        if (!(noisePowerRelative >= 0)) {
            throw new IllegalArgumentException("power noise must be >= 0");
        }
    }

    /** The default run: ieee13, ieee37 and ieee69, noise-free and at 1e-5 and 1e-4 p.u., 90 and 365 days hourly. */
    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(List.of("ieee13", "ieee37", "ieee69"), List.of(0.0, 1e-5, 1e-4), List.of(90, 365), 60, 0.0, 1L);
    }

    public BenchmarkOptions withFeeders(List<String> v) {
        return new BenchmarkOptions(v, noiseVoltagePu, days, intervalMinutes, noisePowerRelative, seed);
    }

    public BenchmarkOptions withNoiseVoltagePu(List<Double> v) {
        return new BenchmarkOptions(feeders, v, days, intervalMinutes, noisePowerRelative, seed);
    }

    public BenchmarkOptions withDays(List<Integer> v) {
        return new BenchmarkOptions(feeders, noiseVoltagePu, v, intervalMinutes, noisePowerRelative, seed);
    }

    public BenchmarkOptions withIntervalMinutes(int v) {
        return new BenchmarkOptions(feeders, noiseVoltagePu, days, v, noisePowerRelative, seed);
    }

    public BenchmarkOptions withNoisePowerRelative(double v) {
        return new BenchmarkOptions(feeders, noiseVoltagePu, days, intervalMinutes, v, seed);
    }

    public BenchmarkOptions withSeed(long v) {
        return new BenchmarkOptions(feeders, noiseVoltagePu, days, intervalMinutes, noisePowerRelative, v);
    }

    /** Number of cases (combinations). */
    public int caseCount() {
        return feeders.size() * noiseVoltagePu.size() * days.size();
    }
}

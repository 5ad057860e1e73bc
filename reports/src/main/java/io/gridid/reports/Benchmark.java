package io.gridid.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.ProgressListener;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The validation benchmark: for every feeder &times; voltage noise &times; data length, simulate
 * meter data with known truth ({@link MeterDataSynthesizer}), identify it with the pipeline,
 * and score the result against the feeder's branches exactly as an outside tool would
 * ({@link Scoring}). A case whose identification fails is kept in the table with its reason.
 */
public final class Benchmark {
    private final BenchmarkOptions options;
    private final IdentifyPipeline pipeline;

    public Benchmark(BenchmarkOptions options, IdentifyPipeline pipeline) {
        this.options = Objects.requireNonNull(options, "options");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * Runs every case in order (feeder, then noise, then days).
     *
     * @throws IllegalArgumentException for an unknown feeder name (checked before anything runs)
     */
    public BenchmarkTable run(ProgressListener progress) {
        List<Feeder> feeders = new ArrayList<>();
        for (String name : options.feeders()) {
            feeders.add(TestFeeders.load(name));
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        int total = options.caseCount();
        for (int f = 0; f < feeders.size(); f++) {
            for (double noise : options.noiseVoltagePu()) {
                for (int days : options.days()) {
                    rows.add(runCase(options.feeders().get(f), feeders.get(f), noise, days));
                    progress.stepDone(String.format(Locale.ROOT, "%s noise=%s days=%d", options.feeders().get(f),
                            noise, days), rows.size(), total);
                }
            }
        }
        return new BenchmarkTable(options, rows);
    }

    private BenchmarkRow runCase(String name, Feeder feeder, double noise, int days) {
        SynthesisOptions so = SynthesisOptions.defaults().withDays(days).withIntervalMinutes(options.intervalMinutes())
                .withSeed(options.seed()).withNoiseVoltagePu(noise).withNoisePowerRelative(options.noisePowerRelative());
        int buses = feeder.branches().size() + 1;
        long t0 = System.nanoTime();
        SimulatedData sim;
        try {
            sim = MeterDataSynthesizer.synthesize(feeder, so);
        } catch (GrididException e) {
            return failed(name, buses, noise, days, so.intervalCount(), (System.nanoTime() - t0) / 1e9, 0, 0,
                    "simulation: " + e.getMessage());
        }
        double simSeconds = (System.nanoTime() - t0) / 1e9;
        IdentificationResult result;
        try {
            result = pipeline.identify(sim.meters(), feeder.rootBus(), feeder.baseKv(), List.of());
        } catch (GrididException | RuntimeException e) {
            return failed(name, buses, noise, days, so.intervalCount(), simSeconds, Double.NaN, Double.NaN,
                    "identification: " + e.getMessage());
        }
        Score s;
        try {
            s = new Scoring().score(result.contractRows(), SimulationFiles.truthRows(feeder));
        } catch (GrididException e) {
            return failed(name, buses, noise, days, so.intervalCount(), simSeconds, Double.NaN, Double.NaN,
                    "scoring: " + e.getMessage());
        }
        double maxGap = Double.NaN;
        for (IdentifiedBranch b : result.branches()) {
            double g = b.relaxationGap();
            if (!Double.isNaN(g)) {
                maxGap = Double.isNaN(maxGap) ? g : Math.max(maxGap, g);
            }
        }
        return new BenchmarkRow(name, buses, noise, days, so.intervalCount(), s.precision(), s.recall(), s.f1(),
                s.rRelErrorMedian(), s.rRelErrorP90(), s.xRelErrorMedian(), s.xRelErrorP90(), maxGap, simSeconds,
                result.stageSeconds().getOrDefault(IdentifyPipeline.TOPOLOGY, Double.NaN),
                result.stageSeconds().getOrDefault(IdentifyPipeline.IMPEDANCE, Double.NaN), null);
    }

    private static BenchmarkRow failed(String name, int buses, double noise, int days, int intervals, double sim,
                                       double topo, double imp, String why) {
        double nan = Double.NaN;
        return new BenchmarkRow(name, buses, noise, days, intervals, nan, nan, nan, nan, nan, nan, nan, nan, sim,
                topo, imp, why == null ? "failed" : why.replaceAll("\\s+", " "));
    }

    /** The feeder's branches as {@code truth_branches.csv} rows. */
}

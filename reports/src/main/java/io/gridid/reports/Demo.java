package io.gridid.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole story on a fresh machine: simulate the IEEE 13-node feeder ({@link #DAYS} days of
 * hourly readings, voltage noise {@link #NOISE_V_PU} p.u., seed {@link #SEED}), identify it, and
 * report against the truth. Writes into one folder: {@code meters.csv}, {@code truth_branches.csv}
 * and {@code meta.json} (what {@code gridid simulate} writes), and {@code result/}
 * (what {@code gridid identify} writes, the report scored against the truth). The folder is
 * marked with {@link #MARKER} so the next demo may replace it; any other non-empty folder is
 * refused unless forced (see {@link OutputFolder}).
 */
public final class Demo {
    public static final String FEEDER = "ieee13";
    public static final int DAYS = 60;
    public static final int INTERVAL_MINUTES = 60;
    public static final double NOISE_V_PU = 1e-5;
    public static final long SEED = 7;
    /** Marks a folder as made by the demo. */
    public static final String MARKER = ".gridid-demo";

    /**
     * What the demo produced.
     *
     * @param feeder     the simulated feeder (the truth)
     * @param result     the identification, with the truth attached
     * @param score      the identification scored against the truth
     * @param resultDir  the result folder
     * @param reportHtml the HTML report
     */
    public record Outcome(Feeder feeder, IdentificationResult result, Score score, Path resultDir, Path reportHtml) {
    }

    private final IdentifyPipeline pipeline;

    public Demo(IdentifyPipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * @param dir    the demo folder (created)
     * @param force  write into a non-empty folder not made by the demo
     */
    public Outcome run(Path dir, boolean force) throws GrididException, IOException {
        OutputFolder.prepare(dir, force, MARKER);
        Feeder feeder = TestFeeders.load(FEEDER);
        SynthesisOptions so = SynthesisOptions.defaults().withDays(DAYS).withIntervalMinutes(INTERVAL_MINUTES)
                .withNoiseVoltagePu(NOISE_V_PU).withSeed(SEED);
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, so);
        SimulationFiles.write(dir, sim, FEEDER);
        List<BranchRow> truth = SimulationFiles.truthRows(feeder);
        IdentificationResult result = pipeline.identify(sim.meters(), feeder.rootBus(), feeder.baseKv(), List.of())
                .withTruth(truth);
        Path resultDir = dir.resolve("result");
        Files.createDirectories(resultDir);
        ResultFolder.write(resultDir, result);
        Score score = new Scoring().score(result.contractRows(), truth);
        return new Outcome(feeder, result, score, resultDir, resultDir.resolve(ResultFolder.REPORT_HTML));
    }
}

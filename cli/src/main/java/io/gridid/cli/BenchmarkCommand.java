package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.io.FileSet;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.ProgressListener;
import io.gridid.reports.Benchmark;
import io.gridid.reports.BenchmarkOptions;
import io.gridid.reports.BenchmarkTable;
import io.gridid.reports.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gridid benchmark}: simulate, identify and score every combination; one table. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Validation benchmark: for every feeder x voltage noise x data length, simulates meter data "
                + "with known truth, identifies the feeder and scores it (topology precision/recall/F1, median and "
                + "90th-percentile relative r and x error, relaxation gap, wall time per stage).",
                "Prints the table; with --out also writes DIR/benchmark.md and DIR/benchmark.json. "
                        + "Without options: ieee13, ieee37, ieee69 at noise 0, 1e-5 and 1e-4 p.u., 90 and 365 days hourly (about a minute)."})
final class BenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--feeders", split = ",", paramLabel = "NAME",
            description = "Feeders: ieee13, ieee37, ieee69, random:N[:SEED]; any with +caps=K for K capacitor banks. Default: ieee13,ieee37,ieee69.")
    List<String> feeders;

    @Option(names = "--noise-v", split = ",", paramLabel = "SIGMA",
            description = "Voltage noise levels, standard deviation in p.u. Default: 0,1e-5,1e-4.")
    List<Double> noiseV;

    @Option(names = "--days", split = ",", paramLabel = "DAYS", description = "Data lengths in days. Default: 90,365.")
    List<Integer> days;

    @Option(names = "--interval-min", paramLabel = "MIN", defaultValue = "60",
            description = "Meter interval, minutes. Default: ${DEFAULT-VALUE}.")
    int intervalMinutes;

    @Option(names = "--noise-pq", paramLabel = "REL", defaultValue = "0.005",
            description = "Relative noise on P and Q (0.005 = 0.5 %%). Default: ${DEFAULT-VALUE}.")
    double noiseP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Synthesis seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    PipelineOptions pipelineOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write DIR/benchmark.md and DIR/benchmark.json (created; must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = IdentifyCommand.FORCE_DESCRIPTION)
    boolean force;

    @Override
    public Integer call() throws GrididException, IOException {
        BenchmarkOptions o = BenchmarkOptions.defaults();
        try {
            if (feeders != null) {
                o = o.withFeeders(feeders);
            }
            if (noiseV != null) {
                o = o.withNoiseVoltagePu(noiseV);
            }
            if (days != null) {
                o = o.withDays(days);
            }
            if (intervalMinutes < 1 || 1440 % intervalMinutes != 0) {
                throw new IllegalArgumentException("--interval-min must divide a day (1440)");
            }
            o = o.withIntervalMinutes(intervalMinutes).withNoisePowerRelative(noiseP).withSeed(seed);
            for (String f : o.feeders()) {
                io.gridid.feeders.TestFeeders.load(f); // validate names before any long run
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException(e.getMessage());
        }
        IdentifyPipeline pipeline = new IdentifyPipeline(pipelineOptions.toOptions());
        if (out != null) {
            OutputFolder.check(out, force, null);
        }
        Benchmark benchmark = new Benchmark(o, pipeline);
        BenchmarkTable table;
        if (System.console() != null) {
            try (BarProgress progress = new BarProgress(spec.commandLine().getErr(), "benchmark",
                    "case 1 of " + o.caseCount(), "cases")) {
                table = benchmark.run(progress);
            }
        } else {
            table = benchmark.run(ProgressListener.NONE);
        }
        String md = table.toMarkdown();
        spec.commandLine().getOut().print(md);
        if (out != null) {
            String json = table.toJson();
            new FileSet().add("benchmark.md", w -> w.write(md)).add("benchmark.json", w -> w.write(json)).write(out);
            spec.commandLine().getOut().println("\nwrote " + out.resolve("benchmark.md") + " and benchmark.json");
        }
        return ExitCode.OK;
    }
}

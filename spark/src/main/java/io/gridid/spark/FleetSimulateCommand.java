package io.gridid.spark;

import io.gridid.feeders.FleetSimulation;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.model.GrididException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gridid-fleet simulate}: a synthetic fleet with its truth ({@link FleetSimulation}); needs no Spark. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a fleet of feeders with known truth (as gridid simulate does one).",
                "Writes DIR/feeders.csv, DIR/meters/feeder_id=<id>/meters.csv and DIR/truth.csv."})
final class FleetSimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "N", description = "Number of feeders.")
    int fleet;

    @Option(names = "--feeder", defaultValue = "ieee13", paramLabel = "FEEDER",
            description = "ieee13, ieee37, ieee69, random:N (each feeder its own tree) or random:N:SEED "
                    + "(default ${DEFAULT-VALUE}).")
    String feeder;

    @Option(names = "--days", defaultValue = "30", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--interval-min", defaultValue = "60", description = "Meter interval, minutes (default ${DEFAULT-VALUE}).")
    int intervalMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "Base seed: feeder k uses seed + k (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-v", defaultValue = "0", paramLabel = "SIGMA_PU",
            description = "Voltage-magnitude noise, p.u. (default ${DEFAULT-VALUE}).")
    double noiseV;

    @Option(names = "--noise-pq", defaultValue = "0", paramLabel = "REL",
            description = "Relative P and Q noise (default ${DEFAULT-VALUE}).")
    double noisePq;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if absent).")
    Path out;

    @Override
    public Integer call() throws GrididException, IOException {
        SynthesisOptions options = SynthesisOptions.defaults().withDays(days).withIntervalMinutes(intervalMinutes)
                .withSeed(seed).withNoiseVoltagePu(noiseV).withNoisePowerRelative(noisePq);
        PrintWriter err = spec.commandLine().getErr();
        int[] k = {0};
        FleetSimulation.write(out, fleet, feeder, options, id -> {
            err.printf("[%d/%d] %s%n", ++k[0], fleet, id);
            err.flush();
        });
        spec.commandLine().getOut().printf("simulated %d feeders (%s, %d days at %d min) in %s%n", fleet, feeder, days,
                intervalMinutes, out);
        return FleetMain.OK;
    }
}

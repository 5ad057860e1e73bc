package io.gridid.cli;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.feeders.UnmeteredBuses;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code gridid simulate}: synthetic smart-meter data on a test feeder, with its ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates smart-meter data on a test feeder, with known ground truth.",
                "Writes DIR/meters.csv, DIR/truth_branches.csv and DIR/meta.json.",
                "FEEDER is ieee13, ieee37, ieee69, random:N[:SEED] (any with +caps=K for K capacitor banks) or a feeder table file "
                        + "(CSV: @name, @base_kv, @root directives, then "
                        + "from_bus,to_bus,kind,r_ohm,x_ohm,conductor,length_km,p_kw,q_kvar[,cap_kvar])."})
final class SimulateCommand implements Callable<Integer> {
    /** The first and last instants a four-digit year in meters.csv can write (0000-01-01, 9999-12-31T23:59:59Z). */
    static final long FIRST_READABLE = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    static final long LAST_READABLE = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Spec
    CommandSpec spec;

    @Option(names = "--feeder", required = true, paramLabel = "FEEDER", description = "Feeder to simulate.")
    String feeder;

    @Option(names = "--days", defaultValue = "30", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--interval-min", defaultValue = "60",
            description = "Meter interval in minutes, dividing 1440 (default ${DEFAULT-VALUE}).")
    int intervalMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-v", defaultValue = "0", paramLabel = "SIGMA_PU",
            description = "Standard deviation of the voltage-magnitude error, p.u. (default ${DEFAULT-VALUE}).")
    double noiseV;

    @Option(names = "--noise-pq", defaultValue = "0", paramLabel = "REL",
            description = "Relative standard deviation of the P and Q errors, e.g. 0.005 (default ${DEFAULT-VALUE}).")
    double noisePq;

    @Option(names = "--quantize-v", defaultValue = "0", paramLabel = "VOLTS",
            description = "Meter voltage resolution in volts on a 240 V base, 0 = off (default ${DEFAULT-VALUE}).")
    double quantizeV;

    @Option(names = "--missing", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of (non-root) readings lost (default ${DEFAULT-VALUE}).")
    double missing;

    @Option(names = "--pv", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of buses with rooftop PV (default ${DEFAULT-VALUE}).")
    double pv;

    @Option(names = "--min-load-kw", defaultValue = "5",
            description = "Load given to buses without one in the feeder, kW (default ${DEFAULT-VALUE}).")
    double minLoadKw;

    @Option(names = "--load-variation", defaultValue = "0.15", paramLabel = "REL",
            description = "Standard deviation of each bus's own random load factor (independent between buses, "
                    + "2 h correlation), relative (default ${DEFAULT-VALUE}).")
    double loadVariation;

    @Option(names = "--start", paramLabel = "ISO_INSTANT",
            description = "First interval, e.g. 2026-01-01T00:00:00Z (default 2026-01-01T00:00:00Z).")
    String start;

    @Option(names = "--unmetered", paramLabel = "zero-load|SHARE",
            description = "Junctions without a meter: zero-load (every junction the feeder gives no load) or a share "
                    + "of all buses, drawn by the seed among the junctions; they draw nothing, are left out of "
                    + "meters.csv and kept in truth_branches.csv (default: every bus metered).")
    String unmetered;

    @Mixin
    OutputFolderOptions output;

    @Override
    public Integer call() throws GrididException, IOException {
        SynthesisOptions options;
        try {
            options = SynthesisOptions.defaults().withDays(days).withIntervalMinutes(intervalMinutes).withSeed(seed)
                    .withNoiseVoltagePu(noiseV).withNoisePowerRelative(noisePq).withQuantizeVolts(quantizeV)
                    .withMissingFraction(missing).withPvFraction(pv).withMinLoadMw(minLoadKw / 1000.0)
                    .withLoadVariation(loadVariation);
            if (start != null) {
                long first = Instant.parse(start).getEpochSecond();
                long last = first + (long) options.intervalCount() * options.intervalMinutes() * 60L;
                if (first < FIRST_READABLE || last > LAST_READABLE) {
                    throw new IllegalInputException("--start " + start + ": meters.csv timestamps must be within years"
                            + " 0000 to 9999 (the reader's four-digit years), through the last interval");
                }
                options = options.withStartEpochSecond(first);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException(e.getMessage());
        } catch (DateTimeParseException e) {
            throw new IllegalInputException("--start is not an ISO-8601 instant such as 2026-01-01T00:00:00Z: " + start);
        }
        UnmeteredBuses.Selection selection = null;
        if (unmetered != null) {
            try {
                selection = UnmeteredBuses.parse(unmetered, seed);
            } catch (IllegalArgumentException e) {
                throw new IllegalInputException(e.getMessage());
            }
        }
        output.check();
        Feeder f;
        try {
            f = TestFeeders.resolve(feeder);
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException(e.getMessage());
        }
        SimulatedData data = selection == null ? MeterDataSynthesizer.synthesize(f, options)
                : UnmeteredBuses.simulate(f, options, UnmeteredBuses.choose(f, selection));
        SimulationFiles.write(output.out, data, feeder);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("simulated %s: %d buses x %d intervals (%d-min), root %s, base %s kV%n", f.name(),
                data.meters().meterCount(), data.meters().intervalCount(), intervalMinutes, f.rootBus(), f.baseKv());
        if (selection != null) {
            w.printf("unmetered: %d junctions (in %s, not in %s)%n", f.tree().size() - data.meters().meterCount(),
                    SimulationFiles.TRUTH, SimulationFiles.METERS);
        }
        w.printf("wrote %s, %s, %s in %s%n", SimulationFiles.METERS, SimulationFiles.TRUTH, SimulationFiles.META, output.out);
        w.flush();
        return ExitCode.OK;
    }
}

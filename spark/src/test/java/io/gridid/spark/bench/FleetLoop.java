package io.gridid.spark.bench;

import io.gridid.feeders.FleetSimulation;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The fleet benchmark's "one JVM looping over the feeders": reads and identifies every feeder of a
 * {@code gridid-fleet simulate} fleet one after the other in this JVM, with the CLI's options
 * ({@code --stability 8}, stages parallel inside a feeder), and prints the wall time and feeders per
 * minute. Also the memory probe: with {@code 1} as the feeder count it identifies one feeder, so
 * running it under decreasing {@code -Xmx} finds the heap one feeder needs.
 *
 * <p>Arguments: {@code FLEET_DIR [FEEDERS [one-thread]]} (default: all feeders; {@code one-thread}: the
 * options of a Spark task, stages and reading on one thread). Run by {@code spark/bench/fleet-benchmark.sh}.
 */
public final class FleetLoop {
    private FleetLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path fleet = Path.of(args[0]);
        List<String> rows = Files.readAllLines(fleet.resolve(FleetSimulation.FEEDERS));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : rows.size() - 1;
        boolean oneThread = args.length > 2 && args[2].equals("one-thread");
        IdentifyOptions options = IdentifyOptions.defaults();
        options = options.withTopology(options.topology().withStabilityRuns(8)
                .withSearch(options.topology().search().withParallel(!oneThread)))
                .withImpedance(options.impedance().withParallel(!oneThread));
        long t0 = System.nanoTime();
        int branches = 0;
        for (String row : rows.subList(1, 1 + count)) {
            String[] c = row.split(",");
            Path meters = fleet.resolve(FleetSimulation.METERS_DIR).resolve("feeder_id=" + c[0]).resolve("meters.csv");
            double kv = Double.parseDouble(c[2]);
            MeterFile file = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(kv)
                    .withThreads(oneThread ? 1 : 0)).read(meters);
            IdentificationResult r = new IdentifyPipeline(options).identify(file.data(), c[1], kv, file.warnings());
            branches += r.branches().size();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "one JVM loop%s: %d feeders (%d branches) in %.1f s = %.1f feeders/min%n",
                oneThread ? " (one thread, as a Spark task)" : "", count,
                branches, s, count / s * 60);
    }
}

package io.gridid.benchmarks.simulation;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Timing of meter-data synthesis and of writing the simulation files (not a test). Cases:
 * ieee69, 365 days at 15 min (35,040 power flows); random:1000, 30 days hourly (720 power
 * flows on 1000 buses). Both with the noise of a realistic meter (1e-4 p.u., 0.5 % P/Q, 0.1 V
 * quantisation, 0.5 % missing, 20 % PV). Prints per run and the median over the repeats.
 *
 * <p>{@code java -cp <benchmarks classpath> io.gridid.benchmarks.simulation.SimulationBenchmark [REPEATS]}
 * (default 3; the classpath as in benchmarks/README.md).
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SynthesisOptions noisy = SynthesisOptions.defaults().withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)
                .withQuantizeVolts(0.1).withMissingFraction(0.005).withPvFraction(0.2);
        run("ieee69", noisy.withDays(365).withIntervalMinutes(15), repeats);
        run("random:1000", noisy.withDays(30).withIntervalMinutes(60), repeats);
    }

    private static void run(String name, SynthesisOptions options, int repeats) throws Exception {
        double[] build = new double[repeats];
        double[] synth = new double[repeats];
        double[] write = new double[repeats];
        double[] mbPerS = new double[repeats];
        long bytes = 0;
        Feeder feeder = null;
        for (int r = 0; r < repeats; r++) {
            long tb = System.nanoTime();
            feeder = TestFeeders.load(name);
            long t0 = System.nanoTime();
            build[r] = (t0 - tb) / 1e9;
            SimulatedData data = MeterDataSynthesizer.synthesize(feeder, options);
            long t1 = System.nanoTime();
            Path dir = Files.createTempDirectory("gridid-bench");
            try {
                SimulationFiles.write(dir, data, name);
                long t2 = System.nanoTime();
                bytes = 0;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        bytes += Files.size(p);
                    }
                }
                synth[r] = (t1 - t0) / 1e9;
                write[r] = (t2 - t1) / 1e9;
                mbPerS[r] = bytes / 1e6 / write[r];
                System.out.printf(Locale.ROOT, "%s run %d: feeder %.2f s, synthesis %.2f s, write %.2f s, %.1f MB, %.1f MB/s%n", name,
                        r + 1, build[r], synth[r], write[r], bytes / 1e6, mbPerS[r]);
            } finally {
                deleteTree(dir);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d buses x %d intervals: median feeder build %.2f s, median synthesis %.2f s (%.0f power flows/s), "
                        + "median write %.2f s, %.1f MB, median %.1f MB/s%n", name, feeder.tree().size(),
                options.intervalCount(), median(build), median(synth), options.intervalCount() / median(synth), median(write),
                bytes / 1e6, median(mbPerS));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package io.gridid.benchmarks.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.solvers.fit.FitNorm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times stage 2 in-process (not a test). Usage: {@code SpeedBenchmark [FEEDER [DAYS [REPEATS]]]},
 * default ieee69, 365 (hourly: 8760 intervals), 7; {@code -Dlibrary=true} adds runs with the
 * built-in conductor library. Prints the median and minimum wall time per
 * configuration, after two warm-up runs each (JIT). Data: synthesised with sigma_v = 1e-4 p.u.
 * and 0.5 % P/Q noise (the cutting-plane count depends on the noise).
 */
public final class SpeedBenchmark {
    private SpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "ieee69";
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Feeder feeder = TestFeeders.load(name);
        MeterData data = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        int intervals = data.intervalCount();
        System.out.printf(Locale.ROOT, "stage 2 on %s (%d branches) x %d intervals, %d cores%n", name,
                feeder.branches().size(), intervals, Runtime.getRuntime().availableProcessors());
        System.out.println("| fit | library | parallel | median s | min s |");
        System.out.println("|---|---|---|---|---|");
        boolean[] libraryModes = Boolean.getBoolean("library") ? new boolean[]{false, true} : new boolean[]{false};
        for (FitNorm norm : AccuracyRunner.norms()) {
            for (boolean library : libraryModes) {
                for (boolean parallel : new boolean[]{false, true}) {
                    ImpedanceOptions o = ImpedanceOptions.defaults().withNorm(norm).withParallel(parallel)
                            .withConductors(library ? ConductorLibrary.builtIn().types() : List.of());
                    ImpedanceEstimator est = new ImpedanceEstimator(o);
                    est.estimate(data, feeder.tree());
                    est.estimate(data, feeder.tree());
                    double[] s = new double[repeats];
                    for (int i = 0; i < repeats; i++) {
                        long t0 = System.nanoTime();
                        est.estimate(data, feeder.tree());
                        s[i] = (System.nanoTime() - t0) / 1e9;
                    }
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f |%n", norm, library ? "built-in" : "none",
                            parallel, s[repeats / 2], s[0]);
                }
            }
        }
    }
}

package io.gridid.benchmarks.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.pipeline.GrididStages;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.LikelihoodSearchOptions;
import io.gridid.topology.Topology;

import java.util.Locale;

/**
 * Stage 1's correct edges before and after the likelihood search (a measurement, not a test):
 * {@code LikelihoodSearchAccuracy FEEDERS DAYS SIGMAS SEEDS [MIN_GAIN]}, e.g.
 * {@code ieee69 90,365 1e-5,1e-4 1,2,3}. Hourly data, 0.5 % P/Q noise (the accuracy table's
 * setting). Prints one markdown row per case: correct edges of stage 1, after the search, the
 * buses moved and the search's wall time. Correct edges as in the topology accuracy table: the
 * branches shared with the truth, direction ignored.
 */
public final class LikelihoodSearchAccuracy {
    private LikelihoodSearchAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        double gain = args.length > 4 ? Double.parseDouble(args[4]) : LikelihoodSearchOptions.DEFAULT_MIN_GAIN;
        LikelihoodSearchOptions search = LikelihoodSearchOptions.defaults().withMinGain(gain);
        IdentifyOptions options = IdentifyOptions.defaults();
        System.out.println("| feeder | days | sigma_v | seed | edges | stage 1 correct | after search | moved | search s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String name : args[0].split(",")) {
            Feeder feeder = TestFeeders.load(name);
            RadialTree truth = feeder.tree();
            for (String days : args[1].split(",")) {
                for (String sigma : args[2].split(",")) {
                    for (String seed : args[3].split(",")) {
                        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults()
                                .withDays(Integer.parseInt(days)).withIntervalMinutes(60).withSeed(Long.parseLong(seed))
                                .withNoiseVoltagePu(Double.parseDouble(sigma)).withNoisePowerRelative(0.005)).meters();
                        Topology found = GrididStages.topology(options).identify(meters, feeder.rootBus());
                        long t0 = System.nanoTime();
                        Topology finished = GrididStages.finish(found, meters, options.impedance(), search);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        int moved = 0;
                        for (String bus : truth.topDown()) {
                            if (!bus.equals(truth.root()) && !found.tree().parentOf(bus).equals(finished.tree().parentOf(bus))) {
                                moved++;
                            }
                        }
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %d | %.1f |%n", name, days, sigma,
                                seed, truth.size() - 1, found.tree().sharedEdges(truth), finished.tree().sharedEdges(truth),
                                moved, seconds);
                    }
                }
            }
        }
    }
}

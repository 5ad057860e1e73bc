package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.io.AtomicFile;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A synthetic fleet of feeders with known truth, in the data contract's fleet layout:
 * <ul>
 *   <li>{@value #FEEDERS}: {@code feeder_id,root,base_kv}, one row per feeder;</li>
 *   <li>{@value #METERS_DIR}{@code /feeder_id=<id>/meters.csv}: each feeder's readings
 *       ({@link MeterCsvWriter}, Hive-style folders);</li>
 *   <li>{@value #TRUTH}: {@code feeder_id} and then the columns of {@link SimulationFiles#TRUTH},
 *       every feeder's true branches.</li>
 * </ul>
 * Feeder {@code k} (1-based) is named {@code F} and {@code k} zero-padded to the width of the
 * count, and simulated with seed {@code options.seed() + k}; a {@code random:N} spec without its
 * own seed gives every feeder its own tree ({@code random:N:(seed + k)}), any other spec the same
 * feeder with different readings. Each file is written atomically. Deterministic given the options.
 */
public final class FleetSimulation {
    public static final String FEEDERS = "feeders.csv";
    public static final String TRUTH = "truth.csv";
    public static final String METERS_DIR = "meters";
    /** The partition column of the fleet layout. */
    public static final String FEEDER_ID = "feeder_id";

    private FleetSimulation() {
    }

    /** What one fleet member is: its id and how its feeder is named for {@link TestFeeders#resolve}. */
    public record Member(String feederId, String feederSpec, long seed) {
        public Member {
            Objects.requireNonNull(feederId, "feederId");
            Objects.requireNonNull(feederSpec, "feederSpec");
        }
    }

    /**
     * The fleet's members, without simulating anything.
     *
     * @param count      feeders, &ge; 1
     * @param feederSpec ieee13, ieee37, ieee69, random:N[:SEED] or a feeder table file
     * @param seed       base seed (feeder k uses seed + k)
     */
    public static List<Member> members(int count, String feederSpec, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a fleet needs at least one feeder, not " + count);
        }
        Objects.requireNonNull(feederSpec, "feederSpec");
        boolean ownTrees = feederSpec.startsWith("random:") && feederSpec.split(":").length == 2;
        int width = Integer.toString(count).length();
        List<Member> members = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            String id = String.format(Locale.ROOT, "F%0" + width + "d", k);
            String spec = ownTrees ? feederSpec + ":" + (seed + k) : feederSpec;
            members.add(new Member(id, spec, seed + k));
        }
        return members;
    }

    /**
     * Simulates and writes the fleet.
     *
     * @param dir        target folder (created if absent)
     * @param count      feeders, &ge; 1
     * @param feederSpec as for {@link #members}
     * @param options    synthesis options; their seed is the fleet's base seed
     * @param progress   told each feeder's id once it is written
     * @throws InvalidInputException the feeder spec names no feeder
     * @throws GrididException       a power flow diverges
     */
    public static void write(Path dir, int count, String feederSpec, SynthesisOptions options,
                             Consumer<String> progress) throws GrididException, IOException {
        List<Member> members = members(count, feederSpec, options.seed());
        Files.createDirectories(dir.resolve(METERS_DIR));
        StringBuilder feeders = new StringBuilder(FEEDER_ID + ",root,base_kv\n");
        StringBuilder truth = new StringBuilder(FEEDER_ID + ",from_bus,to_bus,r_ohm,x_ohm,"
                + String.join(",", SimulationFiles.TRUTH_COLUMNS) + "\n");
        for (Member m : members) {
            Feeder f = TestFeeders.resolve(m.feederSpec());
            SimulatedData data = MeterDataSynthesizer.synthesize(f, options.withSeed(m.seed()));
            Path folder = dir.resolve(METERS_DIR).resolve(FEEDER_ID + "=" + m.feederId());
            Files.createDirectories(folder);
            MeterCsvWriter.write(folder.resolve(SimulationFiles.METERS), data.meters(), f.baseKv());
            feeders.append(m.feederId()).append(',').append(f.rootBus()).append(',')
                    .append(Double.toString(f.baseKv())).append('\n');
            for (BranchRow b : SimulationFiles.truthRows(f)) {
                truth.append(m.feederId()).append(',').append(b.fromBus()).append(',').append(b.toBus()).append(',')
                        .append(Double.toString(b.rOhm())).append(',').append(Double.toString(b.xOhm()));
                for (String c : SimulationFiles.TRUTH_COLUMNS) {
                    truth.append(',').append(b.extra().getOrDefault(c, ""));
                }
                truth.append('\n');
            }
            progress.accept(m.feederId());
        }
        AtomicFile.write(dir.resolve(FEEDERS), out -> out.write(feeders.toString()));
        AtomicFile.write(dir.resolve(TRUTH), out -> out.write(truth.toString()));
    }
}

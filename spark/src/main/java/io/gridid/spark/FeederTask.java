package io.gridid.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One feeder's work, as the driver hands it to a Spark task.
 *
 * @param feederId   the feeder's id (its {@code feeder_id=} folder)
 * @param root       the root meter id from the feeders table (null when the feeder is not in it)
 * @param baseKv     nominal line-to-line kV from the feeders table (NaN when unknown)
 * @param meterFiles the feeder's meter files as URIs, in name order
 * @param fileNames  the same files as the user named them (for messages), in the same order
 * @param truth      the feeder's true branches (empty: no truth given)
 * @param settings   the feeder's identify options from the feeders table
 * @param problem    a reason found before any file was read, one line (null: none)
 */
public record FeederTask(String feederId, String root, double baseKv, List<String> meterFiles, List<String> fileNames,
                         List<TruthBranch> truth, FeederSettings settings, String problem) implements Serializable {
    public FeederTask {
        Objects.requireNonNull(feederId, "feederId");
        Objects.requireNonNull(settings, "settings");
        meterFiles = List.copyOf(meterFiles);
        fileNames = List.copyOf(fileNames);
        truth = List.copyOf(truth);
        if (meterFiles.size() != fileNames.size()) {
            throw new IllegalArgumentException("one name per meter file");
        }
    }

    /** A feeder that is known to be bad before any file is read. */
    static FeederTask rejected(String feederId, String problem) {
        return new FeederTask(feederId, null, Double.NaN, List.of(), List.of(), List.of(),
                FeederSettings.defaults(), Objects.requireNonNull(problem, "problem"));
    }
}

package io.gridid.spark;

import java.util.Objects;

/**
 * What a fleet run reads and writes. Paths are Hadoop paths (a local path, {@code file:},
 * {@code hdfs:}, {@code s3a:} ...), kept as the user gave them for messages.
 *
 * @param feeders       the feeders table ({@code feeder_id,root,base_kv})
 * @param meters        the folder of {@code feeder_id=<id>} folders of meter files
 * @param out           the output folder (absent or empty)
 * @param format        of the output tables
 * @param truth         a truth table ({@code feeder_id,from_bus,to_bus,r_ohm,x_ohm}) to score against, or null
 * @param partitions    Spark partitions of the feeders; 0 = one per feeder (default)
 * @param stabilityRuns the CLI's {@code --stability}: edge confidence over N random halves (default 0: stage 1's own)
 */
public record FleetOptions(String feeders, String meters, String out, Format format, String truth, int partitions,
                           int stabilityRuns) {
    /** The CLI's default for {@code --stability}. */
    public static final int DEFAULT_STABILITY_RUNS = 0;

    /** The output tables' file format. */
    public enum Format {
        PARQUET, CSV;

        /** Spark's name of the format. */
        String sparkName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FleetOptions {
        Objects.requireNonNull(feeders, "feeders");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be 0 (one per feeder) or positive, not " + partitions);
        }
        if (stabilityRuns < 0) {
            throw new IllegalArgumentException("stability runs must be >= 0, not " + stabilityRuns);
        }
    }

    /** Parquet output, no truth, one partition per feeder, the CLI's stability runs. */
    public static FleetOptions of(String feeders, String meters, String out) {
        return new FleetOptions(feeders, meters, out, Format.PARQUET, null, 0, DEFAULT_STABILITY_RUNS);
    }

    public FleetOptions withFormat(Format value) {
        return new FleetOptions(feeders, meters, out, value, truth, partitions, stabilityRuns);
    }

    public FleetOptions withTruth(String value) {
        return new FleetOptions(feeders, meters, out, format, value, partitions, stabilityRuns);
    }

    public FleetOptions withPartitions(int value) {
        return new FleetOptions(feeders, meters, out, format, truth, value, stabilityRuns);
    }

    public FleetOptions withStabilityRuns(int value) {
        return new FleetOptions(feeders, meters, out, format, truth, partitions, value);
    }
}

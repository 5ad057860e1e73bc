package io.gridid.spark;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one task made of one feeder: its {@code status} row's fields and, when identified, its
 * rows of the {@code branches} and {@code topology} tables ({@link FleetTables} schemas).
 *
 * @param feederId       the feeder
 * @param status         how it ended
 * @param message        the one line the CLI would print ("" when ok)
 * @param buses          meters read (null when the files could not be read)
 * @param intervals      intervals read (null when the files could not be read)
 * @param seconds        wall time of reading and identifying, s
 * @param branchCount    branches identified
 * @param meanConfidence mean topology confidence of the branches (null unless ok)
 * @param minConfidence  lowest topology confidence of a branch (null unless ok)
 * @param warnings       warnings of reading and identifying
 * @param f1             topology F1 against the truth (null without truth or result)
 * @param warningCodes   the warnings' distinct codes ({@code io.gridid.model.WarningCode} names) in order of
 *                       first appearance, separated by ";" ("" without warnings)
 * @param branches       rows of {@link FleetTables#BRANCHES} (empty in a summary copy)
 * @param topology       rows of {@link FleetTables#TOPOLOGY} (empty in a summary copy)
 */
public record FeederOutcome(String feederId, FeederStatus status, String message, Integer buses, Integer intervals,
                            double seconds, int branchCount, Double meanConfidence, Double minConfidence, int warnings,
                            Double f1, String warningCodes, List<Row> branches, List<Row> topology)
        implements Serializable {
    public FeederOutcome {
        Objects.requireNonNull(feederId, "feederId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(warningCodes, "warningCodes");
        branches = List.copyOf(branches);
        topology = List.copyOf(topology);
    }

    /** A feeder that ended without a result. */
    static FeederOutcome failed(String feederId, FeederStatus status, String message, Integer buses,
                                Integer intervals, double seconds) {
        return new FeederOutcome(feederId, status, message, buses, intervals, seconds, 0, null, null, 0, null, "",
                List.of(), List.of());
    }

    /** The same outcome without its table rows (what the driver collects and the progress shows). */
    FeederOutcome summary() {
        return new FeederOutcome(feederId, status, message, buses, intervals, seconds, branchCount, meanConfidence,
                minConfidence, warnings, f1, warningCodes, List.of(), List.of());
    }
}

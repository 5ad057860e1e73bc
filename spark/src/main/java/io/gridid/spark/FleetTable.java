package io.gridid.spark;

import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet's feeders table: {@code feeder_id,root,base_kv} (header required, names matched
 * case-insensitively, in any order, extra columns ignored), one row per feeder, and optionally
 * each feeder's identify options ({@link FeederSettings}). A problem with the table itself is one
 * line {@code FILE:LINE: reason} that stops the job: an empty field of the three, a base kV that is
 * not a positive number, a feeder listed twice. A bad option value is the feeder's own problem: its
 * row is kept with the line, and only that feeder fails.
 */
final class FleetTable {
    static final List<String> COLUMNS = List.of(FleetTables.FEEDER_ID, "root", "base_kv");

    /**
     * One row: the feeder, its root meter, its nominal line-to-line kV, its line in the table, its
     * options, and the one line {@code FILE:LINE: reason} of a bad option value (null: none).
     */
    record Feeder(String feederId, String root, double baseKv, long line, FeederSettings settings, String problem)
            implements Serializable {
        Feeder {
            Objects.requireNonNull(feederId, "feederId");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(settings, "settings");
        }

        /** A feeder with the CLI's default options. */
        Feeder(String feederId, String root, double baseKv, long line) {
            this(feederId, root, baseKv, line, FeederSettings.defaults(), null);
        }

        Feeder withSettings(FeederSettings value) {
            return new Feeder(feederId, root, baseKv, line, value, problem);
        }

        Feeder withProblem(String value) {
            return new Feeder(feederId, root, baseKv, line, settings, value);
        }
    }

    private FleetTable() {
    }

    /** The feeders in file order. */
    static List<Feeder> read(String name, InputStream in) throws IOException, InvalidInputException {
        FleetCsv csv = FleetCsv.read(name, in, COLUMNS);
        List<Feeder> feeders = new ArrayList<>(csv.size());
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < csv.size(); i++) {
            String id = csv.text(i, FleetTables.FEEDER_ID);
            Long before = seen.put(id, csv.line(i));
            if (before != null) {
                throw new InvalidInputException(name, csv.line(i), "feeder " + id + " again (first on line " + before + ")");
            }
            double kv = csv.number(i, "base_kv");
            if (!(kv > 0 && kv < Double.POSITIVE_INFINITY)) {
                throw new InvalidInputException(name, csv.line(i), "base_kv must be a positive number of kV, not "
                        + csv.text(i, "base_kv"));
            }
            Feeder f = new Feeder(id, csv.text(i, "root"), kv, csv.line(i));
            try {
                f = f.withSettings(FeederSettings.read(csv, i));
            } catch (InvalidInputException e) {
                f = f.withProblem(e.getMessage());
            }
            feeders.add(f);
        }
        if (feeders.isEmpty()) {
            throw new InvalidInputException(name, 0, "no feeders listed");
        }
        return feeders;
    }
}

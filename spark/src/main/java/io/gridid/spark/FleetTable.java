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
 * case-insensitively, in any order, extra columns ignored), one row per feeder. Every problem is
 * one line {@code FILE:LINE: reason}: an empty field, a base kV that is not a positive number,
 * a feeder listed twice.
 */
final class FleetTable {
    static final List<String> COLUMNS = List.of(FleetTables.FEEDER_ID, "root", "base_kv");

    /** One row: the feeder, its root meter and its nominal line-to-line kV. */
    record Feeder(String feederId, String root, double baseKv) implements Serializable {
        Feeder {
            Objects.requireNonNull(feederId, "feederId");
            Objects.requireNonNull(root, "root");
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
            feeders.add(new Feeder(id, csv.text(i, "root"), kv));
        }
        if (feeders.isEmpty()) {
            throw new InvalidInputException(name, 0, "no feeders listed");
        }
        return feeders;
    }
}

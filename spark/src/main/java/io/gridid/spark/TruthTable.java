package io.gridid.spark;

import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet's ground truth: {@code feeder_id} and the data contract's branch columns
 * {@code from_bus,to_bus,r_ohm,x_ohm} (further columns ignored), as {@code gridid-fleet simulate}
 * writes it. Every problem is one line {@code FILE:LINE: reason}.
 */
final class TruthTable {
    static final List<String> COLUMNS = List.of(FleetTables.FEEDER_ID, "from_bus", "to_bus", "r_ohm", "x_ohm");

    private TruthTable() {
    }

    /** Each feeder's true branches, feeders in order of first appearance. */
    static Map<String, List<TruthBranch>> read(String name, InputStream in) throws IOException, InvalidInputException {
        FleetCsv csv = FleetCsv.read(name, in, COLUMNS);
        Map<String, List<TruthBranch>> truth = new LinkedHashMap<>();
        for (int i = 0; i < csv.size(); i++) {
            truth.computeIfAbsent(csv.text(i, FleetTables.FEEDER_ID), k -> new ArrayList<>())
                    .add(new TruthBranch(csv.text(i, "from_bus"), csv.text(i, "to_bus"), csv.number(i, "r_ohm"),
                            csv.number(i, "x_ohm")));
        }
        return truth;
    }
}

package io.gridid.model.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@code branches.csv} file (data contract v1): the four contract columns plus
 * free further columns by name, kept as text in file order.
 *
 * @param fromBus  end nearer the root
 * @param toBus    end farther from the root
 * @param rOhm     series resistance, ohm per phase (NaN where a file leaves it empty)
 * @param xOhm     series reactance, ohm per phase
 * @param extra    further columns, name &rarr; text (copied, unmodifiable)
 */
public record BranchRow(String fromBus, String toBus, double rOhm, double xOhm, Map<String, String> extra) {
    public BranchRow {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public BranchRow(String fromBus, String toBus, double rOhm, double xOhm) {
        this(fromBus, toBus, rOhm, xOhm, Map.of());
    }
}

package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;

import java.util.List;
import java.util.Objects;

/**
 * What {@link MeterCsvReader} read from one {@code meters.csv}.
 *
 * @param data           the aligned readings (kV, MW, Mvar; intervals = sorted union of the file's
 *                       timestamps; meters in order of first appearance)
 * @param voltageColumn  {@code "v_pu"} or {@code "v_kv"}, the column the voltages came from
 * @param rows           number of data rows read (blank lines not counted)
 * @param warnings       things worth a look that are not errors, one line each, typed (copied, unmodifiable)
 */
public record MeterFile(MeterData data, String voltageColumn, long rows, List<Warning> warnings) {
    public MeterFile {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(voltageColumn, "voltageColumn");
        warnings = List.copyOf(warnings);
    }
}

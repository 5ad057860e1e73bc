package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.Units;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes {@code meters.csv} per the data contract (long format, one row per meter per
 * interval, ordered by interval then meter): {@code timestamp,meter_id,v_pu,p_kw,q_kvar}.
 * Converts from the internal kV/MW/Mvar at this edge. Missing readings are empty fields.
 * Atomic (see {@link AtomicFile}). Meter ids must not contain commas, quotes or line breaks
 * (the contract's rule), which is checked.
 */
public final class MeterCsvWriter {
    public static final String HEADER = "timestamp,meter_id,v_pu,p_kw,q_kvar";

    private MeterCsvWriter() {
    }

    /**
     * @param data    readings (kV, MW, Mvar)
     * @param baseKv  nominal line-to-line voltage, kV: v_pu = v_kv / baseKv
     */
    public static void write(Path file, MeterData data, double baseKv) throws IOException {
        AtomicFile.write(file, content(data, baseKv));
    }

    /** The same file's content, for a writer of a whole file set ({@link FileSet}). */
    public static AtomicFile.Content content(MeterData data, double baseKv) {
        if (!(baseKv > 0)) {
            throw new IllegalArgumentException("baseKv must be positive");
        }
        for (String id : data.meterIds()) {
            if (id.isEmpty() || id.indexOf(',') >= 0 || id.indexOf('"') >= 0 || id.indexOf('\n') >= 0
                    || id.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("meter id not allowed by the data contract: '" + id + "'");
            }
        }
        int n = data.meterCount();
        return out -> {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(96);
            for (int t = 0; t < data.intervalCount(); t++) {
                String ts = Instant.ofEpochSecond(data.epochSecond(t)).toString();
                for (int m = 0; m < n; m++) {
                    line.setLength(0);
                    line.append(ts).append(',').append(data.meterIds().get(m)).append(',')
                            .append(NumberText.of(Units.kvToPu(data.vKv(m, t), baseKv))).append(',')
                            .append(NumberText.of(Units.mwToKw(data.pMw(m, t)))).append(',')
                            .append(NumberText.of(Units.mwToKw(data.qMvar(m, t)))).append('\n');
                    out.append(line);
                }
            }
        };
    }
}

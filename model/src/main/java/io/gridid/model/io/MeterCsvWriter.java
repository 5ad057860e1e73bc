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
 * Atomic (see {@link AtomicFile}). Each number is the round-trip text of a double that reads back
 * through {@link MeterCsvReader} to the very same double whenever one exists (for data that came
 * from a CSV file it always does), so write-then-read is bit-exact. Meter ids must not contain commas, quotes or line breaks
 * (the contract's rule), which is checked.
 */
public final class MeterCsvWriter {
    public static final String HEADER = "timestamp,meter_id,v_pu,p_kw,q_kvar";

    private MeterCsvWriter() {
    }

    /** How many neighbouring doubles to try for a text that reads back exactly. */
    private static final int ROUND_TRIP_STEPS = 3;

    /**
     * kW (or kvar) text for a value in MW (Mvar): the value {@code x * 1000}, or a neighbouring
     * double when that one reads back ({@link Units#kwToMw}) to exactly {@code x}, so that
     * reading what was written gives the same bits wherever such a text exists.
     */
    static String kiloText(double mw) {
        double kw = Units.mwToKw(mw);
        if (Double.isNaN(mw) || Double.isInfinite(kw) || Units.kwToMw(kw) == mw) {
            return NumberText.of(kw);
        }
        double up = kw;
        double down = kw;
        for (int k = 0; k < ROUND_TRIP_STEPS; k++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            if (Units.kwToMw(up) == mw) {
                return NumberText.of(up);
            }
            if (Units.kwToMw(down) == mw) {
                return NumberText.of(down);
            }
        }
        return NumberText.of(kw);
    }

    /** Per-unit text for kV, chosen like {@link #kiloText} so that {@link Units#puToKv} gives back the same bits. */
    static String perUnitText(double kv, double baseKv) {
        double pu = Units.kvToPu(kv, baseKv);
        if (Double.isNaN(kv) || Units.puToKv(pu, baseKv) == kv) {
            return NumberText.of(pu);
        }
        double up = pu;
        double down = pu;
        for (int k = 0; k < ROUND_TRIP_STEPS; k++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            if (Units.puToKv(up, baseKv) == kv) {
                return NumberText.of(up);
            }
            if (Units.puToKv(down, baseKv) == kv) {
                return NumberText.of(down);
            }
        }
        return NumberText.of(pu);
    }

    /**
     * @param data    readings (kV, MW, Mvar)
     * @param baseKv  nominal line-to-line voltage, kV: v_pu = v_kv / baseKv
     */
    public static void write(Path file, MeterData data, double baseKv) throws IOException {
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
        AtomicFile.write(file, out -> {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(96);
            for (int t = 0; t < data.intervalCount(); t++) {
                String ts = Instant.ofEpochSecond(data.epochSecond(t)).toString();
                for (int m = 0; m < n; m++) {
                    line.setLength(0);
                    line.append(ts).append(',').append(data.meterIds().get(m)).append(',')
                            .append(perUnitText(data.vKv(m, t), baseKv)).append(',')
                            .append(kiloText(data.pMw(m, t))).append(',')
                            .append(kiloText(data.qMvar(m, t))).append('\n');
                    out.append(line);
                }
            }
        });
    }
}

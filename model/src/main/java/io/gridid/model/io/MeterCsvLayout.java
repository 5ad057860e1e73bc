package io.gridid.model.io;

import io.gridid.model.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the contract's columns sit in a {@code meters.csv} header. Names are matched
 * case-insensitively after trimming surrounding spaces; other columns are ignored; a contract
 * column named twice, a missing column, or both {@code v_pu} and {@code v_kv} are rejected.
 */
final class MeterCsvLayout {
    static final String TIMESTAMP = "timestamp";
    static final String METER_ID = "meter_id";
    static final String V_PU = "v_pu";
    static final String V_KV = "v_kv";
    static final String P_KW = "p_kw";
    static final String Q_KVAR = "q_kvar";

    final int fieldCount;
    final int timestamp;
    final int meterId;
    final int voltage;
    final int activePower;
    final int reactivePower;
    /** True when the voltage column is {@code v_pu}, false for {@code v_kv}. */
    final boolean perUnit;
    final List<String> names;

    private MeterCsvLayout(List<String> names, int timestamp, int meterId, int voltage, int activePower,
                           int reactivePower, boolean perUnit) {
        this.names = List.copyOf(names);
        this.fieldCount = names.size();
        this.timestamp = timestamp;
        this.meterId = meterId;
        this.voltage = voltage;
        this.activePower = activePower;
        this.reactivePower = reactivePower;
        this.perUnit = perUnit;
    }

    /** The voltage column's name as the contract spells it. */
    String voltageColumn() {
        return perUnit ? V_PU : V_KV;
    }

    /** Contract name of a field index, or the header's own name for an ignored column. */
    String nameOf(int field) {
        if (field == voltage) {
            return voltageColumn();
        } else if (field == activePower) {
            return P_KW;
        } else if (field == reactivePower) {
            return Q_KVAR;
        } else if (field == timestamp) {
            return TIMESTAMP;
        } else if (field == meterId) {
            return METER_ID;
        }
        return names.get(field);
    }

    /**
     * @param header raw header fields
     * @param file   file name for messages
     * @param line   the header's physical line
     */
    static MeterCsvLayout of(List<String> header, String file, long line) throws InvalidInputException {
        String[] wanted = {TIMESTAMP, METER_ID, V_PU, V_KV, P_KW, Q_KVAR};
        int[] at = {-1, -1, -1, -1, -1, -1};
        List<String> trimmed = new ArrayList<>(header.size());
        for (int f = 0; f < header.size(); f++) {
            String name = header.get(f).strip().toLowerCase(Locale.ROOT);
            trimmed.add(name);
            for (int w = 0; w < wanted.length; w++) {
                if (wanted[w].equals(name)) {
                    if (at[w] >= 0) {
                        throw new InvalidInputException(file, line, "column " + wanted[w] + " appears twice (columns "
                                + (at[w] + 1) + " and " + (f + 1) + ")");
                    }
                    at[w] = f;
                }
            }
        }
        if (at[2] >= 0 && at[3] >= 0) {
            throw new InvalidInputException(file, line, "both v_pu and v_kv columns given; keep one");
        }
        List<String> missing = new ArrayList<>();
        if (at[0] < 0) {
            missing.add(TIMESTAMP);
        }
        if (at[1] < 0) {
            missing.add(METER_ID);
        }
        if (at[2] < 0 && at[3] < 0) {
            missing.add("v_pu or v_kv");
        }
        if (at[4] < 0) {
            missing.add(P_KW);
        }
        if (at[5] < 0) {
            missing.add(Q_KVAR);
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(file, line, (missing.size() == 1 ? "missing column " : "missing columns ")
                    + String.join(", ", missing) + "; the header needs timestamp, meter_id, v_pu or v_kv, p_kw, q_kvar");
        }
        boolean perUnit = at[2] >= 0;
        return new MeterCsvLayout(trimmed, at[0], at[1], perUnit ? at[2] : at[3], at[4], at[5], perUnit);
    }
}

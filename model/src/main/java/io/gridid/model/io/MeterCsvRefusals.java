package io.gridid.model.io;

import io.gridid.model.InvalidInputException;

/**
 * The one-line refusals of a {@code meters.csv} row that both parsers (the plain fast path and
 * Commons CSV) give in the same words: {@code FILE:LINE: reason}.
 */
final class MeterCsvRefusals {
    private MeterCsvRefusals() {
    }

    /** A field that is not a number (or is infinite), in the column named {@code column}. */
    static InvalidInputException badNumber(String file, long line, String column, String text,
                                           DecimalParser.Status status) {
        String shown = text.strip();
        if (status == DecimalParser.Status.INFINITE) {
            return new InvalidInputException(file, line, column + " = " + shown + " is not a finite number");
        }
        String hint = "";
        if (shown.matches("[+-]?[0-9]*,[0-9]+")) {
            hint = " (decimal comma? write a decimal point)";
        }
        return new InvalidInputException(file, line, "unparsable number '" + shown + "' in " + column + hint);
    }

    /** A timestamp in none of the contract's forms. */
    static InvalidInputException badTimestamp(String file, long line, String text) {
        return new InvalidInputException(file, line, "unparsable timestamp '" + text.strip()
                + "'; use e.g. 2026-01-01T00:15:00Z, 2026-01-01T00:15:00+01:00 or 2026-01-01 00:15");
    }

    /** A row whose field count differs from the header's. */
    static InvalidInputException wrongFieldCount(String file, long line, int fields, int headerFields,
                                                 boolean unterminatedLastLine) {
        return new InvalidInputException(file, line, fields + (fields == 1 ? " field" : " fields") + " but the header has "
                + headerFields + (unterminatedLastLine ? "; the file ends mid-line (truncated?)" : ""));
    }

    /** A meter id whose bytes are not UTF-8. */
    static InvalidInputException notUtf8(String file, long line) {
        return new InvalidInputException(file, line, "meter_id is not valid UTF-8 text");
    }

    /** A NUL byte: binary data. */
    static InvalidInputException nulByte(String file, long line) {
        return new InvalidInputException(file, line, "NUL byte: binary data, not CSV text");
    }
}

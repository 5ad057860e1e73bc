package io.gridid.feeders;

import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header and the numbers of a feeder or conductor table, refused with the file, line and column. */
final class TableFields {
    private TableFields() {
    }

    /**
     * The header row's columns, lower case and trimmed, to their index.
     *
     * @throws InvalidInputException naming the first of {@code required} the header lacks
     */
    static Map<String, Integer> header(CSVRecord rec, List<String> required, String file, long line)
            throws InvalidInputException {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < rec.size(); i++) {
            col.put(rec.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String c : required) {
            if (!col.containsKey(c)) {
                throw new InvalidInputException(file, line, "header lacks column '" + c
                        + "' (need " + String.join(",", required) + ")");
            }
        }
        return col;
    }

    /** The non-empty text {@code s} as a finite double, or an {@link InvalidInputException} naming {@code column}. */
    static double number(String s, String column, String file, long line) throws InvalidInputException {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as an infinite value
        }
        throw new InvalidInputException(file, line, column + " is not a number: '" + s + "'");
    }
}

package io.gridid.feeders;

import io.gridid.model.InvalidInputException;

/** A finite number in a field of a feeder or conductor table, refused with the file, line and column. */
final class TableNumber {
    private TableNumber() {
    }

    /** The non-empty text {@code s} as a finite double, or an {@link InvalidInputException} naming {@code column}. */
    static double parse(String s, String column, String file, long line) throws InvalidInputException {
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

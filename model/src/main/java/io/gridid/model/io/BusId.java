package io.gridid.model.io;

import io.gridid.model.PrintableText;

import java.util.Locale;

/**
 * The one rule for bus and meter ids read from any file: kept as written (surrounding whitespace
 * aside), but not empty or all spaces (no-break and other Unicode spaces included), without control
 * characters ({@link PrintableText#isControl}) and at most {@link #MAX_CHARS} characters, so that
 * every output (terminal, CSV, HTML, GraphML, DOT, OpenDSS) can show every id as it is.
 */
public final class BusId {
    /** The longest id, in characters. */
    public static final int MAX_CHARS = 256;

    private BusId() {
    }

    /**
     * @param id     the id, stripped of surrounding whitespace
     * @param column the column's name for the message
     * @return null when the id is acceptable, else the reason
     */
    public static String problem(String id, String column) {
        if (id.isEmpty() || id.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "empty " + column;
        }
        int control = PrintableText.firstControl(id);
        if (control >= 0) {
            return String.format(Locale.ROOT, "%s '%s' contains a control character (U+%04X); ids must be printable text",
                    column, id, (int) id.charAt(control));
        }
        if (id.length() > MAX_CHARS) {
            return column + " of " + id.length() + " characters; at most " + MAX_CHARS;
        }
        return null;
    }
}

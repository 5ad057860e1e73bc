package io.gridid.model;

/**
 * Text from the data made safe for a terminal line and for every export: C0 controls (line breaks and
 * ESC included), DEL, C1 controls, the Unicode line and paragraph separators and the bidirectional
 * overrides are written as escapes ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}),
 * so no reading can start a new line, colour the terminal or reorder what follows it. Everything
 * else, U+FFFD included, is kept as it is.
 */
public final class PrintableText {
    private PrintableText() {
    }

    /** Whether {@code c} is a character {@link #of} escapes. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The first character {@link #of} would escape, or -1. */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} with every control character escaped (the same string when it has none). */
    public static String of(String s) {
        if (firstControl(s) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }
}

package io.gridid.model;

/**
 * Bad input data, located in a file: its message is exactly one line,
 * {@code FILE:LINE: reason} (or {@code FILE: reason} when no line applies).
 */
public final class InvalidInputException extends GrididException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String reason;

    /**
     * @param file   the file name as the user gave it (never an absolute path we made up)
     * @param line   1-based physical line number, or 0 when the problem concerns the whole file
     * @param reason what is wrong, no trailing period needed; a line break or other control
     *               character in it (quoted from the data) is shown escaped, so the message is always
     *               one printable line
     */
    public InvalidInputException(String file, long line, String reason) {
        super(format(file, line, reason));
        this.file = file;
        this.line = line;
        this.reason = oneLine(reason);
    }

    private static String format(String file, long line, String reason) {
        String r = oneLine(reason);
        return line > 0 ? oneLine(file) + ":" + line + ": " + r : oneLine(file) + ": " + r;
    }

    /**
     * The message is one printable line by construction: line breaks and other control characters
     * quoted from the data are escaped ({@link PrintableText}).
     */
    private static String oneLine(String text) {
        return PrintableText.of(text);
    }

    public String file() {
        return file;
    }

    /** 1-based line number, 0 when the whole file is concerned. */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}

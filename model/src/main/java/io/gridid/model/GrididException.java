package io.gridid.model;

/**
 * A recoverable condition caused by the data or the request, not by a programming error:
 * unreadable input, too few usable intervals, a feeder that does not converge. Programming
 * errors (misuse of the API) are {@link IllegalArgumentException} and friends instead.
 */
public class GrididException extends Exception {
    private static final long serialVersionUID = 1L;

    public GrididException(String message) {
        super(message);
    }

    public GrididException(String message, Throwable cause) {
        super(message, cause);
    }
}

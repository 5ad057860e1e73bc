package io.gridid.cli;

/** A command-line request that cannot be carried out as given (exit code 2, one line). */
final class IllegalInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IllegalInputException(String message) {
        super(message);
    }
}

package io.gridid.cli;

/** The process exit codes of every gridid command. */
final class ExitCode {
    /** Success. */
    static final int OK = 0;
    /** Unexpected internal state (a bug): reported with a hint to rerun with --debug. */
    static final int INTERNAL = 1;
    /** Invalid input or usage: bad file, bad option, unsupported request. */
    static final int INVALID_INPUT = 2;
    /** The data are valid but the method could not produce a result (e.g. too few intervals). */
    static final int NOT_IDENTIFIABLE = 3;

    private ExitCode() {
    }
}

package io.gridid.spark;

/** How one feeder of a fleet ended, as the {@code status} column spells it. */
public enum FeederStatus {
    /** Identified: its branches and topology are in the output tables. */
    OK("ok"),
    /** Its input is bad (the CLI's exit code 2): unreadable or invalid meter files, unknown root, no folder. */
    INVALID_INPUT("invalid-input"),
    /** Valid data from which the method produced no result (the CLI's exit code 3). */
    NO_RESULT("no-result"),
    /** A bug (the CLI's exit code 1); the stack trace is in the executor's log. */
    INTERNAL_ERROR("internal-error");

    private final String label;

    FeederStatus(String label) {
        this.label = label;
    }

    /** The value in the {@code status} column. */
    public String label() {
        return label;
    }
}

package io.gridid.cli;

/** Process entry point: runs {@link GrididCommand} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GrididCommand.commandLine().execute(args));
    }
}

package io.gridid.cli;

import picocli.CommandLine;

/** Process entry point: runs {@link GrididCommand} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and flushes its output and error writers: picocli's writers flush
     * themselves only on a line end, and {@code System.exit} does not flush them, so output that
     * ends without a newline (a table printed with {@code print}) would otherwise be lost.
     */
    static int run(String[] args) {
        CommandLine cl = GrididCommand.commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }
}

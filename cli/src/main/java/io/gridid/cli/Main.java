package io.gridid.cli;

import picocli.CommandLine;

/** Process entry point: runs {@link GrididCommand} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered without building the command line: picocli's classes alone take most of a
            // short run's start-up, and a script that asks for the version should not wait for them
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            System.exit(ExitCode.OK);
        }
        System.exit(run(args));
    }

    /**
     * Runs the command line and flushes its output and error writers: picocli's writers flush
     * themselves only on a line end, and {@code System.exit} does not flush them, so output that
     * ends without a newline (a table printed with {@code print}) would otherwise be lost.
     */
    static int run(String[] args) {
        CommandLine cl = GrididCommand.commandLine(args);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }
}

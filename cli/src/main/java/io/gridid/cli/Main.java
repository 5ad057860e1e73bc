package io.gridid.cli;

import picocli.CommandLine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Process entry point: runs {@link GrididCommand} and exits with its code; under plain {@code java -jar}
 * it runs the command in a child JVM with gridid's collector settings ({@link HeapRelaunch}).
 */
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
        List<String> child = HeapRelaunch.command(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), codeSource(), Path.of(System.getProperty("java.home")),
                Boolean.getBoolean(HeapRelaunch.CHILD_PROPERTY), args);
        if (child != null) {
            Integer code = HeapRelaunch.run(child);
            if (code != null) {
                System.exit(code);
            }
        }
        System.exit(run(args));
    }

    /** The jar or folder this class was loaded from, or null when the JVM does not say. */
    private static Path codeSource() {
        try {
            java.security.CodeSource cs = Main.class.getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
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

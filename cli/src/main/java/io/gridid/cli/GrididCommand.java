package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

/** The {@code gridid} command: a set of subcommands, each a thin layer over the library. */
@Command(name = "gridid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Rebuilds a distribution feeder's topology and branch impedances from smart-meter data.")
public final class GrididCommand implements Runnable {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            SimulateCommand.class,
            PowerflowCommand.class,
            TopologyCommand.class,
            ImpedanceCommand.class,
            IdentifyCommand.class,
            CompareCommand.class,
            ScoreCommand.class,
            CheckCommand.class,
            BenchmarkCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Builds the configured command line with every subcommand (used by tests). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Builds the configured command line for {@code args}: with only the subcommand that they name
     * when they name one (picocli builds each command's model by reflection, a good part of a short
     * run's start-up), else with all (help, errors, suggestions).
     */
    static CommandLine commandLine(String[] args) {
        GrididCommand root = new GrididCommand();
        CommandLine cl = new CommandLine(root);
        for (Class<?> sub : subcommandsFor(args)) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debugOn = parseResult.originalArgs().contains("--debug");
            if (debugOn) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InvalidInputException) {
                err.println(PrintableText.of(ex.getMessage()));          // already FILE:LINE: reason
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof IllegalInputException) {
                err.println("gridid: " + PrintableText.of(ex.getMessage()));
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof NoSuchFileException nsf) {
                err.println(PrintableText.of(nsf.getFile()) + ": no such file");
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof AccessDeniedException ade) {
                err.println(PrintableText.of(ade.getFile()) + ": permission denied");
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof IOException io) {
                err.println("gridid: cannot read or write: " + PrintableText.of(String.valueOf(io.getMessage())));
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof GrididException) {
                err.println("gridid: " + PrintableText.of(ex.getMessage()));
                return ExitCode.NOT_IDENTIFIABLE;
            }
            err.println("gridid: internal error: " + PrintableText.of(ex.toString())
                    + (debugOn ? "" : " (rerun with --debug for details)"));
            return ExitCode.INTERNAL;
        });
        cl.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError e) {
                return outOfMemory(parseResult.commandSpec().commandLine().getErr(), e,
                        parseResult.originalArgs().contains("--debug"));
            }
        });
        cl.setParameterExceptionHandler((ex, rejected) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("gridid: " + PrintableText.of(ex.getMessage()));
            err.println("Try 'gridid " + qualifiedName(ex.getCommandLine()) + "--help' for more information.");
            return ExitCode.INVALID_INPUT;
        });
        return cl;
    }

    /**
     * An {@link OutOfMemoryError} anywhere (any thread whose failure reaches the command): one line
     * with the heap's limit and how to raise it, exit {@link ExitCode#INTERNAL}. The error's own
     * objects are unreachable by now, so printing the line has memory again.
     */
    static int outOfMemory(PrintWriter err, OutOfMemoryError e, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        long max = Runtime.getRuntime().maxMemory();
        String limit = max >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", max / (double) (1L << 30))
                : (max >> 20) + " MB";
        long suggestGb = Math.max(2, 2 * ((max + (1L << 30) - 1) >> 30));
        err.println("gridid: out of memory (" + e.getMessage() + "; this Java heap may take " + limit
                + "): raise it, e.g. GRIDID_JAVA_OPTS=-Xmx" + suggestGb + "g ./gridid ..., or java -Xmx"
                + suggestGb + "g -jar gridid.jar ...");
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static List<Class<?>> subcommandsFor(String[] args) {
        if (args == null) {
            return SUBCOMMANDS;
        }
        for (String a : args) {
            if (a.startsWith("-")) {
                continue; // the root's own options (--debug, -h)
            }
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (c != null && c.name().equals(a) && !sub.equals(CommandLine.HelpCommand.class)) {
                    return List.of(sub);
                }
            }
            return SUBCOMMANDS;
        }
        return SUBCOMMANDS;
    }

    private static String qualifiedName(CommandLine cl) {
        String full = cl.getCommandSpec().qualifiedName(" ");
        String rest = full.startsWith("gridid") ? full.substring("gridid".length()).trim() : full;
        return rest.isEmpty() ? "" : rest + " ";
    }
}

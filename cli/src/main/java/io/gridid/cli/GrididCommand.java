package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The {@code gridid} command: a set of subcommands, each a thin layer over the library. */
@Command(name = "gridid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Rebuilds a distribution feeder's topology and branch impedances from smart-meter data.",
        subcommands = {
                DemoCommand.class,
                SimulateCommand.class,
                PowerflowCommand.class,
                TopologyCommand.class,
                ImpedanceCommand.class,
                IdentifyCommand.class,
                CompareCommand.class,
                CheckCommand.class,
                BenchmarkCommand.class,
                ReportCommand.class,
                ExportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GrididCommand implements Runnable {

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

    /** Builds the configured command line (used by {@link Main} and by tests). */
    public static CommandLine commandLine() {
        GrididCommand root = new GrididCommand();
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debugOn = parseResult.originalArgs().contains("--debug");
            if (debugOn) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InvalidInputException) {
                err.println(ex.getMessage());          // already FILE:LINE: reason
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof IllegalInputException) {
                err.println("gridid: " + ex.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof NoSuchFileException nsf) {
                err.println(nsf.getFile() + ": no such file");
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof AccessDeniedException ade) {
                err.println(ade.getFile() + ": permission denied");
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof IOException io) {
                err.println("gridid: cannot read or write: " + io.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof GrididException) {
                err.println("gridid: " + ex.getMessage());
                return ExitCode.NOT_IDENTIFIABLE;
            }
            err.println("gridid: internal error: " + ex + (debugOn ? "" : " (rerun with --debug for details)"));
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("gridid: " + ex.getMessage());
            err.println("Try 'gridid " + qualifiedName(ex.getCommandLine()) + "--help' for more information.");
            return ExitCode.INVALID_INPUT;
        });
        return cl;
    }

    private static String qualifiedName(CommandLine cl) {
        String full = cl.getCommandSpec().qualifiedName(" ");
        String rest = full.startsWith("gridid") ? full.substring("gridid".length()).trim() : full;
        return rest.isEmpty() ? "" : rest + " ";
    }
}

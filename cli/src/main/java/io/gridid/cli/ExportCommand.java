package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.reports.ExportFormat;
import io.gridid.reports.IdentificationResult;
import io.gridid.reports.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gridid export}: an identified feeder (a result folder) as OpenDSS, GraphML or DOT. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports an identified feeder (a folder written by 'gridid identify') to OpenDSS, GraphML or DOT.",
                "opendss: a script to run or Redirect: New Circuit at the root, a LineCode (ohm/km, Units=km) per "
                        + "conductor type used, a Line per branch (LineCode + Length in km, or R1/X1 in ohms with "
                        + "Length=1 Units=none where no type was chosen)."})
final class ExportCommand implements Callable<Integer> {
    /** How --format is spelled on the command line. */
    enum Format { opendss, graphml, dot }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "DIR", description = "Result folder of 'gridid identify'.")
    Path result;

    @Option(names = "--format", required = true, paramLabel = "opendss|graphml|dot",
            description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced).")
    Path out;

    @Override
    public Integer call() throws GrididException, IOException {
        if (!Files.isDirectory(result)) {
            throw new IllegalInputException("--result " + result + " is not a folder");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalInputException("--out " + out + ": folder does not exist");
        }
        IdentificationResult r = ResultFolder.read(result);
        ExportFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT)).write(r, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + format + ", " + r.branches().size() + " branches)");
        return ExitCode.OK;
    }
}

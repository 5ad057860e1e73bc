package io.gridid.cli;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.io.FileSet;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.LikelihoodSearchOptions;
import io.gridid.pipeline.ProgressListener;
import io.gridid.reports.TopologyFile;
import io.gridid.solvers.regression.RegressionPath;
import io.gridid.topology.HiddenJunctionOptions;
import io.gridid.topology.PhysicsSearchOptions;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyDiagnostics;
import io.gridid.topology.TopologyMethod;
import io.gridid.topology.TopologyOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gridid topology}: stage 1. Reads meters.csv, runs the pipeline's stage 1
 * ({@link IdentifyPipeline#identifyTopology}), writes
 * DIR/topology.csv ({@code from_bus,to_bus,confidence,evidence}, parent first, top-down) and prints a
 * short summary; warnings go to stderr.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = {"Stage 1: identifies the radial topology of a feeder from smart-meter data.",
                "Writes DIR/topology.csv: from_bus,to_bus,confidence,evidence (parent first, top-down; confidence in [0, 1],"
                        + " evidence the log-likelihood ratio against the best tree without the edge)."})
final class TopologyCommand implements Callable<Integer> {
    /** Edges below this confidence are counted as doubtful in the summary (the report lists them alike). */
    static final double DOUBTFUL = 0.99;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MeterInput input;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "physics-search",
            description = PipelineOptions.METHOD_DESCRIPTION)
    String method;

    @Option(names = "--stability", paramLabel = "N", defaultValue = "0",
            description = "Edge confidence: 0 (default) = the search's own, each edge's posterior share against the "
                    + "trees without it (from its evidence); N > 0 = the share of N random halves of the data whose "
                    + "tree has the edge (N more runs on half the data). Default: ${DEFAULT-VALUE}.")
    int stability;

    @Option(names = "--likelihood-search", description = PipelineOptions.LIKELIHOOD_SEARCH_DESCRIPTION)
    boolean likelihoodSearch;

    @Option(names = "--hidden-junctions", description = PipelineOptions.HIDDEN_JUNCTIONS_DESCRIPTION)
    boolean hiddenJunctions;

    @Option(names = "--search-budget", paramLabel = "FITS_PER_BUS", description = PipelineOptions.SEARCH_BUDGET_DESCRIPTION,
            defaultValue = "" + PhysicsSearchOptions.DEFAULT_FITS_PER_BUS)
    int searchBudget;

    @Mixin
    WarningOutput warningOutput;

    @Mixin
    OutputFolderOptions output;

    @Override
    public Integer call() throws GrididException, IOException {
        TopologyMethod m = parseMethod(method);
        PhysicsSearchOptions search = searchOptions(searchBudget);
        if (stability < 0) {
            throw new IllegalInputException("--stability must be >= 0");
        }
        input.checkOptions();
        output.check();
        PrintWriter err = spec.commandLine().getErr();
        TopologyOptions options = TopologyOptions.defaults().withMethod(m).withSearch(search)
                .withStabilityRuns(stability).withHidden(HiddenJunctionOptions.defaults().withEnabled(hiddenJunctions));
        IdentifyPipeline pipeline = new IdentifyPipeline(new IdentifyOptions(options, ImpedanceOptions.defaults(),
                likelihoodSearch ? LikelihoodSearchOptions.defaults() : null));
        MeterInput.Read file = input.read();
        MeterData data = file.data();
        String root = input.root;
        Topology t;
        try {
            // progress only on an interactive terminal: scripts and logs get the result lines only
            if (System.console() == null) {
                t = pipeline.identifyTopology(data, root, ProgressListener.NONE).topology();
            } else {
                try (BarProgress progress = new BarProgress(err, "topology", "stage 1, topology")) {
                    t = pipeline.identifyTopology(data, root, progress).topology();
                }
            }
        } catch (GrididException e) {
            warningOutput.print(err, file.warnings()); // what the input said may explain why no result came
            throw e;
        }
        List<Warning> warnings = new ArrayList<>(file.warnings());
        TopologyDiagnostics d = t.diagnostics();
        warnings.addAll(d.warnings());
        warningOutput.print(err, warnings);
        Path target = output.out.resolve("topology.csv");
        new FileSet().add("topology.csv", TopologyFile.content(t.tree(), t.confidence(), t.evidence())).write(output.out);
        long doubtful = t.confidence().values().stream().filter(c -> c < DOUBTFUL).count();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "topology: %d buses, %d branches, root %s%n", t.tree().size(), t.tree().size() - 1, root);
        RegressionPath path = d.regressionPath();
        o.printf(Locale.ROOT, "method %s%s, %d of %d intervals used%n", d.method(),
                path == null ? "" : String.format(Locale.ROOT, " (%s path, condition number %.3g)", path,
                        d.conditionNumber()),
                d.intervalsUsed(), data.intervalCount());
        o.printf(Locale.ROOT, "%d branch(es) with confidence below %.2f%n", doubtful, DOUBTFUL);
        o.println("wrote " + target);
        return ExitCode.OK;
    }

    /** The physics search's options with a budget of {@code fitsPerBus} branch fits per bus (checked). */
    static PhysicsSearchOptions searchOptions(int fitsPerBus) throws IllegalInputException {
        if (fitsPerBus < 0) {
            throw new IllegalInputException("--search-budget must be >= 0 (branch fits per bus), not " + fitsPerBus);
        }
        return PhysicsSearchOptions.defaults().withFitsPerBus(fitsPerBus);
    }

    static TopologyMethod parseMethod(String s) {
        try {
            return TopologyMethod.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException("--method must be physics-search, tree-metric or laplacian, not '" + s + "'");
        }
    }
}

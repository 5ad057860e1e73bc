package io.gridid.cli;

import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.FileSet;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.ImpedanceRun;
import io.gridid.pipeline.ProgressListener;
import io.gridid.reports.BranchColumns;
import io.gridid.reports.TopologyFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gridid impedance}: stage 2 on a topology the user supplies. Reads meters.csv and a
 * topology file ({@code from_bus,to_bus[,...]}), runs the pipeline's stage 2 on it
 * ({@link IdentifyPipeline#estimateImpedances}), writes
 * DIR/branches.csv per the data contract.
 */
@Command(name = "impedance", mixinStandardHelpOptions = true,
        description = {"Stage 2: estimates every branch's series impedance r + jx (ohm per phase) on a given "
                + "radial topology, by relaxed LAD/LS fits of the exact branch equation in a bottom-up sweep.",
                "Writes DIR/branches.csv: from_bus,to_bus,r_ohm,x_ohm, then " + ImpedanceCommand.EXTRA_COLUMNS_TEXT + "."})
final class ImpedanceCommand implements Callable<Integer> {
    /** The free columns written after the contract's four, in order: the same as {@code identify}'s. */
    static final List<String> EXTRA_COLUMNS = BranchColumns.ALL;
    static final String EXTRA_COLUMNS_TEXT = "conductor,length_km,r_std_err_ohm,x_std_err_ohm,relaxation_gap,"
            + "polished,r_unconstrained_ohm,x_unconstrained_ohm,rms_residual_kv2,intervals_used,confidence (empty here),note";
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MeterInput meterInput;

    @Option(names = "--topology", required = true, paramLabel = "FILE",
            description = "Branches of the radial topology: CSV with a header and columns from_bus,to_bus "
                    + "(further columns ignored; e.g. a topology.csv or branches.csv; the older bus,parent header "
                    + "is read too). Either orientation is accepted.")
    Path topology;

    @Mixin
    FitOptions fitOptions;

    @Mixin
    WarningOutput warningOutput;

    @Option(names = "--sequential", description = "Fit one branch at a time (same results, slower).")
    boolean sequential;

    @Mixin
    OutputFolderOptions output;

    @Override
    public Integer call() throws GrididException, IOException {
        ImpedanceOptions options = fitOptions.applyTo(ImpedanceOptions.defaults()).withParallel(!sequential);
        meterInput.checkOptions();
        RadialTree tree = TopologyFile.read(topology, meterInput.root);
        output.check();
        PrintWriter err = spec.commandLine().getErr();
        MeterInput.Read meterFile = meterInput.read();
        MeterData data = meterFile.data();
        IdentifyPipeline pipeline = new IdentifyPipeline(IdentifyOptions.defaults().withImpedance(options));
        // progress only on an interactive terminal: scripts and logs get the result lines only
        ImpedanceRun result;
        if (System.console() == null) {
            result = pipeline.estimateImpedances(data, tree, ProgressListener.NONE);
        } else {
            try (BarProgress progress = new BarProgress(err, "impedance", "stage 2, impedance")) {
                result = pipeline.estimateImpedances(data, tree, progress);
            }
        }
        Path file = output.out.resolve("branches.csv");
        new FileSet().add("branches.csv", BranchCsvWriter.content(EXTRA_COLUMNS, rows(result.result().branches())))
                .write(output.out);
        List<Warning> warnings = new ArrayList<>(meterFile.warnings());
        warnings.addAll(result.result().warnings());
        warningOutput.print(err, warnings);
        spec.commandLine().getOut().println("wrote " + result.result().branches().size() + " branches to " + file);
        return ExitCode.OK;
    }

    /** The estimates as branches.csv rows, without a topology confidence (the topology was given). */
    static List<BranchRow> rows(List<BranchEstimate> estimates) {
        List<BranchRow> rows = new ArrayList<>(estimates.size());
        for (BranchEstimate e : estimates) {
            rows.add(BranchColumns.row(IdentifiedBranch.of(e, Double.NaN)));
        }
        return rows;
    }
}

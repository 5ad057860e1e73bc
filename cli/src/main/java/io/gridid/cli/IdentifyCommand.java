package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.reports.OutputFolder;
import io.gridid.reports.ResultFolder;
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

/** {@code gridid identify}: both stages on a meters.csv; writes the result folder. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Identifies the feeder's topology (stage 1) and every branch's series impedance (stage 2) "
                + "from smart-meter readings.",
                "Writes DIR/branches.csv (from_bus,to_bus,r_ohm,x_ohm, then conductor, length, standard errors, "
                        + "relaxation gap, residual, confidence), DIR/topology.csv, DIR/report.json and the "
                        + "self-contained DIR/report.html."})
final class IdentifyCommand implements Callable<Integer> {
    /** The --force help, shared by every command that writes a folder. */
    static final String FORCE_DESCRIPTION = "Write into DIR even if it is not empty (files of the same names are"
            + " replaced, others left alone).";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MeterInput meterInput;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    WarningOutput warningOutput;

    @Option(names = "--stability", paramLabel = "N", defaultValue = "0",
            description = "Edge confidence: 0 (default) = the search's own, each edge's posterior share against the "
                    + "trees without it (from its evidence); N > 0 = the share of N random halves of the data whose "
                    + "tree has the edge (N more runs on half the data). Default: ${DEFAULT-VALUE}.")
    int stability;

    @Option(names = "--force", description = FORCE_DESCRIPTION)
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created; must be empty unless --force). The four files are written as one"
                    + " set: a failed or stopped run leaves the folder as it was.")
    Path out;

    @Override
    public Integer call() throws GrididException, IOException {
        if (stability < 0) {
            throw new IllegalInputException("--stability must be >= 0");
        }
        IdentifyOptions options = pipelineOptions.toOptions();
        options = options.withTopology(options.topology().withStabilityRuns(stability));
        meterInput.checkOptions();
        OutputFolder.check(out, force, null);
        long readStart = System.nanoTime();
        MeterInput.Read file = meterInput.read(); // a v_pu file without --base-kv is refused here
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        String root = meterInput.root;
        List<Warning> inputWarnings = new ArrayList<>(file.warnings());
        double baseKv;
        if (meterInput.baseKv != null) {
            baseKv = meterInput.baseKv;
        } else {
            baseKv = file.data().meanVoltageKv(file.data().indexOf(root));
            if (!(baseKv > 0)) {
                throw new IllegalInputException("--base-kv is needed: the root meter " + root + " has no voltage reading");
            }
            inputWarnings.add(Warning.of(WarningCode.NO_BASE_VOLTAGE, String.format(Locale.ROOT,
                    "no --base-kv: per-unit voltages in the report are relative to the root's mean voltage, %.4g kV",
                    baseKv), root));
        }
        PrintWriter err = spec.commandLine().getErr();
        IdentifyPipeline pipeline = new IdentifyPipeline(options);
        IdentificationResult r;
        try {
            if (System.console() != null) {
                try (BarProgress progress = new BarProgress(err, "identify", "stage 1, topology")) {
                    r = pipeline.identify(file.data(), root, baseKv, inputWarnings, progress);
                }
            } else {
                r = pipeline.identify(file.data(), root, baseKv, inputWarnings);
            }
        } catch (GrididException e) {
            warningOutput.print(err, inputWarnings); // what the input said may explain why no result came
            throw e;
        }
        ResultFolder.write(out, r);
        warningOutput.print(err, r.warnings());
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "identified %d branches from %d meters x %d intervals (read %.2f s, topology %.2f s,"
                        + " impedance %.2f s)%n",
                r.branches().size(), file.data().meterCount(), file.data().intervalCount(), readSeconds,
                r.stageSeconds().get(IdentifyPipeline.TOPOLOGY), r.stageSeconds().get(IdentifyPipeline.IMPEDANCE));
        o.println("wrote " + out.resolve(ResultFolder.BRANCHES) + ", " + ResultFolder.TOPOLOGY + ", "
                + ResultFolder.REPORT_JSON + ", " + ResultFolder.REPORT_HTML);
        return ExitCode.OK;
    }
}

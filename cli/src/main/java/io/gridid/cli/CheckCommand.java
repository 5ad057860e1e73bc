package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.AtomicFile;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.reports.MeteredLoads;
import io.gridid.reports.ModelCheck;
import io.gridid.reports.ModelFit;
import io.gridid.reports.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gridid check}: how well an identified model reproduces the measured voltages. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks an identified feeder against meter readings: per interval, gridid's power flow on the "
                + "identified branches, driven by the root's measured voltage and every metered bus's P and Q "
                + "(the loads the OpenDSS export writes), against each metered bus's measured |V|.",
                "Prints the RMS error over all readings, the median and worst interval RMS and the largest single "
                        + "error (p.u.); --out writes one row per interval."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "DIR", description = "Result folder of 'gridid identify'.")
    Path result;

    @Option(names = "--meters", required = true, paramLabel = "FILE",
            description = "meters.csv to check against (v_pu is read on the result's base kV).")
    Path meters;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter of --meters when not a comma, e.g. ';' or '\\t'.")
    String delimiter;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Per-interval CSV: timestamp,buses,rms_pu,worst_bus,worst_error_pu (folders created).")
    Path out;

    @Override
    public Integer call() throws GrididException, IOException {
        if (!Files.isDirectory(result)) {
            throw new IllegalInputException("--result " + result + " is not a folder");
        }
        Character d = MeterInput.delimiterChar(delimiter);
        if (!Files.isRegularFile(meters)) {
            throw new InvalidInputException(meters.toString(), 0, "no such file");
        }
        IdentificationResult r = ResultFolder.read(result);
        if (!(r.baseKv() > 0)) {
            throw new InvalidInputException(result.resolve(ResultFolder.REPORT_JSON).toString(), 0,
                    "the result has no nominal voltage (base kV)");
        }
        MeterData data = new MeterCsvReader(new MeterCsvReader.Options(r.baseKv(), d, 0)).read(meters).data();
        MeteredLoads loads = MeteredLoads.of(r, data, meters.toString());
        if (loads.loadBuses().isEmpty()) {
            throw new InvalidInputException(meters.toString(), 0, "no bus of the result other than the root has a meter here");
        }
        ModelFit fit = ModelCheck.check(r, data, loads, result.toString());
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String csv = fit.csv();
            AtomicFile.write(out, w -> w.write(csv));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "model check: %d intervals, %d metered buses, %d lines%n", fit.intervals().size(),
                loads.loadBuses().size(), r.branches().size());
        ModelFit.IntervalFit worst = fit.worstInterval();
        ModelFit.IntervalFit single = fit.worstReading();
        if (worst == null) {
            o.println("no voltage reading to compare");
        } else {
            o.printf(Locale.ROOT, "voltage error (model - measured), p.u.: RMS %.3e over all readings; per interval "
                            + "median RMS %.3e, worst RMS %.3e at %s%n", fit.overallRmsPu(), fit.medianIntervalRmsPu(),
                    worst.rmsPu(), Instant.ofEpochSecond(worst.epochSecond()));
            o.printf(Locale.ROOT, "largest single error %+.3e p.u. at bus %s, %s%n", single.worstErrorPu(),
                    single.worstBus(), Instant.ofEpochSecond(single.epochSecond()));
        }
        if (fit.diverged() > 0) {
            o.println("power flow did not converge in " + fit.diverged() + " interval(s) (left out)");
        }
        if (fit.clampedBranches() > 0) {
            o.println(fit.clampedBranches() + " branch(es) with a negative r or x entered the power flow as 0");
        }
        if (loads.filled() > 0) {
            o.println(loads.filled() + " missing P, Q or root-voltage readings filled with the previous one");
        }
        if (out != null) {
            o.println("wrote " + out);
        }
        return ExitCode.OK;
    }
}

package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.reports.ExportFormat;
import io.gridid.reports.MeteredLoads;
import io.gridid.reports.OpenDssExport;
import io.gridid.reports.OpenDssModel;
import io.gridid.reports.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gridid export}: an identified feeder (a result folder) as OpenDSS, GraphML or DOT. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports an identified feeder (a folder written by 'gridid identify') to OpenDSS, GraphML or DOT.",
                "opendss (or dss): with --meters, a model that runs: --out is the master script (Compile it: it "
                        + "solves the first interval, or with --mode yearly every interval), with a Load per metered "
                        + "bus, load shapes of every interval in NAME-loadshapes/ and the bus names in NAME-buses.csv "
                        + "beside it (NAME: --out without its extension). Without --meters: the lines only.",
                "Folders of --out are created."})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "DIR", description = "Result folder of 'gridid identify'.")
    Path result;

    @Option(names = "--format", required = true, paramLabel = "opendss|graphml|dot",
            description = "Output format, any case: opendss (or dss), graphml, dot.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced); "
            + "for opendss with --meters the master script, its side files beside it.")
    Path out;

    @Option(names = "--meters", paramLabel = "FILE",
            description = "opendss: the meters.csv the result was identified from (loads, load shapes and the "
                    + "source voltage come from it; v_pu is read on the result's base kV).")
    Path meters;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter of --meters when not a comma, e.g. ';' or '\\t'.")
    String delimiter;

    @Option(names = "--mode", paramLabel = "snapshot|yearly", defaultValue = "snapshot",
            description = "opendss with --meters: what the master solves: snapshot (the first interval, default) or "
                    + "yearly (Set Mode=Yearly over every interval).")
    String mode;

    @Override
    public Integer call() throws GrididException, IOException {
        ExportFormat f;
        try {
            f = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException("--format: " + e.getMessage());
        }
        OpenDssExport.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "snapshot" -> OpenDssExport.Mode.SNAPSHOT;
            case "yearly" -> OpenDssExport.Mode.YEARLY;
            default -> throw new IllegalInputException("--mode must be snapshot or yearly, not '" + mode + "'");
        };
        if (meters != null && f != ExportFormat.OPENDSS) {
            throw new IllegalInputException("--meters applies to --format opendss only");
        }
        if (!Files.isDirectory(result)) {
            throw new IllegalInputException("--result " + result + " is not a folder");
        }
        Character d = MeterInput.delimiterChar(delimiter);
        if (meters != null && !Files.isRegularFile(meters)) {
            throw new InvalidInputException(meters.toString(), 0, "no such file");
        }
        IdentificationResult r = ResultFolder.read(result);
        Path parent = out.toAbsolutePath().getParent();
        if (f == ExportFormat.OPENDSS) {
            for (IdentifiedBranch b : r.branches()) {
                if (!Double.isFinite(b.rOhm()) || !Double.isFinite(b.xOhm())) {
                    throw new InvalidInputException(result.resolve(ResultFolder.BRANCHES).toString(), 0,
                            "branch " + b.fromBus() + " -> " + b.toBus() + " has no impedance: cannot export it to OpenDSS");
                }
            }
        }
        if (meters == null) {
            createFolder(parent);
            f.write(r, out);
            spec.commandLine().getOut().println("wrote " + out + " (" + f.name().toLowerCase(Locale.ROOT) + ", "
                    + r.branches().size() + " branches" + (f == ExportFormat.OPENDSS ? "; lines only: give --meters "
                    + "for loads and load shapes" : "") + ")");
            return ExitCode.OK;
        }
        if (!(r.baseKv() > 0)) {
            throw new InvalidInputException(result.resolve(ResultFolder.REPORT_JSON).toString(), 0,
                    "the result has no nominal voltage (base kV)");
        }
        if (out.getFileName().toString().indexOf('"') >= 0) {
            throw new IllegalInputException("--out " + out + ": OpenDSS cannot reference a file name with '\"'");
        }
        MeterData data = new MeterCsvReader(new MeterCsvReader.Options(r.baseKv(), d, 0)).read(meters).data();
        MeteredLoads loads = MeteredLoads.of(r, data, meters.toString());
        if (loads.loadBuses().isEmpty()) {
            throw new InvalidInputException(meters.toString(), 0, "no bus of the result other than the root has a meter here");
        }
        createFolder(parent);
        OpenDssModel model = ExportFormat.writeOpenDss(r, loads, m, out);
        spec.commandLine().getOut().println("wrote " + out + " (opendss master, " + r.branches().size() + " lines, "
                + loads.loadBuses().size() + " loads, " + loads.points() + " intervals, "
                + m.name().toLowerCase(Locale.ROOT) + ") and its side files");
        if (!model.renamedBuses().isEmpty()) {
            Map.Entry<String, String> first = model.renamedBuses().entrySet().iterator().next();
            String table = model.sideFiles().keySet().stream().filter(k -> k.endsWith("-buses.csv")).findFirst()
                    .orElse("");
            spec.commandLine().getErr().println("renamed " + model.renamedBuses().size() + " bus id(s) OpenDSS cannot "
                    + "take (e.g. '" + first.getKey().replaceAll("[\\r\\n]+", " ") + "' -> " + first.getValue()
                    + "); every bus's OpenDSS name is in " + (parent == null ? Path.of(table) : parent.resolve(table)));
        }
        return ExitCode.OK;
    }

    private static void createFolder(Path parent) throws IOException {
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}

package io.gridid.cli;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.ConductorType;
import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.FileSet;
import io.gridid.reports.OutputFolder;
import io.gridid.solvers.fit.FitNorm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gridid impedance}: stage 2 on a topology the user supplies. Reads meters.csv and a
 * topology file ({@code from_bus,to_bus[,...]}), runs {@link ImpedanceEstimator}, writes
 * DIR/branches.csv per the data contract.
 */
@Command(name = "impedance", mixinStandardHelpOptions = true,
        description = {"Stage 2: estimates every branch's series impedance r + jx (ohm per phase) on a given "
                + "radial topology, by relaxed LAD/LS fits of the exact branch equation in a bottom-up sweep.",
                "Writes DIR/branches.csv: from_bus,to_bus,r_ohm,x_ohm, then " + ImpedanceCommand.EXTRA_COLUMNS_TEXT + "."})
final class ImpedanceCommand implements Callable<Integer> {
    /** The free columns written after the contract's four, in order. */
    static final List<String> EXTRA_COLUMNS = List.of("conductor", "length_km", "relaxation_gap",
            "r_stderr_ohm", "x_stderr_ohm", "r_unconstrained_ohm", "x_unconstrained_ohm", "rms_residual",
            "intervals_used", "note");
    static final String EXTRA_COLUMNS_TEXT = "conductor,length_km,relaxation_gap,r_stderr_ohm,x_stderr_ohm,"
            + "r_unconstrained_ohm,x_unconstrained_ohm,rms_residual,intervals_used,note";
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MeterInput meterInput;

    @Option(names = "--topology", required = true, paramLabel = "FILE",
            description = "Branches of the radial topology: CSV with a header and columns from_bus,to_bus "
                    + "(further columns ignored; e.g. a branches.csv). Either orientation is accepted.")
    Path topology;

    @Mixin
    FitOptions fitOptions;

    @Option(names = "--sequential", description = "Fit one branch at a time (same results, slower).")
    boolean sequential;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created; must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = IdentifyCommand.FORCE_DESCRIPTION)
    boolean force;

    @Override
    public Integer call() throws GrididException, IOException {
        ImpedanceOptions options = fitOptions.applyTo(ImpedanceOptions.defaults()).withParallel(!sequential);
        meterInput.checkOptions();
        if (!Files.isRegularFile(topology)) {
            throw new InvalidInputException(topology.toString(), 0, Files.isDirectory(topology)
                    ? "is a folder, not a topology file" : Files.exists(topology) ? "not a regular file" : "no such file");
        }
        RadialTree tree = readTopology(topology, meterInput.root);
        OutputFolder.check(out, force, null);
        PrintWriter err = spec.commandLine().getErr();
        MeterInput.Read meterFile = meterInput.read();
        for (String w : meterFile.warnings()) {
            err.println("gridid: warning: " + w);
        }
        MeterData data = meterFile.data();
        String root = meterInput.root;
        // progress only on an interactive terminal: scripts and logs get the result lines only
        boolean interactive = System.console() != null;
        ImpedanceResult result = new ImpedanceEstimator(options).estimate(data, tree, (done, total) -> {
            if (interactive) {
                err.print("\rgridid: impedance: " + done + "/" + total + " branches fitted");
                err.flush();
                if (done == total) {
                    err.println();
                }
            }
        });
        Path file = out.resolve("branches.csv");
        new FileSet().add("branches.csv", BranchCsvWriter.content(EXTRA_COLUMNS, rows(result))).write(out);
        for (String w : result.warnings()) {
            err.println("gridid: warning: " + w);
        }
        spec.commandLine().getOut().println("wrote " + result.branches().size() + " branches to " + file);
        return ExitCode.OK;
    }

    /** The topology file as a tree rooted at {@code rootId}; each row is an edge in either orientation. */
    static RadialTree readTopology(Path file, String rootId) throws InvalidInputException, IOException {
        List<BranchRow> rows = BranchCsvReader.read(file);
        String name = file.toString();
        Map<String, List<String>> adjacent = new LinkedHashMap<>();
        for (BranchRow r : rows) {
            if (r.fromBus().equals(r.toBus())) {
                throw new InvalidInputException(name, 0, "branch from " + r.fromBus() + " to itself");
            }
            adjacent.computeIfAbsent(r.fromBus(), k -> new ArrayList<>()).add(r.toBus());
            adjacent.computeIfAbsent(r.toBus(), k -> new ArrayList<>()).add(r.fromBus());
        }
        if (!adjacent.containsKey(rootId)) {
            throw new InvalidInputException(name, 0, "the root " + rootId + " is on no branch");
        }
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(rootId);
        seen.put(rootId, true);
        while (!queue.isEmpty()) {
            String b = queue.poll();
            for (String c : adjacent.get(b)) {
                if (seen.containsKey(c)) {
                    continue;
                }
                seen.put(c, true);
                parents.put(c, b);
                queue.add(c);
            }
        }
        if (seen.size() != adjacent.size()) {
            List<String> cut = new ArrayList<>();
            for (String b : adjacent.keySet()) {
                if (!seen.containsKey(b)) {
                    cut.add(b);
                }
            }
            throw new InvalidInputException(name, 0, "buses not connected to the root " + rootId + ": "
                    + (cut.size() > 10 ? cut.subList(0, 10) + "..." : cut));
        }
        if (rows.size() != parents.size()) {
            throw new InvalidInputException(name, 0, "not radial: " + rows.size() + " branches over "
                    + adjacent.size() + " buses (a radial feeder has one branch fewer than buses; loop or duplicate?)");
        }
        return new RadialTree(rootId, parents);
    }

    static List<BranchRow> rows(ImpedanceResult result) {
        List<BranchRow> rows = new ArrayList<>(result.branches().size());
        for (BranchEstimate e : result.branches()) {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("conductor", e.conductor() == null ? "" : e.conductor());
            x.put("length_km", number(e.lengthKm()));
            x.put("relaxation_gap", number(e.relaxationGap()));
            x.put("r_stderr_ohm", number(e.rStdErr()));
            x.put("x_stderr_ohm", number(e.xStdErr()));
            x.put("r_unconstrained_ohm", number(e.rUnconstrainedOhm()));
            x.put("x_unconstrained_ohm", number(e.xUnconstrainedOhm()));
            x.put("rms_residual", number(e.rmsResidual()));
            x.put("intervals_used", Integer.toString(e.intervalsUsed()));
            x.put("note", e.note());
            rows.add(new BranchRow(e.fromBus(), e.toBus(), e.rOhm(), e.xOhm(), x));
        }
        return rows;
    }

    /** Shortest round-trip text; empty for NaN (the contract's missing value). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v).toLowerCase(Locale.ROOT);
    }
}

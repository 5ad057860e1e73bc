package io.gridid.spark;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.Scoring;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One feeder identified inside a task, exactly as {@code gridid identify} would: its meter files
 * read and checked, the pipeline run, the result scored against the truth when there is one.
 * Never throws for a bad feeder: every failure becomes a {@link FeederOutcome} with the status
 * and the one line the CLI would print (its exit code 2 = invalid-input, 3 = no-result,
 * 1 = internal-error).
 */
final class FeederIdentification {
    /** How many meter ids the "root not found" message lists (as the CLI). */
    static final int NAMED_METERS = 10;

    private final IdentifyOptions options;
    private final Configuration conf;

    /**
     * @param options the pipeline's options before a feeder's own settings are applied (a Spark task
     *                should ask for no parallelism)
     * @param conf    Hadoop configuration to fetch files from a remote file system
     */
    FeederIdentification(IdentifyOptions options, Configuration conf) {
        this.options = Objects.requireNonNull(options, "options");
        this.conf = Objects.requireNonNull(conf, "conf");
    }

    /** The pipeline's options for a Spark task: the CLI's defaults with N stability halves, on one thread. */
    static IdentifyOptions taskOptions(int stabilityRuns) {
        IdentifyOptions o = IdentifyOptions.defaults();
        return o.withTopology(o.topology().withStabilityRuns(stabilityRuns)
                        .withSearch(o.topology().search().withParallel(false)))
                .withImpedance(o.impedance().withParallel(false));
    }

    /** A feeder of meter files (CSV folders): fetches them and identifies it. */
    FeederOutcome run(FeederTask task) {
        return identify(task, temp -> {
            List<Path> local = new ArrayList<>();
            for (String uri : task.meterFiles()) {
                local.add(FleetStorage.local(uri, temp, conf));
            }
            return new FeederMeterFiles(task.baseKv()).read(local, task.fileNames());
        }, task.fileNames().size() <= 1 ? String.join("", task.fileNames()) : folderOf(task));
    }

    /**
     * A feeder of a meter table (Parquet, or CSV with a {@code feeder_id} column): its rows, as
     * text in the contract's column order ({@code timestamp, meter_id, <voltage>, p_kw, q_kvar}),
     * go through a temporary {@code meters.csv} and {@link io.gridid.model.io.MeterCsvReader}, so
     * they meet every check a file does; a message names the feeder's part of the table, without
     * a line (a table's rows have none).
     *
     * @param voltageColumn {@code v_pu} or {@code v_kv}
     * @param name          the feeder's part of the table, for messages
     */
    FeederOutcome run(FeederTask task, String voltageColumn, Iterable<String[]> rows, String name) {
        return identify(task, temp -> {
            Path csv = temp.resolve("meters.csv");
            try (var out = Files.newBufferedWriter(csv)) {
                out.write("timestamp,meter_id," + voltageColumn + ",p_kw,q_kvar\n");
                for (String[] r : rows) {
                    for (int i = 0; i < r.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(r[i] == null ? "" : r[i]);
                    }
                    out.write('\n');
                }
            }
            try {
                return new FeederMeterFiles(task.baseKv()).read(List.of(csv), List.of(name));
            } catch (InvalidInputException e) {
                throw e.file().equals(name) ? new InvalidInputException(name, 0, e.reason()) : e;
            }
        }, name);
    }

    /** Reads a feeder's meter data into a temporary folder of its own. */
    private interface Source {
        MeterFile read(Path temp) throws IOException, InvalidInputException;
    }

    private FeederOutcome identify(FeederTask task, Source source, String name) {
        long t0 = System.nanoTime();
        String id = task.feederId();
        if (task.problem() != null) {
            return FeederOutcome.failed(id, FeederStatus.INVALID_INPUT, task.problem(), null, null, seconds(t0));
        }
        Integer buses = null;
        Integer intervals = null;
        Path temp = null;
        try {
            temp = Files.createTempDirectory("gridid-fleet-");
            MeterFile file = source.read(temp);
            MeterData data = file.data();
            buses = data.meterCount();
            intervals = data.intervalCount();
            checkRoot(data, task.root(), name);
            IdentificationResult r = new IdentifyPipeline(task.settings().applyTo(options))
                    .identify(data, task.root(), task.baseKv(), file.warnings());
            Double f1 = null;
            if (!task.truth().isEmpty()) {
                List<BranchRow> truth = task.truth().stream().map(TruthBranch::toRow).toList();
                f1 = new Scoring().score(r.contractRows(), truth).f1();
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            int known = 0;
            for (IdentifiedBranch b : r.branches()) {
                double c = r.confidenceOf(b.toBus());
                if (!Double.isNaN(c)) {
                    sum += c;
                    min = Math.min(min, c);
                    known++;
                }
            }
            return new FeederOutcome(id, FeederStatus.OK, "", buses, intervals, seconds(t0), r.branches().size(),
                    known == 0 ? null : sum / known, known == 0 ? null : min, r.warnings().size(), f1,
                    r.warnings().stream().map(w -> w.code().name()).distinct().collect(Collectors.joining(";")),
                    FleetTables.branchRows(id, r), FleetTables.topologyRows(id, r));
        } catch (InvalidInputException e) {
            return FeederOutcome.failed(id, FeederStatus.INVALID_INPUT, e.getMessage(), buses, intervals, seconds(t0));
        } catch (NoSuchFileException e) {
            return FeederOutcome.failed(id, FeederStatus.INVALID_INPUT, e.getFile() + ": no such file", buses,
                    intervals, seconds(t0));
        } catch (AccessDeniedException e) {
            return FeederOutcome.failed(id, FeederStatus.INVALID_INPUT, e.getFile() + ": permission denied", buses,
                    intervals, seconds(t0));
        } catch (IOException e) {
            return FeederOutcome.failed(id, FeederStatus.INVALID_INPUT, "gridid: cannot read or write: " + e.getMessage(),
                    buses, intervals, seconds(t0));
        } catch (GrididException e) {
            return FeederOutcome.failed(id, FeederStatus.NO_RESULT, "gridid: " + e.getMessage(), buses, intervals,
                    seconds(t0));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            org.slf4j.LoggerFactory.getLogger(FeederIdentification.class).error("feeder " + id, e);
            return FeederOutcome.failed(id, FeederStatus.INTERNAL_ERROR, "gridid: internal error: " + e, buses,
                    intervals, seconds(t0));
        } finally {
            delete(temp);
        }
    }

    /** The CLI's checks of the root (its messages word for word). */
    static void checkRoot(MeterData data, String root, String name) throws InvalidInputException {
        if (!data.hasMeter(root)) {
            List<String> ids = data.meterIds();
            String named = ids.size() <= NAMED_METERS ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, NAMED_METERS)) + ", ... " + ids.size() + " in all";
            throw new InvalidInputException(name, 0, "root meter '" + root + "' not found (meters: " + named + ")");
        }
        if (data.meterCount() == 1) {
            throw new InvalidInputException(name, 0, "only one meter, the root '" + root
                    + "'; a feeder needs the root and at least one more meter");
        }
    }

    private static String folderOf(FeederTask task) {
        String first = task.fileNames().get(0);
        return first.substring(0, first.lastIndexOf('/'));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a feeder for
        }
    }
}

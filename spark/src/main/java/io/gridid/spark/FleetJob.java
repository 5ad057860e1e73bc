package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import io.gridid.pipeline.IdentifyOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fleet job on a Spark session: lists the feeders (driver), identifies each in a task with
 * gridid as a library ({@link FeederIdentification}), and writes under the output folder
 * <ul>
 *   <li>{@code branches/} and {@code topology/}: the single feeder's tables, partitioned by
 *       {@code feeder_id} ({@link FleetTables});</li>
 *   <li>{@code status/}: one row per feeder, including those that failed, with the CLI's message;</li>
 *   <li>{@code summary.json}: {@link FleetSummary}.</li>
 * </ul>
 * A bad feeder never fails the job: it is a status row. Bad job input (the feeders or truth
 * table, the meters folder, a used output folder) is an {@link InvalidInputException} before any
 * task runs. The output is written beside the target and moved into place when complete.
 */
public final class FleetJob {
    /** How long the driver waits for the last progress lines after the feeders are done, ms. */
    static final long PROGRESS_WAIT_MILLIS = 5_000;

    private final SparkSession spark;
    private final FleetOptions options;
    private final Consumer<String> progress;

    /**
     * @param progress told one line per feeder as its task ends (on the driver)
     */
    public FleetJob(SparkSession spark, FleetOptions options, Consumer<String> progress) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public FleetSummary run() throws IOException, InvalidInputException {
        long t0 = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        FleetStorage storage = new FleetStorage(conf);
        List<FleetTable.Feeder> feeders;
        try (InputStream in = storage.open(options.feeders())) {
            feeders = FleetTable.read(options.feeders(), in);
        }
        feeders = new ConductorLibraries(storage, options.feeders()).resolve(feeders);
        Map<String, List<TruthBranch>> truth = Map.of();
        if (options.truth() != null) {
            try (InputStream in = storage.open(options.truth())) {
                truth = TruthTable.read(options.truth(), in);
            }
        }
        String tableFormat = storage.tableFormat(options.meters());
        Path staging = storage.stage(options.out()); // a used output folder is refused before any reading
        CollectionAccumulator<FeederOutcome> done = spark.sparkContext().collectionAccumulator(FleetProgress.ACCUMULATOR);
        JavaRDD<FeederOutcome> outcomes;
        int total;
        if (tableFormat == null) {
            List<FeederTask> tasks = tasks(feeders, storage.feederFolders(options.meters()), truth, false);
            total = tasks.size();
            outcomes = fromFolders(tasks, done);
        } else {
            MeterTable table = MeterTable.read(spark, options.meters(), tableFormat);
            List<String> ids = table.feederIds();
            Map<String, FeederTask> specs = new LinkedHashMap<>();
            for (FeederTask t : tasks(feeders, ids.stream().map(id -> new FleetStorage.FeederFolder(id,
                    List.of(), List.of())).toList(), truth, true)) {
                specs.put(t.feederId(), t);
            }
            total = specs.size();
            outcomes = fromTable(table, ids, specs, done);
        }
        try {
            FleetSummary summary = write(outcomes, total, staging, t0);
            storage.commit(staging, options.out());
            return summary;
        } catch (IOException | RuntimeException e) {
            storage.discard(staging);
            throw e;
        }
    }

    private JavaRDD<FeederOutcome> fromFolders(List<FeederTask> tasks, CollectionAccumulator<FeederOutcome> done) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() == 0 ? tasks.size() : Math.min(options.partitions(), tasks.size());
        int stability = options.stabilityRuns();
        return jsc.parallelize(tasks, partitions).mapPartitions(it -> {
            FeederIdentification feeder = new FeederIdentification(FeederIdentification.taskOptions(stability),
                    new Configuration());
            List<FeederOutcome> out = new ArrayList<>();
            while (it.hasNext()) {
                FeederOutcome o = feeder.run(it.next());
                done.add(o.summary());
                out.add(o);
            }
            return out.iterator();
        });
    }

    private JavaRDD<FeederOutcome> fromTable(MeterTable table, List<String> ids, Map<String, FeederTask> specs,
                                             CollectionAccumulator<FeederOutcome> done) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, options.partitions() == 0 ? ids.size() : Math.min(options.partitions(), ids.size()));
        int stability = options.stabilityRuns();
        String voltage = table.voltageColumn();
        String meters = options.meters();
        Map<String, FeederTask> byId = new HashMap<>(specs);
        JavaRDD<FeederOutcome> read = table.byFeeder(partitions).mapPartitions(it -> {
            FeederIdentification feeder = new FeederIdentification(FeederIdentification.taskOptions(stability),
                    new Configuration());
            List<FeederOutcome> out = new ArrayList<>();
            while (it.hasNext()) {
                var group = it.next();
                FeederTask task = byId.get(group._1());
                FeederOutcome o = task.problem() != null ? feeder.run(task) : feeder.run(task, voltage, group._2(),
                        FleetStorage.join(meters, FleetStorage.PARTITION_PREFIX + group._1()));
                done.add(o.summary());
                out.add(o);
            }
            return out.iterator();
        });
        List<FeederTask> absent = specs.values().stream().filter(t -> !ids.contains(t.feederId())).toList();
        if (absent.isEmpty()) {
            return read;
        }
        return read.union(jsc.parallelize(absent, 1).map(t -> {
            FeederOutcome o = FeederOutcome.failed(t.feederId(), FeederStatus.INVALID_INPUT, t.problem(), null, null, 0);
            done.add(o.summary());
            return o;
        }));
    }

    /**
     * One task per feeder of the feeders table, plus one per folder (or feeder of a meter table) that
     * it does not list (rejected).
     */
    List<FeederTask> tasks(List<FleetTable.Feeder> feeders, List<FleetStorage.FeederFolder> folders,
                           Map<String, List<TruthBranch>> truth, boolean table) {
        Map<String, FleetStorage.FeederFolder> byId = new LinkedHashMap<>();
        for (FleetStorage.FeederFolder f : folders) {
            byId.put(f.feederId(), f);
        }
        Map<String, FleetTable.Feeder> listed = new HashMap<>();
        List<FeederTask> tasks = new ArrayList<>();
        for (FleetTable.Feeder f : feeders) {
            listed.put(f.feederId(), f);
            FleetStorage.FeederFolder folder = byId.get(f.feederId());
            String folderName = FleetStorage.join(options.meters(), FleetStorage.PARTITION_PREFIX + f.feederId());
            if (f.problem() != null) {
                tasks.add(FeederTask.rejected(f.feederId(), f.problem()));
            } else if (folder == null && table) {
                tasks.add(FeederTask.rejected(f.feederId(), options.meters() + ": no readings of feeder "
                        + f.feederId() + " (listed in " + options.feeders() + ")"));
            } else if (folder == null) {
                tasks.add(FeederTask.rejected(f.feederId(), folderName + ": no such folder (feeder "
                        + f.feederId() + " of " + options.feeders() + ")"));
            } else if (folder.uris().isEmpty() && !table) {
                tasks.add(FeederTask.rejected(f.feederId(), folderName + ": no meter files in it"));
            } else {
                tasks.add(new FeederTask(f.feederId(), f.root(), f.baseKv(), folder.uris(), folder.names(),
                        truth.getOrDefault(f.feederId(), List.of()), f.settings(), null));
            }
        }
        for (FleetStorage.FeederFolder folder : folders) {
            if (!listed.containsKey(folder.feederId())) {
                tasks.add(FeederTask.rejected(folder.feederId(), FleetStorage.join(options.meters(),
                        FleetStorage.PARTITION_PREFIX + folder.feederId()) + ": feeder " + folder.feederId()
                        + " is not in " + options.feeders() + " (its root and base_kv are unknown)"));
            }
        }
        return tasks;
    }

    private FleetSummary write(JavaRDD<FeederOutcome> outcomes, int total, Path staging, long t0) throws IOException {
        FleetProgress listener = new FleetProgress(total, progress);
        spark.sparkContext().addSparkListener(listener);
        // identified once: every table below reads the persisted outcomes
        outcomes.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<FeederOutcome> summaries = outcomes.map(FeederOutcome::summary).collect();
            listener.awaitAll(PROGRESS_WAIT_MILLIS); // the listener bus delivers the last task ends a little later
            String format = options.format().sparkName();
            Dataset<Row> branches = spark.createDataFrame(outcomes.flatMap(o -> o.branches().iterator()),
                    FleetTables.BRANCHES);
            Dataset<Row> topology = spark.createDataFrame(outcomes.flatMap(o -> o.topology().iterator()),
                    FleetTables.TOPOLOGY);
            write(branches.write().partitionBy(FleetTables.FEEDER_ID), format,
                    new Path(staging, FleetTables.BRANCHES_DIR));
            write(topology.write().partitionBy(FleetTables.FEEDER_ID), format,
                    new Path(staging, FleetTables.TOPOLOGY_DIR));
            List<Row> status = summaries.stream().map(FleetTables::statusRow).toList();
            write(spark.createDataFrame(status, FleetTables.STATUS).coalesce(1).write(), format,
                    new Path(staging, FleetTables.STATUS_DIR));
            FleetSummary summary = new FleetSummary(summaries, (System.nanoTime() - t0) / 1e9);
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            Path json = new Path(staging, FleetTables.SUMMARY_JSON);
            try (FSDataOutputStream out = json.getFileSystem(conf).create(json, true)) {
                out.write(summary.json().getBytes(StandardCharsets.UTF_8));
            }
            return summary;
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            outcomes.unpersist(false);
        }
    }

    private static void write(org.apache.spark.sql.DataFrameWriter<Row> writer, String format, Path path) {
        writer.format(format).option("header", "true").option("emptyValue", "").save(path.toString());
    }
}

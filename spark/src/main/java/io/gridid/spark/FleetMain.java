package io.gridid.spark;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code gridid-fleet}: identifies every feeder of a fleet on Spark (local mode by default, or a
 * cluster's master; the same class is the thin jar's main for {@code spark-submit}).
 * {@code gridid-fleet simulate} writes a synthetic fleet with truth.
 *
 * <p>Exit codes: 0 every feeder identified; {@value #FEEDERS_FAILED} the job ran and one or more
 * feeders did not (see the status table); 2 bad job input or usage (one line); 1 an internal error.
 */
@Command(name = "gridid-fleet", mixinStandardHelpOptions = true, versionProvider = FleetMain.Version.class,
        subcommands = {FleetSimulateCommand.class, CommandLine.HelpCommand.class},
        description = {"Identifies every feeder of a fleet in parallel on Apache Spark, gridid inside each task.",
                "Reads FEEDERS (feeder_id,root,base_kv) and DIR/feeder_id=<id>/*.csv (meters.csv per the data "
                        + "contract); writes OUT/branches/ and OUT/topology/ (partitioned by feeder_id), "
                        + "OUT/status/ (one row per feeder) and OUT/summary.json.",
                "Exit code 0: every feeder ok; 4: one or more feeders failed (the job still finished); "
                        + "2: bad input or usage; 1: internal error."})
public final class FleetMain implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int INVALID_INPUT = 2;
    static final int FEEDERS_FAILED = 4;
    /** The master when neither --master nor spark-submit names one. */
    static final String DEFAULT_MASTER = "local[*]";

    @Option(names = "--feeders", paramLabel = "FILE",
            description = "Feeders table (CSV): feeder_id,root,base_kv, optionally each feeder's identify options "
                    + "conductors (FILE|builtin), fit (ls|lad), max_types, tapered (true|false), stability.")
    String feeders;

    @Option(names = "--meters", paramLabel = "DIR",
            description = "Folder of feeder_id=<id> folders of meter CSV files, or a meter table: Parquet (in "
                    + "feeder_id=<id> folders or with a feeder_id column) or CSV with a feeder_id column.")
    String meters;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (must be absent or empty).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "Output tables: parquet (default) or csv (part files with headers).")
    String format;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Truth table (feeder_id,from_bus,to_bus,r_ohm,x_ohm): adds each feeder's topology F1.")
    String truth;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit gives, else " + DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark partitions of the feeders: 0 = one per feeder (default).")
    int partitions;

    @Option(names = "--stability", paramLabel = "N", defaultValue = "" + FleetOptions.DEFAULT_STABILITY_RUNS,
            description = "Edge confidence over N random halves, as gridid identify (default ${DEFAULT-VALUE}: stage 1's own); "
                    + "a feeder's stability column overrides it.")
    int stability;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, SparkSession> sessions;
    private final boolean stopSession;

    /** Makes its own session (stopped at the end). */
    public FleetMain() {
        this(FleetMain::session, true);
    }

    /**
     * @param sessions    the session for a master URL (null = spark-submit's or the default)
     * @param stopSession whether to stop it when the job is done
     */
    FleetMain(Function<String, SparkSession> sessions, boolean stopSession) {
        this.sessions = sessions;
        this.stopSession = stopSession;
    }

    public static void main(String[] args) {
        System.exit(run(new FleetMain(), args));
    }

    /** Runs the command line and flushes its writers; returns the exit code. */
    static int run(FleetMain command, String[] args) {
        CommandLine cl = commandLine(command);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    static CommandLine commandLine(FleetMain command) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (parseResult.originalArgs().contains("--debug")) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InvalidInputException) {
                err.println(ex.getMessage());
                return INVALID_INPUT;
            }
            if (ex instanceof IllegalArgumentException || ex instanceof IOException) {
                err.println("gridid-fleet: " + ex.getMessage());
                return INVALID_INPUT;
            }
            if (ex instanceof GrididException) {
                err.println("gridid-fleet: " + ex.getMessage());
                return INVALID_INPUT;
            }
            err.println("gridid-fleet: internal error: " + ex + " (rerun with --debug for details)");
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("gridid-fleet: " + ex.getMessage());
            err.println("Try 'gridid-fleet --help' for more information.");
            return INVALID_INPUT;
        });
        return cl;
    }

    @Override
    public Integer call() throws IOException, InvalidInputException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String[] required : new String[][]{{"--feeders", feeders}, {"--meters", meters}, {"--out", out}}) {
            if (required[1] == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "missing required option " + required[0]
                        + " (or a subcommand: simulate)");
            }
        }
        FleetOptions.Format f;
        try {
            f = FleetOptions.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is parquet or csv, not " + format);
        }
        FleetOptions options;
        try {
            options = FleetOptions.of(feeders, meters, out).withFormat(f).withTruth(truth).withPartitions(partitions)
                    .withStabilityRuns(stability);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SparkSession spark = sessions.apply(master);
        FleetSummary summary;
        try {
            summary = new FleetJob(spark, options, line -> {
                err.println(line);
                err.flush();
            }).run();
        } finally {
            if (stopSession) {
                spark.stop();
            }
        }
        for (String line : summary.lines()) {
            o.println(line);
        }
        o.println("wrote " + FleetStorage.join(out, FleetTables.BRANCHES_DIR) + ", " + FleetTables.TOPOLOGY_DIR + ", "
                + FleetTables.STATUS_DIR + ", " + FleetTables.SUMMARY_JSON);
        return summary.anyFailed() ? FEEDERS_FAILED : OK;
    }

    /** A session for the master (null: spark-submit's, else {@value #DEFAULT_MASTER}), without Spark's console bar. */
    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("gridid-fleet")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            b = b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b = b.master(DEFAULT_MASTER);
        }
        return b.getOrCreate();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FleetMain.class.getPackage().getImplementationVersion();
            return new String[]{"gridid-fleet " + (v == null ? "(development build)" : v)};
        }
    }
}

package io.gridid.spark;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.FleetSimulation;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.ConductorType;
import io.gridid.model.InvalidInputException;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.IdentifyPipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet job end to end in local[2] on a simulated fleet of four IEEE 13-node feeders (a week
 * hourly, noise-free, truth known), one of them with a corrupt meter file, plus a feeder whose root
 * is wrong and a folder the feeders table does not list.
 */
class FleetJobTest {
    /** Feeders in the simulated fleet. */
    private static final int FLEET = 4;
    /** The corrupt feeder and the line of its meters.csv that is broken. */
    private static final String CORRUPT = "F2";
    private static final int CORRUPT_LINE = 40;
    /** Noise-free data: every branch within 0.5 % (README, "How accurate is it?"). */
    private static final double EXACT_DATA_REL_TOL = 0.005;
    /** Few halves keep the test fast; the job passes them to the pipeline like any other value. */
    private static final int STABILITY = 2;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path fleet;
    private static Path meters;
    private static Map<String, List<BranchRow>> truth;

    @BeforeAll
    static void fleet() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("FleetJobTest")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        fleet = tmp.resolve("fleet");
        FleetSimulation.write(fleet, FLEET, "ieee13", SynthesisOptions.defaults().withDays(7), id -> {
        });
        meters = fleet.resolve(FleetSimulation.METERS_DIR);
        // corrupt one feeder: a voltage that is no number
        Path bad = meters.resolve("feeder_id=" + CORRUPT).resolve("meters.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        String[] f = lines.get(CORRUPT_LINE - 1).split(",", -1);
        f[2] = "0.98x";
        lines.set(CORRUPT_LINE - 1, String.join(",", f));
        Files.write(bad, lines);
        truth = new HashMap<>();
        for (String line : Files.readAllLines(fleet.resolve(FleetSimulation.TRUTH)).subList(1, 1 + 13 * FLEET)) {
            String[] c = line.split(",");
            truth.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new BranchRow(c[1], c[2], Double.parseDouble(c[3]), Double.parseDouble(c[4])));
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static String name(Path p) {
        return p.toString();
    }

    @Test
    void identifiesEveryGoodFeederAndRecordsTheBadOnesWithTheCliMessage() throws Exception {
        // a feeders table with a wrong root for F3 and without F4 (whose folder is there)
        Path feeders = tmp.resolve("feeders-mixed.csv");
        Files.writeString(feeders, "feeder_id,root,base_kv\nF1,650,4.16\nF2,650,4.16\nF3,999,4.16\n");
        Path out = tmp.resolve("out-mixed");
        FleetSummary summary = new FleetJob(spark, FleetOptions.of(name(feeders), name(meters), name(out))
                .withTruth(name(fleet.resolve(FleetSimulation.TRUTH))).withStabilityRuns(STABILITY), line -> {
        }).run();

        Map<String, Row> status = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("status").toString()).collectAsList()) {
            status.put(r.getString(r.fieldIndex("feeder_id")), r);
        }
        assertEquals(4, status.size(), "one row per feeder: three listed, one folder unlisted");
        Row ok = status.get("F1");
        assertEquals("ok", ok.getString(ok.fieldIndex("status")));
        assertEquals(1.0, ok.getDouble(ok.fieldIndex("f1")), "noise-free ieee13: the exact tree");
        assertEquals(14, ok.getInt(ok.fieldIndex("buses")));
        assertEquals(7 * 24, ok.getInt(ok.fieldIndex("intervals")));

        // the corrupt file: the message MeterCsvReader gives reading the same file, named as the user named it
        Path badFile = meters.resolve("feeder_id=" + CORRUPT).resolve("meters.csv");
        String expected = readerMessage(badFile);
        assertTrue(expected.startsWith(name(badFile) + ":" + CORRUPT_LINE + ": "), expected);
        Row corrupt = status.get(CORRUPT);
        assertEquals("invalid-input", corrupt.getString(corrupt.fieldIndex("status")));
        assertEquals(expected, corrupt.getString(corrupt.fieldIndex("message")));

        Row wrongRoot = status.get("F3");
        assertEquals("invalid-input", wrongRoot.getString(wrongRoot.fieldIndex("status")));
        assertTrue(wrongRoot.getString(wrongRoot.fieldIndex("message")).startsWith(
                name(meters.resolve("feeder_id=F3").resolve("meters.csv")) + ": root meter '999' not found"));
        Row unlisted = status.get("F4");
        assertEquals("invalid-input", unlisted.getString(unlisted.fieldIndex("status")));
        assertTrue(unlisted.getString(unlisted.fieldIndex("message")).contains("not in " + name(feeders)));

        // only the good feeder has tables; its branches are the truth's within the exact-data tolerance
        assertEquals(List.of("feeder_id=F1"), partitions(out.resolve("branches")));
        assertEquals(List.of("feeder_id=F1"), partitions(out.resolve("topology")));
        Dataset<Row> branches = spark.read().parquet(out.resolve("branches").toString());
        List<Row> rows = branches.collectAsList();
        assertEquals(truth.get("F1").size(), rows.size());
        Map<String, BranchRow> byChild = new HashMap<>();
        for (BranchRow t : truth.get("F1")) {
            byChild.put(t.toBus(), t);
        }
        for (Row r : rows) {
            BranchRow t = byChild.get(r.getString(r.fieldIndex("to_bus")));
            assertEquals(t.fromBus(), r.getString(r.fieldIndex("from_bus")));
            assertEquals(t.rOhm(), r.getDouble(r.fieldIndex("r_ohm")), Math.max(1e-4, t.rOhm() * EXACT_DATA_REL_TOL),
                    "r of " + t.fromBus() + "-" + t.toBus());
            assertEquals(t.xOhm(), r.getDouble(r.fieldIndex("x_ohm")), Math.max(1e-4, t.xOhm() * EXACT_DATA_REL_TOL),
                    "x of " + t.fromBus() + "-" + t.toBus());
        }

        assertEquals(1, summary.counts().get(FeederStatus.OK));
        assertEquals(3, summary.counts().get(FeederStatus.INVALID_INPUT));
        assertTrue(summary.anyFailed());
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json.contains("\"invalid-input\" : 3"), json);
        assertFalse(Files.exists(tmp.resolve(".out-mixed.partial")), "the staging folder is moved into place");
    }

    @Test
    void theTablesHoldWhatTheLibraryGivesInProcess() throws Exception {
        Path feeders = tmp.resolve("feeders-one.csv");
        Files.writeString(feeders, "feeder_id,base_kv,root\nF1,4.16,650\n");
        Path metersOne = tmp.resolve("meters-one");
        Files.createDirectories(metersOne.resolve("feeder_id=F1"));
        // any file name in a feeder folder is a meter file (the issue), here an AMI export's own
        Files.copy(meters.resolve("feeder_id=F1/meters.csv"), metersOne.resolve("feeder_id=F1/export-2026-q1.txt"));
        Path out = tmp.resolve("out-one");
        new FleetJob(spark, FleetOptions.of(name(feeders), name(metersOne), name(out)).withStabilityRuns(STABILITY),
                line -> {
                }).run();

        MeterFile file = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(4.16))
                .read(metersOne.resolve("feeder_id=F1/export-2026-q1.txt"));
        IdentificationResult direct = new IdentifyPipeline(FeederIdentification.taskOptions(STABILITY))
                .identify(file.data(), "650", 4.16, file.warnings());
        Map<String, Row> byChild = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("branches").toString()).collectAsList()) {
            byChild.put(r.getString(r.fieldIndex("to_bus")), r);
        }
        assertEquals(direct.branches().size(), byChild.size());
        for (IdentifiedBranch b : direct.branches()) {
            Row r = byChild.get(b.toBus());
            assertEquals(b.fromBus(), r.getString(r.fieldIndex("from_bus")));
            assertEquals(b.rOhm(), r.getDouble(r.fieldIndex("r_ohm")), 0.0, "the same double, bit for bit");
            assertEquals(b.xOhm(), r.getDouble(r.fieldIndex("x_ohm")), 0.0);
            assertEquals(direct.confidenceOf(b.toBus()), r.getDouble(r.fieldIndex("confidence")), 0.0);
        }
        // the topology table carries stage 1's evidence as the direct run has it (null where not weighed)
        int weighed = 0;
        for (Row r : spark.read().parquet(out.resolve("topology").toString()).collectAsList()) {
            double e = direct.evidenceOf(r.getString(r.fieldIndex("to_bus")));
            Object cell = r.get(r.fieldIndex("evidence"));
            if (Double.isNaN(e)) {
                assertNull(cell);
            } else {
                assertEquals(e, (Double) cell, 0.0);
                weighed++;
            }
        }
        assertTrue(weighed > 0, "the physics search weighs edges");
        Row status = spark.read().parquet(out.resolve("status").toString()).first();
        assertNull(status.get(status.fieldIndex("f1")), "no truth given: no F1");
    }

    @Test
    void meterTablesGiveTheSameResultAsTheCsvFolders() throws Exception {
        // F1's readings as typed Parquet, once in feeder_id= folders, once as one table with a feeder_id column;
        // and as a CSV table with a feeder_id column
        Dataset<Row> csv = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(meters.resolve("feeder_id=F1").toString()).withColumn("feeder_id", org.apache.spark.sql.functions.lit("F1"));
        Path hive = tmp.resolve("meters-parquet");
        csv.write().partitionBy("feeder_id").parquet(hive.toString());
        Path flat = tmp.resolve("meters-flat");
        csv.write().parquet(flat.toString());
        Path text = tmp.resolve("meters-csv-table"); // the readings' own text, with a feeder_id column
        spark.read().option("header", "true").csv(meters.resolve("feeder_id=F1").toString())
                .withColumn("feeder_id", org.apache.spark.sql.functions.lit("F1")).write().option("header", "true")
                .csv(text.toString());
        Path feeders = tmp.resolve("feeders-parquet.csv");
        Files.writeString(feeders, "feeder_id,root,base_kv\nF1,650,4.16\nF9,650,4.16\n");

        MeterFile file = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(4.16))
                .read(meters.resolve("feeder_id=F1/meters.csv"));
        IdentificationResult direct = new IdentifyPipeline(FeederIdentification.taskOptions(STABILITY))
                .identify(file.data(), "650", 4.16, file.warnings());
        for (Path table : List.of(hive, flat, text)) {
            Path out = tmp.resolve("out-" + table.getFileName());
            FleetSummary summary = new FleetJob(spark, FleetOptions.of(name(feeders), name(table), name(out))
                    .withStabilityRuns(STABILITY), line -> {
            }).run();
            assertEquals(1, summary.counts().get(FeederStatus.OK), table.toString());
            FeederOutcome absent = summary.feeders().stream().filter(o -> o.feederId().equals("F9")).findFirst()
                    .orElseThrow();
            assertEquals(name(table) + ": no readings of feeder F9 (listed in " + name(feeders) + ")", absent.message());
            Map<String, Row> byChild = new HashMap<>();
            for (Row r : spark.read().parquet(out.resolve("branches").toString()).collectAsList()) {
                byChild.put(r.getString(r.fieldIndex("to_bus")), r);
            }
            assertEquals(direct.branches().size(), byChild.size());
            for (IdentifiedBranch b : direct.branches()) {
                Row r = byChild.get(b.toBus());
                assertEquals(b.fromBus(), r.getString(r.fieldIndex("from_bus")));
                assertEquals(b.rOhm(), r.getDouble(r.fieldIndex("r_ohm")), 0.0, "the same readings, the same double");
                assertEquals(b.xOhm(), r.getDouble(r.fieldIndex("x_ohm")), 0.0);
            }
        }
    }

    @Test
    void eachFeederRunsWithItsOwnOptionsFromTheFeedersTable() throws Exception {
        // F1 with the built-in library, F3 with none (and no stability halves), F4 with a library file of two
        // types; F5 and F6 (F1's readings) with a bad fit and a missing library, which fail only themselves
        // F4's library: two of ieee13's conductors under names of its own, so only this file can name them
        Map<String, String> renamed = Map.of("556,500 26/7 ACSR", "OWN-556", "1/0 ACSR 2-phase", "OWN-1/0-2PH");
        StringBuilder lib = new StringBuilder("name,r_ohm_per_km,x_ohm_per_km,ampacity_a\n");
        for (var e : renamed.entrySet()) {
            ConductorType t = ConductorLibrary.builtIn().byName(e.getKey());
            lib.append(e.getValue()).append(',').append(t.rOhmPerKm()).append(',').append(t.xOhmPerKm()).append(',')
                    .append(t.ampacityAmps()).append('\n');
        }
        Path library = tmp.resolve("own-types.csv");
        Files.writeString(library, lib);
        Path missing = tmp.resolve("no-library.csv");
        Path metersOpt = tmp.resolve("meters-options");
        for (String[] copy : new String[][]{{"F1", "F1"}, {"F3", "F3"}, {"F4", "F4"}, {"F5", "F1"}, {"F6", "F1"}}) {
            Files.createDirectories(metersOpt.resolve("feeder_id=" + copy[0]));
            Files.copy(meters.resolve("feeder_id=" + copy[1] + "/meters.csv"),
                    metersOpt.resolve("feeder_id=" + copy[0] + "/meters.csv"));
        }
        Path feeders = tmp.resolve("feeders-options.csv");
        Files.writeString(feeders, "feeder_id,root,base_kv,conductors,fit,stability\n"
                + "F1,650,4.16,builtin,,\n"
                + "F3,650,4.16,,,0\n"
                + "F4,650,4.16," + library + ",,\n"
                + "F5,650,4.16,,fast,\n"
                + "F6,650,4.16," + missing + ",,\n");
        Path out = tmp.resolve("out-options");
        FleetSummary summary = new FleetJob(spark, FleetOptions.of(name(feeders), name(metersOpt), name(out))
                .withStabilityRuns(STABILITY), line -> {
        }).run();

        Map<String, FeederOutcome> byId = new HashMap<>();
        summary.feeders().forEach(o -> byId.put(o.feederId(), o));
        for (String id : List.of("F1", "F3", "F4")) {
            assertEquals(FeederStatus.OK, byId.get(id).status(), id + ": " + byId.get(id).message());
        }
        assertEquals(FeederStatus.INVALID_INPUT, byId.get("F5").status());
        assertEquals(name(feeders) + ":5: fit must be ls or lad, not 'fast'", byId.get("F5").message());
        assertEquals(FeederStatus.INVALID_INPUT, byId.get("F6").status());
        assertEquals(name(feeders) + ":6: conductors: " + name(missing) + ": no such file (or use 'builtin')",
                byId.get("F6").message());

        Map<String, List<Row>> branches = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("branches").toString()).collectAsList()) {
            branches.computeIfAbsent(r.getString(r.fieldIndex("feeder_id")), k -> new ArrayList<>()).add(r);
        }
        assertEquals(java.util.Set.of("F1", "F3", "F4"), branches.keySet());
        // F1 (built-in library): each line gets the conductor ieee13 is built of, the transformer and the switch
        // none (the README's "How accurate is it?": noise-free ieee13 with the built-in library)
        Map<String, String> trueType = new HashMap<>();
        for (Branch b : TestFeeders.load("ieee13").branches()) {
            trueType.put(b.toBus(), b.conductor());
        }
        assertEquals(trueType.size(), branches.get("F1").size());
        for (Row r : branches.get("F1")) {
            String child = r.getString(r.fieldIndex("to_bus"));
            assertEquals(trueType.get(child), r.getString(r.fieldIndex("conductor")), "F1: the conductor of " + child);
        }
        assertTrue(trueType.values().stream().filter(java.util.Objects::nonNull).allMatch(ConductorLibrary.builtIn()::contains),
                "ieee13's lines are built-in types");
        // F4 (its own file): the lines of those two conductors get their new names, no branch a built-in name
        assertEquals(trueType.size(), branches.get("F4").size());
        for (Row r : branches.get("F4")) {
            String c = r.getString(r.fieldIndex("conductor"));
            String truthType = trueType.get(r.getString(r.fieldIndex("to_bus")));
            String own = truthType == null ? null : renamed.get(truthType);
            if (own != null) {
                assertEquals(own, c, "F4: the conductor of " + r.getString(r.fieldIndex("to_bus")));
            } else {
                assertTrue(c == null || renamed.containsValue(c), "F4: a type of its own library or none, not " + c);
            }
        }
        for (Row r : branches.get("F3")) {
            assertNull(r.get(r.fieldIndex("conductor")), "F3 has no library: no conductor");
        }
        // F3's options reached the pipeline: its tables are what the library gives in-process with stability 0
        MeterFile file = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(4.16))
                .read(metersOpt.resolve("feeder_id=F3/meters.csv"));
        IdentificationResult direct = new IdentifyPipeline(FeederIdentification.taskOptions(0))
                .identify(file.data(), "650", 4.16, file.warnings());
        assertEquals(direct.branches().size(), branches.get("F3").size());
        for (Row r : branches.get("F3")) {
            String child = r.getString(r.fieldIndex("to_bus"));
            assertEquals(direct.confidenceOf(child), r.getDouble(r.fieldIndex("confidence")), 0.0,
                    "the same double, bit for bit: " + child);
        }
    }

    @Test
    void theLauncherWritesCsvWithHeadersAndSaysByItsExitCodeWhetherAFeederFailed() throws Exception {
        Path out = tmp.resolve("out-csv");
        Path feeders = fleet.resolve(FleetSimulation.FEEDERS);
        Run run = launch("--feeders", name(feeders), "--meters", name(meters), "--out", name(out), "--format", "csv",
                "--stability", "" + STABILITY);
        assertEquals(FleetMain.FEEDERS_FAILED, run.code, run.err);
        assertTrue(run.err.contains(CORRUPT + " invalid-input: " + name(meters)), run.err);
        assertEquals(FLEET, run.err.lines().filter(l -> l.startsWith("[")).count(), "one progress line per feeder");
        assertTrue(run.out.startsWith(FLEET + " feeders in "), run.out);

        Path part = csvPart(out.resolve("branches/feeder_id=F1"));
        List<String> lines = Files.readAllLines(part);
        assertTrue(lines.get(0).startsWith("from_bus,to_bus,r_ohm,x_ohm,conductor,"), lines.get(0));
        assertEquals(1 + 13, lines.size(), "a header and ieee13's 13 branches");
        assertEquals("from_bus,to_bus,confidence,evidence", Files.readAllLines(csvPart(out.resolve("topology/feeder_id=F1"))).get(0));
        List<String> status = Files.readAllLines(csvPart(out.resolve("status")));
        assertEquals("feeder_id,status,message,buses,intervals,seconds,branches,mean_confidence,min_confidence,"
                + "warnings,f1,warning_codes", status.get(0));
        assertEquals(1 + FLEET, status.size());
        // the last column names the codes of the warnings the count counts: some exactly when the count is not 0
        for (String row : status.subList(1, status.size())) {
            String[] f = row.split(",", -1);
            String codes = f[f.length - 1].replace("\"", "");
            int count = Integer.parseInt(f[f.length - 3]);
            assertEquals(count > 0, !codes.isEmpty(), row);
            for (String code : codes.isEmpty() ? new String[0] : codes.split(";")) {
                WarningCode.valueOf(code);
            }
        }

        // the same fleet without the corrupt feeder: every feeder ok, exit code 0
        Path good = tmp.resolve("feeders-good.csv");
        Files.write(good, Files.readAllLines(feeders).stream().filter(l -> !l.startsWith(CORRUPT + ",")).toList());
        Path metersGood = tmp.resolve("meters-good");
        for (String id : List.of("F1", "F3", "F4")) {
            Files.createDirectories(metersGood.resolve("feeder_id=" + id));
            Files.copy(meters.resolve("feeder_id=" + id + "/meters.csv"), metersGood.resolve("feeder_id=" + id + "/meters.csv"));
        }
        Run clean = launch("--feeders", name(good), "--meters", name(metersGood), "--out", name(tmp.resolve("out-good")),
                "--stability", "" + STABILITY);
        assertEquals(FleetMain.OK, clean.code, clean.err);
    }

    @Test
    void badJobInputIsOneLineAndWritesNothing() throws Exception {
        Path feeders = tmp.resolve("feeders-bad.csv");
        Files.writeString(feeders, "feeder_id,root,base_kv\nF1,650,4.16\nF2,650,-4.16\n");
        Path out = tmp.resolve("out-bad");
        Run run = launch("--feeders", name(feeders), "--meters", name(meters), "--out", name(out));
        assertEquals(FleetMain.INVALID_INPUT, run.code);
        assertEquals(name(feeders) + ":3: base_kv must be a positive number of kV, not -4.16\n", run.err);
        assertFalse(Files.exists(out));

        Path used = Files.createDirectories(tmp.resolve("out-used"));
        Files.writeString(used.resolve("keep.txt"), "x");
        Run again = launch("--feeders", name(fleet.resolve(FleetSimulation.FEEDERS)), "--meters", name(meters),
                "--out", name(used));
        assertEquals(FleetMain.INVALID_INPUT, again.code);
        assertEquals(name(used) + ": exists and is not empty; give a new or empty folder\n", again.err);
        try (Stream<Path> s = Files.list(used)) {
            assertEquals(1, s.count());
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = FleetMain.commandLine(new FleetMain(master -> spark, false));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String readerMessage(Path file) throws IOException {
        try {
            new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(4.16)).read(file);
            throw new AssertionError("the corrupt file was read");
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private static List<String> partitions(Path table) throws IOException {
        try (Stream<Path> s = Files.list(table)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("feeder_id=")).sorted().toList();
        }
    }

    private static Path csvPart(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
    }
}

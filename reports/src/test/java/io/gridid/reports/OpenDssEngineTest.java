package io.gridid.reports;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gridid's OpenDSS export loaded into the real engine ({@link DssEngine}): simulated noise-free
 * data with PV (negative loads), identified by the full pipeline (with and without the conductor
 * library), written as a result folder, read back and exported; the engine must load it without
 * error, see exactly the buses and lines of {@code branches.csv}, and reproduce every meter's
 * voltage in the snapshot the master solves and in the next intervals of Yearly mode.
 */
class OpenDssEngineTest {
    /** The bound for noise-free data (identification and both power flows are exact far below it). */
    static final double NOISE_FREE_PU = 1e-5;
    /** Line impedances as the engine reads them back: 8 significant digits written. */
    private static final double OHM_RELATIVE = 1e-7;
    /** Days of hourly data: enough for the identification, short for the test. */
    private static final int DAYS = 3;
    /** Yearly-mode intervals stepped through after the snapshot: a day, so PV hours are included. */
    private static final int STEPS = 24;
    /** Relative band around sigma for an RMS of noise over ~1700 readings: more than 5 standard errors. */
    private static final double RMS_BAND = 0.1;

    /** lineCodes: whether the library fits some branches (ieee69's lines match none of its types). */
    @ParameterizedTest(name = "{0}, library {1}")
    @CsvSource({"ieee13,false,false", "ieee13,true,true", "ieee69,false,false", "ieee69,true,false",
            "random:200,false,false", "random:200,true,true"})
    void theEngineReproducesTheMeters(String feederName, boolean library, boolean lineCodes, @TempDir Path dir)
            throws Exception {
        DssEngine engine = DssEngine.find();
        Feeder truth = TestFeeders.load(feederName);
        SimulatedData sim = MeterDataSynthesizer.synthesize(truth, SynthesisOptions.defaults().withDays(DAYS)
                .withPvFraction(0.5));
        MeterData meters = sim.meters();
        IdentifyOptions options = library
                ? IdentifyOptions.defaults().withImpedance(ImpedanceOptions.defaults()
                        .withConductors(ConductorLibrary.builtIn().types()))
                : IdentifyOptions.defaults();
        IdentificationResult identified = new IdentifyPipeline(options).identify(meters, truth.rootBus(),
                truth.baseKv(), List.of());
        Path result = Files.createDirectory(dir.resolve("result"));
        ResultFolder.write(result, identified);
        IdentificationResult r = ResultFolder.read(result);
        List<BranchRow> branches = BranchCsvReader.read(result.resolve(ResultFolder.BRANCHES));
        assertEquals(lineCodes, branches.stream().anyMatch(b -> !b.extra().getOrDefault(BranchColumns.CONDUCTOR, "").isEmpty()),
                "branches with a conductor type (exported with a LineCode)");

        Path out = Files.createDirectories(dir.resolve("model out"));
        Path master = out.resolve("feeder model.dss");
        MeteredLoads loads = MeteredLoads.of(r, meters, "meters.csv");
        ExportFormat.writeOpenDss(r, loads, OpenDssExport.Mode.SNAPSHOT, master);
        Map<String, String> names = busTable(out.resolve("feeder model-buses.csv"));

        List<String> commands = new ArrayList<>(List.of("Compile \"" + master.toAbsolutePath() + "\"",
                "#SUMMARY", "#LINES", "#VOLTS", "Set Mode=Yearly Stepsize=3600s Number=1"));
        for (int k = 0; k < STEPS; k++) {
            commands.add("Solve");
            commands.add("#SUMMARY");
            commands.add("#VOLTS");
        }
        // another working directory: the side files must be found relative to the master
        DssEngine.Output o = engine.run(commands, Files.createDirectory(dir.resolve("elsewhere")));
        o.assertNoError();
        assertEquals(branches.size() + 1, o.summaryValue("buses"), o.summary());
        assertEquals(branches.size(), o.summaryValue("lines"), o.summary());
        assertEquals(loads.loadBuses().size(), o.summaryValue("loads"), o.summary());
        assertEquals(truth.tree().size() - 1, loads.loadBuses().size(), "every non-root bus is metered");
        assertEquals(STEPS + 1, o.lines("summary").size());
        assertTrue(o.lines("summary").stream().allMatch(l -> l.contains("converged=1")), o.lines("summary").toString());

        assertLinesAsInBranches(o.lines("line"), branches, names);

        List<Map<String, Double>> blocks = o.voltBlocks();
        assertEquals(STEPS + 1, blocks.size());
        assertVoltagesMatch(blocks.get(0), meters, 0, r.baseKv(), names, "snapshot");
        boolean pv = false;
        for (int k = 0; k < STEPS; k++) {
            assertVoltagesMatch(blocks.get(k + 1), meters, k, r.baseKv(), names, "yearly step " + (k + 1));
            for (int i = 0; i < loads.loadBuses().size(); i++) {
                pv |= loads.pMw(i, k) < 0;
            }
        }
        assertTrue(pv, "some bus injects (PV as a negative load) in the intervals solved");
    }

    @Test
    void theYearlyMasterRunsEveryIntervalAndEndsOnTheLast(@TempDir Path dir) throws Exception {
        DssEngine engine = DssEngine.find();
        Feeder truth = TestFeeders.load("ieee13");
        MeterData meters = MeterDataSynthesizer.synthesize(truth, SynthesisOptions.defaults().withDays(2)
                .withIntervalMinutes(15).withPvFraction(0.5)).meters();
        IdentificationResult r = trueModel(truth);
        Path master = dir.resolve("feeder.dss");
        ExportFormat.writeOpenDss(r, MeteredLoads.of(r, meters, "meters.csv"), OpenDssExport.Mode.YEARLY, master);
        assertTrue(Files.readString(master).contains("Set Mode=Yearly Stepsize=900s Number=192"));
        DssEngine.Output o = engine.run(List.of("Compile \"" + master.toAbsolutePath() + "\"", "#SUMMARY", "#VOLTS"),
                Files.createDirectory(dir.resolve("run")));
        o.assertNoError();
        assertEquals(1, o.summaryValue("converged"), o.summary());
        Map<String, String> names = busTable(dir.resolve("feeder-buses.csv"));
        assertVoltagesMatch(o.voltBlocks().get(0), meters, meters.intervalCount() - 1, truth.baseKv(), names,
                "last interval");
    }

    /**
     * Customer meters with voltage noise (sigma 1e-4 p.u.; the feeder head's reading exact, as
     * SCADA's, since the source is set to it) on the true model: the engine's voltages are the
     * true ones, so they differ from the meters by the noise: the RMS over 25 intervals x 68
     * buses (1700 readings) lies within {@link #RMS_BAND} of sigma (its relative standard error
     * is 1/sqrt(2 x 1700) = 1.7 %).
     */
    @Test
    void onNoisyMetersTheEngineDiffersByTheNoise(@TempDir Path dir) throws Exception {
        DssEngine engine = DssEngine.find();
        double sigma = 1e-4;
        Feeder truth = TestFeeders.load("ieee69");
        SimulatedData sim = MeterDataSynthesizer.synthesize(truth, SynthesisOptions.defaults().withDays(2)
                .withPvFraction(0.5).withNoiseVoltagePu(sigma));
        MeterData noisy = sim.meters();
        MeterData.Builder exactRoot = MeterData.builder(noisy.meterIds(), noisy.epochSeconds());
        int root = noisy.indexOf(truth.rootBus());
        for (int m = 0; m < noisy.meterCount(); m++) {
            MeterData from = m == root ? sim.truthMeters() : noisy;
            int i = from.indexOf(noisy.meterIds().get(m));
            for (int t = 0; t < noisy.intervalCount(); t++) {
                exactRoot.set(m, t, from.vKv(i, t), from.pMw(i, t), from.qMvar(i, t));
            }
        }
        MeterData meters = exactRoot.build();
        IdentificationResult r = trueModel(truth);
        Path master = dir.resolve("feeder.dss");
        ExportFormat.writeOpenDss(r, MeteredLoads.of(r, meters, "meters.csv"), OpenDssExport.Mode.SNAPSHOT, master);
        Map<String, String> names = busTable(dir.resolve("feeder-buses.csv"));
        List<String> commands = new ArrayList<>(List.of("Compile \"" + master.toAbsolutePath() + "\"", "#VOLTS",
                "Set Mode=Yearly Stepsize=3600s Number=1"));
        for (int k = 1; k < STEPS + 1; k++) {
            commands.add("Solve");
            commands.add("#SUMMARY");
            commands.add("#VOLTS");
        }
        DssEngine.Output o = engine.run(commands, Files.createDirectory(dir.resolve("run")));
        o.assertNoError();
        List<Map<String, Double>> blocks = o.voltBlocks();
        double sum = 0;
        int n = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int t = Math.max(0, b - 1);   // block 0: the snapshot; block k >= 1: Yearly step k = interval k - 1
            for (int m = 0; m < meters.meterCount(); m++) {
                String id = meters.meterIds().get(m);
                if (id.equals(truth.rootBus())) {
                    continue;   // the source is set to the root's reading: no error there
                }
                double e = blocks.get(b).get(names.get(id).toLowerCase(Locale.ROOT) + ".1") - meters.vKv(m, t) / truth.baseKv();
                sum += e * e;
                n++;
            }
        }
        assertEquals(STEPS + 1, blocks.size());
        assertEquals(sigma, Math.sqrt(sum / n), RMS_BAND * sigma, "RMS of engine - meters over " + n + " readings");
    }

    /** A feeder's true branches as a result (no conductor types). */
    static IdentificationResult trueModel(Feeder truth) {
        List<BranchRow> rows = new ArrayList<>();
        for (BranchRow b : io.gridid.feeders.SimulationFiles.truthRows(truth)) {
            rows.add(new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), Map.of()));
        }
        return new IdentificationResult(truth.rootBus(), truth.baseKv(), SampleResults.typed(rows), Map.of(),
                new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 0, 0, 0, 0), Map.of(), List.of(), Map.of(),
                List.of());
    }

    /** bus_id -> OpenDSS name, from the side table. */
    static Map<String, String> busTable(Path file) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(Files.readString(file)))) {
            m.put(rec.get("bus_id"), rec.get("opendss_bus"));
        }
        return m;
    }

    /** The engine's lines are exactly the branches (by bus pair), with their ohms. */
    static void assertLinesAsInBranches(List<String> lineRows, List<BranchRow> branches, Map<String, String> names) {
        assertEquals(branches.size(), lineRows.size());
        Map<String, double[]> engine = new HashMap<>();
        Set<String> lineNames = new HashSet<>();
        for (String row : lineRows) {
            String[] f = row.split(",");
            assertTrue(lineNames.add(f[1]), "line name " + f[1] + " twice");
            engine.put(f[2].toLowerCase(Locale.ROOT) + "|" + f[3].toLowerCase(Locale.ROOT),
                    new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
        for (BranchRow b : branches) {
            String key = names.get(b.fromBus()).toLowerCase(Locale.ROOT) + "|" + names.get(b.toBus()).toLowerCase(Locale.ROOT);
            double[] z = engine.get(key);
            assertNotNull(z, "no engine line " + key + " for " + b.fromBus() + " -> " + b.toBus() + "; engine: " + engine.keySet());
            assertEquals(b.rOhm(), z[0], OHM_RELATIVE * Math.max(Math.abs(b.rOhm()), 1e-6), "r of " + key);
            assertEquals(b.xOhm(), z[1], OHM_RELATIVE * Math.max(Math.abs(b.xOhm()), 1e-6), "x of " + key);
        }
    }

    /** Every node of every metered bus with a reading in interval t is within {@link #NOISE_FREE_PU} of it. */
    static void assertVoltagesMatch(Map<String, Double> volts, MeterData meters, int t, double baseKv,
                                    Map<String, String> names, String what) {
        assertEquals(3 * names.size(), volts.size(), what + ": three live nodes per bus");
        int compared = 0;
        for (int m = 0; m < meters.meterCount(); m++) {
            String name = names.get(meters.meterIds().get(m));
            double v = meters.vKv(m, t) / baseKv;
            if (name == null || Double.isNaN(v)) {
                continue;
            }
            for (int phase = 1; phase <= 3; phase++) {
                Double engine = volts.get(name.toLowerCase(Locale.ROOT) + "." + phase);
                assertNotNull(engine, what + ": no node " + name + "." + phase);
                assertEquals(v, engine, NOISE_FREE_PU, what + ": bus " + meters.meterIds().get(m));
            }
            compared++;
        }
        assertEquals(names.size(), compared, what + ": every bus compared");
    }
}

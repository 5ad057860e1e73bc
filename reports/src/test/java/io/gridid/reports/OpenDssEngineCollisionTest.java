package io.gridid.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bus ids that broke the earlier export, loaded into the real engine: {@code a -> b_c} next to
 * {@code a_b -> c} (one line name when names joined ids), ids with {@code .}, space, {@code =}
 * and {@code !}, a case clash, and valid ids ({@code n_1}, {@code n_1_2}, {@code BUS_2}) that a
 * renamed id's name must step around. Every line must load, every bus live at its meter's
 * voltage, and only the ids OpenDSS cannot take renamed.
 */
class OpenDssEngineCollisionTest {
    private static final double KV = 12.47;

    @Test
    void awkwardIdsAllLoadAndOnlyTheInvalidOnesAreRenamed(@TempDir Path dir) throws Exception {
        DssEngine engine = DssEngine.find();
        String[][] edges = {
                {"src", "a"}, {"a", "b_c"}, {"src", "a_b"}, {"a_b", "c"}, {"a", "n.1"}, {"a", "n_1"},
                {"n_1", "n_1_2"}, {"n_1", "x y"}, {"x y", "p=q"}, {"p=q", "w!"}, {"c", "Bus"}, {"c", "BUS"},
                {"c", "BUS_2"}};
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            branches.add(Branch.ofImpedance(edges[i][0], edges[i][1], 0.1 + 0.01 * i, 0.2 + 0.02 * i));
        }
        Feeder feeder = new Feeder("collisions", "test", KV, "src", 1.0, branches, Map.of());
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(1)
                .withMinLoadMw(0.2));
        List<BranchRow> rows = new ArrayList<>();
        for (String bus : feeder.tree().topDown()) {
            if (!bus.equals("src")) {
                Branch b = feeder.branchTo(bus);
                rows.add(new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), Map.of()));
            }
        }
        IdentificationResult r = new IdentificationResult("src", KV, SampleResults.typed(rows), Map.of(),
                new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 0, 0, 0, 0), Map.of(), List.of(), Map.of(),
                List.of());

        Path master = dir.resolve("feeder.dss");
        OpenDssModel model = ExportFormat.writeOpenDss(r, MeteredLoads.of(r, sim.meters(), "meters.csv"),
                OpenDssExport.Mode.SNAPSHOT, master);

        List<String> top = feeder.tree().topDown();
        String clashKept = top.indexOf("Bus") < top.indexOf("BUS") ? "Bus" : "BUS";
        String clashRenamed = clashKept.equals("Bus") ? "BUS" : "Bus";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("n.1", "n_1_3");        // n_1 and n_1_2 are valid ids, kept
        expected.put("x y", "x_y");
        expected.put("p=q", "p_q");
        expected.put("w!", "w_");
        expected.put(clashRenamed, clashRenamed + "_3"); // _2 is the valid id BUS_2 (case-insensitively)
        assertEquals(new TreeMap<>(expected), new TreeMap<>(model.renamedBuses()));
        Map<String, String> names = OpenDssEngineTest.busTable(dir.resolve("feeder-buses.csv"));
        assertEquals(feeder.tree().size(), names.size(), "the table lists every bus");
        for (String id : top) {
            assertEquals(expected.getOrDefault(id, id), names.get(id), "OpenDSS name of " + id);
        }

        DssEngine.Output o = engine.run(List.of("Compile \"" + master.toAbsolutePath() + "\"", "#SUMMARY", "#LINES",
                "#VOLTS"), Files.createDirectory(dir.resolve("run")));
        o.assertNoError();
        assertEquals(edges.length + 1, o.summaryValue("buses"), o.summary());
        assertEquals(edges.length, o.summaryValue("lines"), o.summary());
        OpenDssEngineTest.assertLinesAsInBranches(o.lines("line"), rows, names);
        OpenDssEngineTest.assertVoltagesMatch(o.voltBlocks().get(0), sim.meters(), 0, KV, names, "snapshot");
    }
}

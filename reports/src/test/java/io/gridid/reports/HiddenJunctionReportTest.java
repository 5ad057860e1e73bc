package io.gridid.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.feeders.UnmeteredBuses;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.SplitScore;
import io.gridid.pipeline.SplitScoring;
import io.gridid.topology.HiddenJunctionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HiddenJunctionReportTest {
    /**
     * IEEE 13 with its unloaded junctions unmetered, identified with the hidden-junction search:
     * the report lists the two identifiable hidden buses, draws them as such, and scores a split
     * F1 of 1 against the simulation's truth (633, one child, merged).
     */
    @Test
    void theReportListsDrawsAndScoresHiddenJunctions(@TempDir Path dir) throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        MeterData data = UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(60),
                UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad())).meters();
        IdentifyOptions o = IdentifyOptions.defaults();
        o = o.withTopology(o.topology().withHidden(HiddenJunctionOptions.defaults().withEnabled(true)));
        IdentificationResult r = new IdentifyPipeline(o).identify(data, "650", f.baseKv(), List.of());
        ResultFolder.write(dir, r);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultFolder.REPORT_JSON).toFile());
        List<String> listed = new ArrayList<>();
        json.path("hidden_buses").forEach(n -> listed.add(n.asText()));
        assertEquals(2, listed.size());
        for (String h : listed) {
            assertFalse(data.hasMeter(h));
        }
        String html = Files.readString(dir.resolve(ResultFolder.REPORT_HTML));
        assertEquals(2, html.split("class=\"bus hidden\"", -1).length - 1);
        SplitScore s = new SplitScoring().score(r.contractRows(), SimulationFiles.truthRows(f), "650", data::hasMeter);
        assertEquals(1.0, s.f1());
        // a hidden bus's edges are read back from the folder as written
        assertEquals(listed, ResultFolder.read(dir).hiddenBuses());
    }
}

package io.gridid.reports;

import io.gridid.impedance.JointRefinementReport;
import io.gridid.model.GrididException;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.StageStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gridid.reports.SampleResults.EVIL_ID;
import static io.gridid.reports.SampleResults.QUOTES_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultReportTest {
    /** The score 5/6 goes into the JSON as the shortest text of the double and back: round-off room only. */
    private static final double JSON_ROUND_TRIP = 1e-12;


    @Test
    void htmlHasOneRowAndOneSvgEdgePerBranchAndOneCirclePerBus() throws GrididException {
        IdentificationResult r = SampleResults.fiveBranches();
        Document doc = Jsoup.parse(new HtmlReport().render(r));
        assertEquals(6, doc.select("table#branches tbody tr").size());
        assertEquals(6, doc.select("svg#tree line.edge").size());
        assertEquals(7, doc.select("svg#tree circle.bus").size());
        assertTrue(doc.select("svg#scatter-r").isEmpty(), "no scatter without truth");
        // longest path 650-632-671-EVIL-QUOTES: five buses, all with a mean voltage
        String points = doc.selectFirst("svg#profile polyline").attr("points");
        assertEquals(5, points.split(" ").length);
        assertEquals(1, doc.select("ul#warnings li").size());
    }

    @Test
    void theBranchTableShowsEachBranchsEvidenceBesideItsConfidence() throws GrididException {
        IdentificationResult r = SampleResults.fiveBranches();
        Document doc = Jsoup.parse(new HtmlReport().render(r));
        List<String> heads = doc.select("table#branches thead th").eachText();
        int conf = heads.indexOf("confidence");
        assertEquals(conf + 1, heads.indexOf("evidence"), String.valueOf(heads));
        Map<String, String> byChild = new HashMap<>();
        for (Element row : doc.select("table#branches tbody tr")) {
            byChild.put(row.child(1).text(), row.child(conf + 1).attr("data-v"));
        }
        assertEquals("812.25", byChild.get("632"));
        assertEquals("-3.5", byChild.get("633"));
        assertEquals("", byChild.get("671"), "not weighed: an empty cell");
    }

    @Test
    void theFirstSectionSaysHowFarToTrustTheResult() throws GrididException {
        IdentificationResult r = SampleResults.fiveBranches();
        r = new IdentificationResult(r.rootBus(), r.baseKv(), r.branches(), r.confidence(), r.diagnostics(),
                r.meanVoltagePu(), List.of(Warning.of(WarningCode.METERS_PARTIAL, "meter " + EVIL_ID + " has gaps", EVIL_ID),
                Warning.of(WarningCode.X_NOT_PINNED, "branch 632-633: the data do not pin down x (standard error 40 %)"
                        + " [unconstrained r=0.3, x=0.3 ohm]", "632-633")),
                r.stageSeconds(), r.truth());
        Document doc = Jsoup.parse(new HtmlReport().render(r));
        Element first = doc.body().child(1);
        assertEquals("trust", first.id(), "the trust summary comes right after the title");
        String text = first.text();
        // 1440 hourly intervals from 2026-01-01 00:00 UTC: 59 days 23 h later, 60 days in all
        assertTrue(text.contains("2026-01-01 00:00 UTC to 2026-03-01 23:00 UTC (60 days)"), text);
        assertTrue(text.contains("1440, every 60 min; 1400 complete enough for stage 1"), text);
        // 12 missing of 3 x 7 x 1440 = 30240 readings
        assertTrue(text.contains("0.040 % (12 of the |V|, P, Q readings)"), text);
        // confidences 0.2, 0.9, 0.5, 0.7 are below 0.99; 1.0 is not, NaN is unknown
        assertTrue(text.contains("4 of 6 edges"), text);
        assertTrue(text.contains("632-633, 632-671, 671-680, " + EVIL_ID + "-" + QUOTES_ID), text);
        assertTrue(text.contains("1 of 6 branches"), text);
        assertTrue(text.contains("the data do not pin down x: 1 branch (632-633)"), text);
        assertTrue(first.select("#warning-kinds li").eachText().contains("meter " + EVIL_ID + " has gaps"), text);
        // the branch table names what is poorly determined, and a 1e-9 gap is solver rounding: 0
        Element row = doc.select("table#branches tbody tr").get(1);
        assertEquals("633", row.child(1).text());
        assertEquals("x", row.selectFirst("td.poor").text());
        int gap = doc.select("table#branches thead th").eachText().indexOf("gap (\u03a9\u00b2)");
        assertEquals("0", row.child(gap).text());
    }

    @Test
    void userStringsComeOutInertAndIntact() throws GrididException {
        Document doc = Jsoup.parse(new HtmlReport().render(SampleResults.fiveBranches().withTruth(SampleResults.truth())));
        assertEquals(1, doc.select("script").size(), "one script, the report's own");
        assertEquals(ReportScript.JS, doc.selectFirst("script").data(), "no user data inside the script");
        assertTrue(doc.getAllElements().stream().noneMatch(e -> e.tagName().equals("alert")));
        List<String> ids = doc.select("table#branches td.id").eachText();
        assertTrue(ids.contains(EVIL_ID), "the id is shown as text: " + ids);
        assertTrue(ids.contains(QUOTES_ID), "quotes and ampersand preserved: " + ids);
        assertTrue(doc.select("svg#tree text").eachText().contains(EVIL_ID));
        assertEquals("meter " + EVIL_ID + " has gaps", doc.selectFirst("ul#warnings li").text());
    }

    @Test
    void selfContainedNoNetworkOneConstantScript() throws GrididException {
        Document doc = Jsoup.parse(new HtmlReport().render(SampleResults.fiveBranches().withTruth(SampleResults.truth())));
        for (Element e : doc.getAllElements()) {
            assertFalse(e.hasAttr("src"), "no external resource: " + e.tagName());
            assertFalse(e.tagName().equals("link"), "no linked stylesheet");
            assertFalse(e.attributes().asList().stream().anyMatch(a -> a.getKey().startsWith("on")), "no handlers");
        }
        assertEquals(1, doc.select("style").size());
        assertEquals(1, doc.select("script").size());
        assertFalse(doc.html().contains("http://") && doc.html().replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "no address other than the SVG namespace");
        assertFalse(doc.html().contains("https://"), "no https address");
    }

    @Test
    void withTruthTheScattersHaveOnePointPerMatchedBranchAndExtrasAreDashed() throws GrididException {
        Document doc = Jsoup.parse(new HtmlReport().render(SampleResults.fiveBranches().withTruth(SampleResults.truth())));
        // matched: 650-632, 632-633 (reversed), 632-671, 671-EVIL, EVIL-QUOTES; extra: 671-680
        assertEquals(5, doc.select("svg#scatter-r circle.pt").size());
        assertEquals(5, doc.select("svg#scatter-x circle.pt").size());
        assertEquals(1, doc.select("svg#tree line.edge.wrong").size());
        assertEquals("True branches not identified: 632\u2013680", doc.selectFirst("p#missing").text());
    }

    /** A joint-refinement record whose solver this gridid does not know is read as not recorded, not refused. */
    @Test
    void anUnknownJointRefinementSolverReadsAsNotRecorded() throws GrididException {
        ReportJson json = new ReportJson();
        String written = json.write(SampleResults.fiveBranches());
        assertTrue(written.contains("\"DENSE\""), written);
        IdentificationResult back = json.read(written.replace("\"DENSE\"", "\"QUANTUM\""), "report.json");
        assertEquals(JointRefinementReport.NOT_RECORDED, back.jointRefinement());
    }

    @Test
    void jsonRoundTripReproducesTheResult() throws GrididException {
        IdentificationResult r = SampleResults.fiveBranches().withTruth(SampleResults.truth());
        ReportJson json = new ReportJson();
        IdentificationResult back = json.read(json.write(r), "report.json");
        assertEquals(r, back);
        assertEquals(List.of(StageStatus.COMPLETE, StageStatus.BUDGET_CUT), List.copyOf(back.stageStatus().values()));
        String html = new HtmlReport().render(r);
        assertTrue(html.contains("<tr><th>status, topology</th><td>COMPLETE</td></tr>"
                + "<tr><th>status, impedance</th><td>BUDGET_CUT</td></tr>"), "each stage's status in the stages table");
        assertEquals(JointRefinementReport.Status.POOLED, back.jointRefinement().status());
        assertEquals(2, back.jointRefinement().free().rejectedReadings());
        assertTrue(html.contains("<tr><th>stage 2 joint refinement</th><td>POOLED (DENSE, 3 iterations, 2 of 10000"
                + " voltage readings rejected)</td></tr>"), "the joint refinement in the stages table");
        assertEquals(WarningCode.METERS_PARTIAL, back.warnings().get(0).code());
        assertEquals(List.of(EVIL_ID), back.warnings().get(0).subjects());
    }

    /** report.json keeps {@code warnings} as texts and adds their codes and subjects beside them, in the same order. */
    @Test
    void jsonCarriesEachWarningsCodeAndSubjectsBesideItsText() throws Exception {
        IdentificationResult r = SampleResults.fiveBranches();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new ReportJson().write(r));
        assertEquals("meter " + EVIL_ID + " has gaps", node.path("warnings").get(0).asText());
        var detail = node.path("warning_details").get(0);
        assertEquals("METERS_PARTIAL", detail.path("code").asText());
        assertEquals(EVIL_ID, detail.path("subjects").get(0).asText());
        assertEquals(1, detail.path("subjects").size());
        assertEquals(node.path("warnings").get(0).asText(), detail.path("text").asText());
    }

    /** A report written before codes were recorded reads with its texts, as unclassified warnings grouped by text. */
    @Test
    void aReportWithoutWarningCodesReadsItsTextsAsUnclassified() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                new ReportJson().write(SampleResults.fiveBranches()));
        node.remove("warning_details");
        node.putArray("warnings").add("a").add("b").add("a");
        IdentificationResult back = new ReportJson().read(mapper.writeValueAsString(node), "report.json");
        assertEquals(List.of(Warning.of(WarningCode.UNCLASSIFIED, "a"), Warning.of(WarningCode.UNCLASSIFIED, "b"),
                Warning.of(WarningCode.UNCLASSIFIED, "a")), back.warnings());
        assertEquals(List.of("a (2 times)", "b"), WarningGroups.of(back.warnings()).groups().stream()
                .map(g -> g.summary(WarningGroups.NAMED_IDS)).toList());
    }

    @Test
    void jsonCarriesTheScoreWithTruth() throws Exception {
        IdentificationResult r = SampleResults.fiveBranches().withTruth(SampleResults.truth());
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new ReportJson().write(r));
        // 5 of 6 result branches are in the truth, 5 of 6 truth branches are found
        assertEquals(5.0 / 6, node.path("score").path("precision").asDouble(), JSON_ROUND_TRIP);
        assertEquals(5.0 / 6, node.path("score").path("recall").asDouble(), JSON_ROUND_TRIP);
        assertEquals(6, node.path("branches").size());
        assertTrue(node.path("confidence").path(EVIL_ID).isNull(), "NaN confidence is null");
    }

    @Test
    void resultFolderWritesFourFilesAndReadsBack(@TempDir Path dir) throws IOException, GrididException {
        IdentificationResult r = SampleResults.fiveBranches();
        ResultFolder.write(dir, r);
        for (String f : ResultFolder.files()) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(dir.resolve(ResultFolder.BRANCHES), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("from_bus,to_bus,r_ohm,x_ohm,conductor,length_km"), csv.get(0));
        assertEquals(7, csv.size());
        List<String> topo = Files.readAllLines(dir.resolve(ResultFolder.TOPOLOGY), StandardCharsets.UTF_8);
        assertEquals("from_bus,to_bus,confidence,evidence", topo.get(0)); // the data contract's topology.csv
        assertEquals("650,632,1,812.25", topo.get(1));
        assertEquals("632,633,0.2,-3.5", topo.get(2));
        assertEquals(EVIL_ID + ",\"" + QUOTES_ID.replace("\"", "\"\"") + "\",0.7,6", topo.get(6));
        assertEquals(r.tree(), TopologyFile.read(dir.resolve(ResultFolder.TOPOLOGY), r.rootBus()));
        assertEquals(r, ResultFolder.read(dir));
        List<BranchRow> none = ResultFolder.read(dir).truth();
        assertTrue(none.isEmpty());
    }

    @Test
    void olderColumnNamesOfImpedanceReadAsTheCurrentOnes(@TempDir Path dir) throws IOException, GrididException {
        ResultFolder.write(dir, SampleResults.fiveBranches());
        Path csv = dir.resolve(ResultFolder.BRANCHES);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("r_std_err_ohm", "r_stderr_ohm").replace("rms_residual_kv2", "rms_residual"));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        ResultFolder.writeReports(dir, SampleResults.fiveBranches()); // the manifest of the folder as it now is
        IdentifiedBranch first = ResultFolder.read(dir).branches().get(0);
        assertEquals(0.01, first.rStdErrOhm(), 0, "650-632's standard error of r under its older column name");
    }

    @Test
    void anEditedBranchFileThatIsNoLongerATreeIsRefused(@TempDir Path dir) throws IOException, GrididException {
        ResultFolder.write(dir, SampleResults.fiveBranches());
        Files.writeString(dir.resolve(ResultFolder.BRANCHES), "from_bus,to_bus,r_ohm,x_ohm\n650,632,1,1\n633,634,1,1\n");
        io.gridid.model.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.gridid.model.InvalidInputException.class, () -> ResultFolder.read(dir));
        assertTrue(e.getMessage().contains(ResultFolder.BRANCHES), e.getMessage());
    }

    @Test
    void aForeignJsonIsNotAReport(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ResultFolder.REPORT_JSON), "{\"format\": \"something else\"}");
        io.gridid.model.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.gridid.model.InvalidInputException.class, () -> ResultFolder.read(dir));
        assertTrue(e.getMessage().contains("not a gridid report"), e.getMessage());
    }
}

package io.gridid.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    @Test
    void truthAddsScoreScatterAndErrors(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        // truth: S-a and a-b as identified (a-b written reversed), a-c wrong: the truth has b-c instead
        Path truth = dir.resolve("truth_branches.csv");
        Files.writeString(truth, "from_bus,to_bus,r_ohm,x_ohm\nS,a,0.5,0.8\nb,a,0.3,0.3\nb,c,0.6,0.5\n");
        CommandRun run = CommandRun.of("report", "--result", res.toString(), "--truth", truth.toString());
        assertEquals(0, run.exitCode(), run.err());
        // 2 of 3 found both ways; r errors {0.2, 0}: median 0.1; x errors {0, 0.2}: median 0.1
        assertTrue(run.out().contains("precision 0.667, recall 0.667, F1 0.667; median |r| error 10.00 %, "
                + "median |x| error 10.00 %"), run.out());
        Document doc = Jsoup.parse(res.resolve("report.html").toFile());
        assertEquals(3, doc.select("table#branches tbody tr").size());
        assertEquals(2, doc.select("svg#scatter-r circle.pt").size());
        assertEquals(1, doc.select("svg#tree line.edge.wrong").size());
        assertTrue(Files.readString(res.resolve("report.json")).contains("\"score\""));
    }

    @Test
    void withoutTruthTheReportIsRewritten(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        Files.delete(res.resolve("report.html"));
        CommandRun run = CommandRun.of("report", "--result", res.toString());
        assertEquals(0, run.exitCode(), run.err());
        Document doc = Jsoup.parse(res.resolve("report.html").toFile());
        assertEquals(3, doc.select("svg#tree line.edge").size());
        assertTrue(doc.select("svg#scatter-r").isEmpty());
    }

    @Test
    void aBadTruthFileIsOneLineExitTwo(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        Path truth = dir.resolve("t.csv");
        Files.writeString(truth, "a,b\n1,2\n");
        CommandRun run = CommandRun.of("report", "--result", res.toString(), "--truth", truth.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}

package io.gridid.reports;

import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;
import io.gridid.pipeline.IdentifyPipeline;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's files and its folder rule, with stand-in stages that reproduce the truth exactly. */
class DemoTest {
    private static IdentifyPipeline exact() {
        Feeder f = TestFeeders.load(Demo.FEEDER);
        return new IdentifyPipeline(StandInStages.topology(f, null), StandInStages.impedance(f, 1, 1));
    }

    @Test
    void writesInputsTruthAndAScoredReport(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("demo-out");
        Demo.Outcome d = new Demo(exact()).run(dir, false);
        int branches = TestFeeders.load(Demo.FEEDER).branches().size();
        assertTrue(Files.exists(dir.resolve("meters.csv")));
        assertEquals(branches + 1, Files.readAllLines(dir.resolve("truth_branches.csv")).size());
        assertEquals(1.0, d.score().f1());
        var doc = Jsoup.parse(d.reportHtml().toFile());
        assertEquals(branches, doc.select("table#branches tbody tr").size());
        assertEquals(branches, doc.select("svg#scatter-r circle.pt").size());
        // hourly meters.csv: one header plus a row per meter per interval
        long rows = Files.lines(dir.resolve("meters.csv")).count();
        assertEquals(1 + (long) (branches + 1) * Demo.DAYS * 24, rows);
    }

    @Test
    void aFolderMadeByTheDemoIsReusedAnyOtherNeedsForce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("d");
        new Demo(exact()).run(dir, false);
        new Demo(exact()).run(dir, false); // marked: reused without --force
        Path foreign = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Demo(exact()).run(foreign, false));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        new Demo(exact()).run(foreign, true);
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
    }
}

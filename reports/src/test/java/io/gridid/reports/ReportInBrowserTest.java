package io.gridid.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report as a person sees it, in Debian's headless Chromium at 1400 x 900 px: no
 * horizontal overflow, the trust summary within the first screen, no two visible bus labels
 * overlapping (browser-measured boxes) before and after zooming in, small feeders spread over
 * the width. Reports of a 200-bus identification (simulated from a seed, two weeks of
 * half-hourly data), of a 1000-bus result built from a random feeder's truth (an identification
 * of that size takes minutes; the drawing is what is tested), and of ieee13. Screenshots go to
 * {@code target/report-screens/}. Without chromium and chromedriver the test is skipped, except
 * in CI (environment variable CI set), where it fails: {@code .ci/run} installs both.
 */
class ReportInBrowserTest {
    static final int WIDTH = 1400;
    static final int HEIGHT = 900;
    /** Sub-pixel slack when comparing browser boxes (text boxes are fractional). */
    static final double PX = 0.5;
    private static final Path SHOTS = Path.of("target", "report-screens");

    @TempDir
    static Path dir;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!HeadlessChromium.available()) {
            assertTrue(!ci, "CI must have chromium and chromium-driver (.ci/run installs them)");
            Assumptions.abort("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        browser = new HeadlessChromium(WIDTH, HEIGHT, Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTwoHundredBusIdentificationReads() throws Exception {
        Feeder feeder = TestFeeders.load("random:200:5");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(14)
                .withIntervalMinutes(30).withNoiseVoltagePu(1e-4).withSeed(5));
        IdentifyOptions o = IdentifyOptions.defaults();
        IdentificationResult r = new IdentifyPipeline(o.withTopology(o.topology().withStabilityRuns(2)))
                .identify(sim.meters(), feeder.rootBus(), feeder.baseKv(), List.of())
                .withTruth(SimulationFiles.truthRows(feeder));
        Geometry g = check(r, "report-200");
        assertTrue(g.labelsShown >= 20, "a 200-bus drawing names some buses: " + g.labelsShown);
    }

    @Test
    void aThousandBusResultReads() throws Exception {
        Geometry g = check(thousandBuses(), "report-1000");
        assertTrue(g.labelsShown >= 20, "a 1000-bus drawing names some buses: " + g.labelsShown);
        assertTrue(g.labelsShown < 1000, "not all 1000 names fit without zooming: " + g.labelsShown);
        assertTrue(g.namedOnZoom() >= 10, "zooming in names buses that had no room before: " + g.namedOnZoom());
    }

    @Test
    void aThirteenBusFeederUsesTheWidth() throws Exception {
        Feeder feeder = TestFeeders.load("ieee13");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(14));
        IdentificationResult r = new IdentifyPipeline(IdentifyOptions.defaults())
                .identify(sim.meters(), feeder.rootBus(), feeder.baseKv(), List.of());
        Geometry g = check(r, "report-13");
        // ieee13 has 8 leaves: at the widest column spacing they span 7 x 160 px of 1320
        assertTrue(g.busSpread > 0.5 * WIDTH, "13 buses spread over half the width at least: " + g.busSpread);
        assertEquals(r.tree().size(), g.labelsShown, "every one of 14 names fits");
    }

    /** Geometry measured in the browser. */
    private record Geometry(int labelsShown, int namedOnZoom, double busSpread) {
    }

    private static final String MEASURE = """
            var trust = document.getElementById('trust').getBoundingClientRect();
            var frame = document.getElementById('tree').getBoundingClientRect();
            var labels = [];
            document.querySelectorAll('#tree text.lbl').forEach(function (e) {
              if (getComputedStyle(e).visibility !== 'visible') { return; }
              var r = e.getBoundingClientRect();
              labels.push([r.left, r.top, r.right, r.bottom, e.textContent]);
            });
            var xs = [];
            var inView = 0;
            document.querySelectorAll('#tree circle.bus').forEach(function (c) {
              var r = c.getBoundingClientRect();
              var x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
              xs.push(x);
              if (x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom) { inView++; }
            });
            return {innerWidth: window.innerWidth, innerHeight: window.innerHeight,
              scrollWidth: document.documentElement.scrollWidth, scrollY: window.scrollY,
              trustBottom: trust.bottom + window.scrollY, frame: [frame.left, frame.top, frame.right, frame.bottom],
              labels: labels, inView: inView, spread: Math.max.apply(null, xs) - Math.min.apply(null, xs)};
            """;

    private static Geometry check(IdentificationResult r, String name) throws Exception {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, new HtmlReport().render(r));
        browser.open(page);
        browser.screenshot(SHOTS.resolve(name + "-first-screen.png"));
        JsonNode m = browser.run(MEASURE);
        assertEquals(WIDTH, m.path("innerWidth").asInt(), "viewport width");
        assertTrue(m.path("scrollWidth").asInt() <= WIDTH, name + ": page wider than the window: "
                + m.path("scrollWidth").asInt());
        assertTrue(m.path("trustBottom").asDouble() <= m.path("innerHeight").asDouble(),
                name + ": the trust summary ends below the first screen, at " + m.path("trustBottom").asDouble());
        assertTrue(m.path("frame").get(2).asDouble() <= WIDTH + PX, name + ": drawing wider than the window");
        Set<String> shown = noOverlap(m, name);
        browser.run("document.getElementById('drawing').scrollIntoView(); return 0;");
        browser.screenshot(SHOTS.resolve(name + "-drawing.png"));
        for (int i = 0; i < 3; i++) {
            browser.run("document.querySelector('button[data-zoom=\"1.5\"]').click(); return 0;");
        }
        browser.screenshot(SHOTS.resolve(name + "-zoomed.png"));
        JsonNode z = browser.run(MEASURE);
        assertTrue(z.path("scrollWidth").asInt() <= WIDTH, name + ": zooming widened the page");
        Set<String> zoomed = noOverlap(z, name + " zoomed");
        zoomed.removeAll(shown);
        return new Geometry(shown.size(), zoomed.size(), m.path("spread").asDouble());
    }

    /** Asserts that no two visible labels overlap and each lies inside the drawing; returns their names. */
    private static Set<String> noOverlap(JsonNode m, String name) {
        JsonNode f = m.path("frame");
        List<double[]> boxes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode l : m.path("labels")) {
            double[] b = {l.get(0).asDouble(), l.get(1).asDouble(), l.get(2).asDouble(), l.get(3).asDouble()};
            assertTrue(b[0] >= f.get(0).asDouble() - PX && b[2] <= f.get(2).asDouble() + PX
                    && b[1] >= f.get(1).asDouble() - PX && b[3] <= f.get(3).asDouble() + PX,
                    name + ": label " + l.get(4).asText() + " outside the drawing");
            for (int k = 0; k < boxes.size(); k++) {
                double[] o = boxes.get(k);
                boolean overlap = b[0] < o[2] - PX && o[0] < b[2] - PX && b[1] < o[3] - PX && o[1] < b[3] - PX;
                assertTrue(!overlap, String.format(Locale.ROOT, "%s: labels %s and %s overlap", name,
                        l.get(4).asText(), names.get(k)));
            }
            boxes.add(b);
            names.add(l.get(4).asText());
        }
        return new HashSet<>(names);
    }

    /**
     * A 1000-bus result: random:1000's true tree and impedances perturbed by a seeded 10 %,
     * confidences drawn from the eight-halves values, one in ten branches not pinned down.
     */
    static IdentificationResult thousandBuses() {
        Feeder feeder = TestFeeders.load("random:1000:3");
        SplittableRandom rnd = new SplittableRandom(11);
        RadialTree tree = feeder.tree();
        List<BranchRow> rows = new ArrayList<>();
        Map<String, Double> conf = new LinkedHashMap<>();
        Map<String, Double> volts = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        volts.put(tree.root(), 1.0);
        for (String bus : tree.topDown()) {
            if (bus.equals(tree.root())) {
                continue;
            }
            Branch b = feeder.branchTo(bus);
            double r = b.rOhm() * (1 + 0.1 * rnd.nextGaussian());
            double x = b.xOhm() * (1 + 0.1 * rnd.nextGaussian());
            rows.add(new BranchRow(b.fromBus(), b.toBus(), r, x, SampleResults.extra(null, Double.NaN, 0.1 * r,
                    0.1 * x, rnd.nextDouble() < 0.2 ? rnd.nextDouble() * 50 : 1e-12)));
            conf.put(bus, rnd.nextInt(9) / 8.0 < 0.3 ? rnd.nextInt(9) / 8.0 : 1.0);
            volts.put(bus, volts.get(b.fromBus()) - 0.0004 * rnd.nextDouble());
            if (rnd.nextDouble() < 0.1) {
                String id = Warning.branch(b.fromBus(), b.toBus());
                warnings.add(Warning.of(WarningCode.R_NOT_PINNED, "branch " + id + ": the data do not pin down r"
                        + " (standard error " + (30 + rnd.nextInt(60)) + " %) [unconstrained r=" + r + ", x=" + x + " ohm]",
                        id));
            }
        }
        warnings.add(0, Warning.of(WarningCode.READINGS_MISSING, "2.1 % of the readings missing"));
        return new IdentificationResult(feeder.rootBus(), feeder.baseKv(), SampleResults.typed(rows), conf,
                new IdentificationDiagnostics("PHYSICS_SEARCH", "n/a", Double.NaN, 1000, 8760, 8700, 550_000,
                        1_767_225_600L, 1_767_225_600L + 8759 * 3600L, 3600),
                volts, warnings, Map.of("topology", 100.0, "impedance", 60.0), List.of());
    }
}

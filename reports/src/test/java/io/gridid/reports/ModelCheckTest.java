package io.gridid.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCheckTest {
    /** The closed form and the sweep (converged to 1e-10 p.u.) agree far below this. */
    private static final double CLOSED_FORM_PU = 1e-9;
    /**
     * gridid's power flow and the engine on the same model and loads: the engine converges to
     * 1e-7 p.u. and its source has 1e-6 ohm, so their RMS figures agree well below 1e-6.
     */
    private static final double ENGINE_AGREEMENT_PU = 1e-6;
    /** A tenth of the 1e-4 p.u. voltage noise and ten times ENGINE_AGREEMENT_PU: the RMS compared must be a real figure. */
    private static final double NOT_TRIVIAL_PU = 1e-5;
    private static final double KV = 12.47;

    private static IdentificationResult result(String root, double baseKv, List<BranchRow> rows) {
        return new IdentificationResult(root, baseKv, SampleResults.typed(rows), Map.of(),
                new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 0, 0, 0, 0), Map.of(), List.of(), Map.of(),
                List.of());
    }

    /**
     * Two buses: |V2|^2 solves V2^4 + (2(rP + xQ) - V1^2) V2^2 + (r^2 + x^2)(P^2 + Q^2) = 0 (the
     * larger root). Meters read V2 + 0.002 p.u. in one interval and V2 - 0.001 in the other.
     */
    @Test
    void twoBusesAgainstTheClosedForm() throws Exception {
        double r = 0.8;
        double x = 1.6;
        double[] v1 = {12.6, 12.3};
        double[] p = {2.0, -0.5};   // MW: a load, then PV feeding back
        double[] q = {0.6, 0.1};
        double[] offset = {0.002, -0.001};
        MeterData.Builder b = MeterData.builder(List.of("s", "d"), new long[] {0, 900});
        for (int t = 0; t < 2; t++) {
            double bq = 2 * (r * p[t] + x * q[t]) - v1[t] * v1[t];
            double c = (r * r + x * x) * (p[t] * p[t] + q[t] * q[t]);
            double v2 = Math.sqrt((-bq + Math.sqrt(bq * bq - 4 * c)) / 2);
            b.set(0, t, v1[t], Double.NaN, Double.NaN);
            b.set(1, t, v2 + offset[t] * KV, p[t], q[t]);
        }
        MeterData data = b.build();
        IdentificationResult res = result("s", KV, List.of(new BranchRow("s", "d", r, x, Map.of())));
        ModelFit fit = ModelCheck.check(res, data, MeteredLoads.of(res, data, "m"), "result");
        assertEquals(2, fit.intervals().size());
        for (int t = 0; t < 2; t++) {
            ModelFit.IntervalFit f = fit.intervals().get(t);
            assertEquals(1, f.buses());
            assertEquals("d", f.worstBus());
            assertEquals(-offset[t], f.worstErrorPu(), CLOSED_FORM_PU, "model minus measured");
            assertEquals(Math.abs(offset[t]), f.rmsPu(), CLOSED_FORM_PU);
        }
        assertEquals(Math.sqrt((0.002 * 0.002 + 0.001 * 0.001) / 2), fit.overallRmsPu(), CLOSED_FORM_PU);
        // the larger error, 0.002 p.u., is at t = 0: both the worst interval (RMS) and the worst reading
        assertEquals(0, fit.worstInterval().epochSecond());
        assertEquals(0, fit.worstReading().epochSecond());
        assertTrue(fit.csv().startsWith("timestamp,buses,rms_pu,worst_bus,worst_error_pu\n1970-01-01T00:00:00Z,1,"),
                fit.csv());
    }

    /**
     * The cross-check: on noisy data with missing readings, identified by the pipeline,
     * gridid's per-interval RMS and worst bus equal what the OpenDSS engine computes on the
     * exported model against the same readings.
     */
    @Test
    void theFigureIsTheEnginesOnTheSameExport(@TempDir Path dir) throws Exception {
        DssEngine engine = DssEngine.find();
        Feeder truth = TestFeeders.load("ieee69");
        MeterData meters = MeterDataSynthesizer.synthesize(truth, SynthesisOptions.defaults().withDays(5)
                .withPvFraction(0.3).withNoiseVoltagePu(1e-4).withMissingFraction(0.02)).meters();
        IdentificationResult r = new IdentifyPipeline(IdentifyOptions.defaults())
                .identify(meters, truth.rootBus(), truth.baseKv(), List.of());
        MeteredLoads loads = MeteredLoads.of(r, meters, "meters.csv");
        ModelFit fit = ModelCheck.check(r, meters, loads, "result");
        assertEquals(0, fit.diverged());

        Path master = dir.resolve("feeder.dss");
        ExportFormat.writeOpenDss(r, loads, OpenDssExport.Mode.SNAPSHOT, master);
        Map<String, String> names = OpenDssEngineTest.busTable(dir.resolve("feeder-buses.csv"));
        int steps = 24;
        List<String> commands = new ArrayList<>(List.of("Compile \"" + master.toAbsolutePath() + "\"",
                "Set Mode=Yearly Stepsize=3600s Number=1"));
        for (int k = 0; k < steps; k++) {
            commands.add("Solve");
            commands.add("#SUMMARY");
            commands.add("#VOLTS");
        }
        DssEngine.Output o = engine.run(commands, Files.createDirectory(dir.resolve("run")));
        o.assertNoError();
        List<Map<String, Double>> blocks = o.voltBlocks();
        assertEquals(steps, blocks.size());
        double largest = 0;
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            int n = 0;
            String worst = "";
            double worstError = 0;
            for (int m = 0; m < meters.meterCount(); m++) {
                String id = meters.meterIds().get(m);
                double measured = meters.vKv(m, t) / truth.baseKv();
                if (id.equals(r.rootBus()) || !names.containsKey(id) || Double.isNaN(measured)) {
                    continue;
                }
                double e = blocks.get(t).get(names.get(id).toLowerCase(Locale.ROOT) + ".1") - measured;
                sum += e * e;
                n++;
                if (Math.abs(e) > Math.abs(worstError)) {
                    worst = id;
                    worstError = e;
                }
            }
            ModelFit.IntervalFit f = fit.intervals().get(t);
            assertEquals(n, f.buses(), "interval " + t);
            assertEquals(Math.sqrt(sum / n), f.rmsPu(), ENGINE_AGREEMENT_PU, "RMS of interval " + t);
            assertEquals(worstError, f.worstErrorPu(), ENGINE_AGREEMENT_PU, "worst error of interval " + t);
            assertEquals(worst, f.worstBus(), "worst bus of interval " + t);
            largest = Math.max(largest, f.rmsPu());
        }
        assertTrue(largest > NOT_TRIVIAL_PU, "noisy data: the figure is not trivially zero (" + largest + ")");
    }
}

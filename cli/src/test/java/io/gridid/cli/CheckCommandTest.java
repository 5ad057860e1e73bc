package io.gridid.cli;

import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.reports.ResultFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    private static final double KV = 12.47;

    /**
     * One branch S - d (0.8 + j1.6 ohm), 2 MW + 0.6 Mvar at d, S at 1.01 p.u.: d's exact voltage
     * from the two-bus closed form V^4 + (2(rP + xQ) - V1^2) V^2 + (r^2 + x^2)(P^2 + Q^2) = 0; the
     * meter reads it 0.003 p.u. high, so the RMS and the largest error are 3.000e-03.
     */
    @Test
    void theFigureIsTheMetersOffsetFromTheExactVoltage(@TempDir Path dir) throws Exception {
        double r = 0.8;
        double x = 1.6;
        double v1 = 1.01 * KV;
        double p = 2.0;
        double q = 0.6;
        double b = 2 * (r * p + x * q) - v1 * v1;
        double v2 = Math.sqrt((-b + Math.sqrt(b * b - 4 * (r * r + x * x) * (p * p + q * q))) / 2) / KV;
        Path res = Files.createDirectory(dir.resolve("res"));
        ResultFolder.write(res, new IdentificationResult("S", KV, ReportFixtures.typed(List.of(new BranchRow("S", "d", r, x, Map.of()))),
                Map.of(), new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 2, 1, 1, 0), Map.of(), List.of(),
                Map.of(), List.of()));
        Path meters = Files.writeString(dir.resolve("meters.csv"), String.format(Locale.ROOT,
                "timestamp,meter_id,v_pu,p_kw,q_kvar\n2026-01-01T00:00:00Z,S,1.01,,\n2026-01-01T00:00:00Z,d,%.12f,2000,600\n",
                v2 + 0.003));
        Path csv = dir.resolve("out/fit.csv");
        CommandRun run = CommandRun.of("check", "--result", res.toString(), "--meters", meters.toString(),
                "--out", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("RMS 3.000e-03 over all readings"), run.out());
        assertTrue(run.out().contains("largest single error -3.000e-03 p.u. at bus d, 2026-01-01T00:00:00Z"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("timestamp,buses,rms_pu,worst_bus,worst_error_pu", rows.get(0));
        assertTrue(rows.get(1).startsWith("2026-01-01T00:00:00Z,1,3.0000"), rows.get(1));
    }

    @Test
    void aMissingMeterFileIsOneLineExitTwo(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        CommandRun run = CommandRun.of("check", "--result", res.toString(), "--meters", dir.resolve("no.csv").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("no.csv"), run.err());
    }
}

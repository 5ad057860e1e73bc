package io.gridid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    /** The hand computation of 650-632's r and x keeps 6 significant digits (rounding below 5e-7 ohm). */
    private static final double HAND_6_DIGITS_OHM = 1e-6;
    /** The banks go to meta.json as kvar = Mvar x 1000, one rounding (~1e-13 kvar). */
    private static final double BANK_KVAR_ROUNDING = 1e-9;
    /** The length 0.6096 km is the data file's decimal, written back as the same double: round-off room only. */
    private static final double WRITTEN_LENGTH_KM = 1e-12;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = GrididCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesMetersTruthAndMetaForIeee13() throws Exception {
        Path o = dir.resolve("sim");
        int code = run("simulate", "--feeder", "ieee13", "--days", "2", "--interval-min", "30", "--seed", "5",
                "--noise-v", "1e-4", "--noise-pq", "0.005", "--quantize-v", "0.1", "--missing", "0.01", "--out", o.toString());
        assertEquals(0, code, err.toString());
        List<String> meters = Files.readAllLines(o.resolve("meters.csv"));
        assertEquals("timestamp,meter_id,v_pu,p_kw,q_kvar", meters.get(0));
        assertEquals(1 + 2 * 48 * 14, meters.size(), "one row per bus (14, root included) per interval");
        assertTrue(meters.get(1).startsWith("2026-01-01T00:00:00Z,650,"), meters.get(1));

        List<String> truth = Files.readAllLines(o.resolve("truth_branches.csv"));
        assertEquals("from_bus,to_bus,r_ohm,x_ohm,conductor,length_km,kind", truth.get(0));
        assertEquals(1 + 13, truth.size());
        // 650-632: 2000 ft of config 601, z1 = 0.115554 + j0.370814 ohm/km (hand computation in the feeders tests)
        String[] first = truth.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals("650", first[0]);
        assertEquals("632", first[1]);
        assertEquals(0.0704417, Double.parseDouble(first[2]), HAND_6_DIGITS_OHM);
        assertEquals(0.226048, Double.parseDouble(first[3]), HAND_6_DIGITS_OHM);
        assertEquals("\"556,500 26/7 ACSR\"", first[4]);
        assertEquals(0.6096, Double.parseDouble(first[5]), WRITTEN_LENGTH_KM);
        assertEquals("LINE", first[6]);
        assertTrue(truth.stream().anyMatch(l -> l.startsWith("633,634,") && l.endsWith(",TRANSFORMER")));

        JsonNode meta = new ObjectMapper().readTree(o.resolve("meta.json").toFile());
        assertEquals("650", meta.get("root").asText());
        assertEquals(4.16, meta.get("base_kv").asDouble());
        assertEquals(5, meta.get("seed").asLong());
        assertEquals(30, meta.get("interval_minutes").asInt());
        assertEquals(1e-4, meta.get("noise_v_pu").asDouble());
        assertEquals(0.1, meta.get("quantize_v").asDouble());
        assertEquals("ieee13", meta.get("feeder").asText());
        assertEquals(0.15, meta.get("load_variation").asDouble(), "the default per-bus load variation");
        assertTrue(meta.get("buses_given_min_load").toString().contains("680"), "680 has no load in the IEEE data");
        assertTrue(out.toString().contains("14 buses x 96 intervals"), out.toString());
        try (var files = Files.list(o)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void loadVariationIsRecordedAndANegativeOneIsRejected() throws Exception {
        Path o = dir.resolve("lv");
        assertEquals(0, run("simulate", "--feeder", "random:15:4", "--days", "1", "--load-variation", "0.4",
                "--out", o.toString()), err.toString());
        assertEquals(0.4, new ObjectMapper().readTree(o.resolve("meta.json").toFile()).get("load_variation").asDouble());
        assertEquals(2, run("simulate", "--feeder", "random:15:4", "--load-variation", "-0.1",
                "--out", dir.resolve("neg").toString()));
        assertTrue(err.toString().contains("loadVariation"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void capacitorBanksArePlacedByNameAndRecordedInMeta() throws Exception {
        Path o = dir.resolve("caps");
        assertEquals(0, run("simulate", "--feeder", "random:30+caps=3", "--days", "1", "--out", o.toString()), err.toString());
        com.fasterxml.jackson.databind.JsonNode banks = new ObjectMapper().readTree(o.resolve("meta.json").toFile())
                .get("capacitor_banks_kvar");
        assertEquals(3, banks.size(), banks.toString());
        Path i = dir.resolve("ieee13");
        assertEquals(0, run("simulate", "--feeder", "ieee13", "--days", "1", "--out", i.toString()), err.toString());
        com.fasterxml.jackson.databind.JsonNode published = new ObjectMapper().readTree(i.resolve("meta.json").toFile())
                .get("capacitor_banks_kvar");
        assertEquals(600.0, published.get("675").asDouble(), BANK_KVAR_ROUNDING);
        assertEquals(100.0, published.get("611").asDouble(), BANK_KVAR_ROUNDING);
    }

    @Test
    void sameSeedSameBytes() throws Exception {
        assertEquals(0, run("simulate", "--feeder", "random:15:4", "--days", "1", "--noise-v", "1e-3", "--pv", "0.3",
                "--out", dir.resolve("a").toString()));
        assertEquals(0, run("simulate", "--feeder", "random:15:4", "--days", "1", "--noise-v", "1e-3", "--pv", "0.3",
                "--out", dir.resolve("b").toString()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/meters.csv")), Files.readAllBytes(dir.resolve("b/meters.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/truth_branches.csv")),
                Files.readAllBytes(dir.resolve("b/truth_branches.csv")));
    }

    @Test
    void readsAFeederTableFile() throws Exception {
        Path table = dir.resolve("my.csv");
        Files.writeString(table, "@name,mine\n@base_kv,12.47\n@root,S\nfrom_bus,to_bus,r_ohm,x_ohm,p_kw,q_kvar\n"
                + "S,A,0.3,0.6,100,40\nA,B,0.2,0.3,50,20\n");
        Path o = dir.resolve("out");
        assertEquals(0, run("simulate", "--feeder", table.toString(), "--days", "1", "--out", o.toString()), err.toString());
        assertEquals(1 + 24 * 3, Files.readAllLines(o.resolve("meters.csv")).size());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        assertEquals(2, run("simulate", "--feeder", "ieee999", "--out", dir.resolve("x").toString()));
        assertTrue(err.toString().startsWith("gridid: feeder 'ieee999' is neither"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertFalse(Files.exists(dir.resolve("x").resolve("meters.csv")));

        err.getBuffer().setLength(0);
        assertEquals(2, run("simulate", "--feeder", "ieee13", "--interval-min", "7", "--out", dir.resolve("y").toString()));
        assertTrue(err.toString().contains("intervalMinutes must divide a day"), err.toString());

        err.getBuffer().setLength(0);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "@name,b\n@base_kv,4\n@root,R\nfrom_bus,to_bus,r_ohm,x_ohm\nR,A,x,1\n");
        assertEquals(2, run("simulate", "--feeder", bad.toString(), "--out", dir.resolve("z").toString()));
        assertTrue(err.toString().trim().endsWith("bad.csv:5: r_ohm is not a number: 'x'"), err.toString());
    }
}

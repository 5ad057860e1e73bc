package io.gridid.cli;

import io.gridid.feeders.PowerFlow;
import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gridid impedance} end to end: files in, branches.csv out, errors as one line and exit 2. */
class ImpedanceCommandTest {
    private static final double BASE_KV = 12.47;
    /**
     * meters.csv carries v_pu in shortest round-trip decimal form, so the data are exact to
     * double precision and the fit recovers r, x to the power flow's 1e-10 p.u. convergence;
     * 1e-4 relative leaves room for the fitter's cone tolerance only.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    private static Feeder feeder;

    @BeforeAll
    static void writeInputs() throws Exception {
        feeder = new Feeder("t4", "test", BASE_KV, "S", 1.0, List.of(
                Branch.ofImpedance("S", "a", 0.40, 0.80),
                Branch.ofImpedance("a", "b", 0.25, 0.30),
                Branch.ofImpedance("a", "c", 0.60, 0.50),
                Branch.ofImpedance("c", "d", 0.10, 0.12)),
                Map.of("a", new BusLoad("a", 0.5, 0.2), "b", new BusLoad("b", 0.8, 0.3),
                        "c", new BusLoad("c", 0.4, 0.2), "d", new BusLoad("d", 1.0, 0.4)));
        PowerFlow pf = new PowerFlow(feeder);
        List<String> buses = pf.buses();
        int intervals = 200;
        long[] epoch = new long[intervals];
        for (int t = 0; t < intervals; t++) {
            epoch[t] = 1_767_225_600L + 900L * t;
        }
        MeterData.Builder b = MeterData.builder(buses, epoch);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < intervals; t++) {
            double[] p = new double[buses.size()];
            double[] q = new double[buses.size()];
            for (int k = 1; k < buses.size(); k++) {
                BusLoad l = feeder.loadAt(buses.get(k));
                p[k] = l.pMw() * rnd.nextDouble(0.2, 1.2);
                q[k] = l.qMvar() * rnd.nextDouble(0.2, 1.2);
            }
            PowerFlow.Solution s = pf.solve(BASE_KV, p, q);
            for (int k = 0; k < buses.size(); k++) {
                b.set(k, t, s.voltageKv(k), k == 0 ? Double.NaN : p[k], k == 0 ? Double.NaN : q[k]);
            }
        }
        MeterCsvWriter.write(dir.resolve("meters.csv"), b.build(), BASE_KV);
        List<BranchRow> topo = new ArrayList<>();
        for (Branch br : feeder.branches()) {
            // one edge given child-first: the command orients edges from the root itself
            topo.add(br.toBus().equals("c") ? new BranchRow("c", "a", Double.NaN, Double.NaN)
                    : new BranchRow(br.fromBus(), br.toBus(), Double.NaN, Double.NaN));
        }
        BranchCsvWriter.write(dir.resolve("topology.csv"), List.of(), topo);
        Files.writeString(dir.resolve("loop.csv"), "from_bus,to_bus\nS,a\na,b\nb,c\nc,a\nc,d\n");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = GrididCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesBranchesCsvPerTheContractWithTheTrueImpedances() throws Exception {
        Path outDir = dir.resolve("out-default");
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("topology.csv").toString(), "--root", "S",
                "--base-kv", Double.toString(BASE_KV), "--out", outDir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(outDir.resolve("branches.csv"));
        // the same columns as identify's branches.csv (one schema per file name)
        assertEquals("from_bus,to_bus,r_ohm,x_ohm,conductor,length_km,r_std_err_ohm,x_std_err_ohm,relaxation_gap,"
                + "polished,r_unconstrained_ohm,x_unconstrained_ohm,rms_residual_kv2,intervals_used,confidence,note",
                lines.get(0));
        assertEquals(feeder.branches().size() + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Branch truth = feeder.branchTo(f[1]);
            assertEquals(truth.fromBus(), f[0], "orientation of " + f[1]);
            assertEquals(truth.rOhm(), Double.parseDouble(f[2]), RELATIVE_TOLERANCE * truth.rOhm(), line);
            assertEquals(truth.xOhm(), Double.parseDouble(f[3]), RELATIVE_TOLERANCE * truth.xOhm(), line);
            assertEquals("", f[4], "no conductor without a library");
            assertEquals("200", f[13]);
        }
        assertTrue(r.out().contains("wrote 4 branches"), r.out());
    }

    @Test
    void everyTopologyLayoutGivesTheSameTree() throws Exception {
        // a topology.csv as written before its evidence column (from_bus,to_bus,confidence) and the older bus,parent layout
        Files.writeString(dir.resolve("topo-new.csv"), "from_bus,to_bus,confidence\nS,a,1\na,b,0.5\na,c,1\nc,d,\n");
        Files.writeString(dir.resolve("topo-old.csv"), "bus,parent,confidence\na,S,1\nb,a,0.5\nc,a,1\nd,c,1\n");
        for (String name : List.of("topo-new.csv", "topo-old.csv")) {
            Path outDir = dir.resolve("out-" + name);
            Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                    "--topology", dir.resolve(name).toString(), "--root", "S",
                    "--base-kv", Double.toString(BASE_KV), "--out", outDir.toString());
            assertEquals(0, r.exit(), name + ": " + r.err());
            List<String> lines = Files.readAllLines(outDir.resolve("branches.csv"));
            assertEquals(feeder.branches().size() + 1, lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Branch truth = feeder.branchTo(f[1]);
                assertEquals(truth.fromBus(), f[0], name + ": orientation of " + f[1]);
                assertEquals(truth.rOhm(), Double.parseDouble(f[2]), RELATIVE_TOLERANCE * truth.rOhm(), line);
            }
        }
    }

    @Test
    void leastAbsoluteDeviationsFitIsSelectable() throws Exception {
        Path outDir = dir.resolve("out-lad");
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("topology.csv").toString(), "--root", "S",
                "--base-kv", "12.47", "--fit", "lad", "--out", outDir.toString());
        assertEquals(0, r.exit(), r.err());
        String[] f = Files.readAllLines(outDir.resolve("branches.csv")).get(1).split(",", -1);
        assertEquals(0.40, Double.parseDouble(f[2]), RELATIVE_TOLERANCE * 0.40);
    }

    @Test
    void aConductorFileGivesEveryBranchItsTypeAndLength() throws Exception {
        // per-km values chosen so that each test branch is an exact length of exactly one type
        // (b and d share x/r 1.2: both are T2; T4 has a ratio no branch has)
        Files.writeString(dir.resolve("types.csv"), "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\n"
                + "T1,0.2,0.4,400\nT2,0.25,0.30,300\nT3,0.3,0.25,300\nT4,0.5,0.2,200\n");
        Path outDir = dir.resolve("out-lib");
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("topology.csv").toString(), "--root", "S", "--base-kv", "12.47",
                "--conductors", dir.resolve("types.csv").toString(), "--max-types", "4", "--tapered",
                "--out", outDir.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, String[]> expected = Map.of("a", new String[]{"T1", "2"}, "b", new String[]{"T2", "1"},
                "c", new String[]{"T3", "2"}, "d", new String[]{"T2", "0.4"});
        List<String> lines = Files.readAllLines(outDir.resolve("branches.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(expected.get(f[1])[0], f[4], line);
            double length = Double.parseDouble(expected.get(f[1])[1]);
            assertEquals(length, Double.parseDouble(f[5]), RELATIVE_TOLERANCE * length, line);
        }
    }

    @Test
    void priorsWithoutLibraryAreRejectedInOneLine() {
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("topology.csv").toString(), "--root", "S", "--base-kv", "12.47",
                "--tapered", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--conductors"), r.err());
    }

    @Test
    void aLoopInTheTopologyIsRejected() {
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("loop.csv").toString(), "--root", "S", "--base-kv", "12.47",
                "--out", dir.resolve("y").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("not radial"), r.err());
    }

    @Test
    void anUnknownRootIsRejected() {
        Run r = run("impedance", "--meters", dir.resolve("meters.csv").toString(),
                "--topology", dir.resolve("topology.csv").toString(), "--root", "nope", "--base-kv", "12.47",
                "--out", dir.resolve("z").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nope"), r.err());
    }
}

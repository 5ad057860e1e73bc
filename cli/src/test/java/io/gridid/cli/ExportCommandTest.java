package io.gridid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCommandTest {
    @Test
    void opendssScriptHasALinePerBranchWithItsUnits(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        Path dss = dir.resolve("feeder.dss");
        CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", "opendss", "--out", dss.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(dss).stream().filter(l -> l.startsWith("New Line.")).toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("LineCode=AL_1_0") && lines.get(1).contains("Length=0.6")
                && lines.get(1).contains("Units=km"), lines.get(1));
        assertTrue(lines.get(0).contains("R1=0.4 X1=0.8") && lines.get(0).contains("Length=1 Units=none"), lines.get(0));
        assertTrue(Files.readString(dss).contains("New LineCode.AL_1_0 nphases=3 Units=km R1=0.5 X1=0.4"));
    }

    @Test
    void graphmlAndDotAreWritten(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        for (String f : List.of("graphml", "dot")) {
            Path out = dir.resolve("feeder." + f);
            CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", f, "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            String text = Files.readString(out);
            // every branch of the fixture's tree as an edge between its two buses, in the format's own syntax
            var branches = io.gridid.reports.ResultFolder.read(res).branches();
            assertEquals(3, branches.size());
            assertTrue(f.equals("dot") ? text.startsWith("strict digraph") : text.contains("<graphml"), text);
            for (var b : branches) {
                String edge = f.equals("dot") ? "\"" + b.fromBus() + "\" -> \"" + b.toBus() + "\""
                        : "source=\"" + b.fromBus() + "\" target=\"" + b.toBus() + "\"";
                assertTrue(text.contains(edge), edge + " in\n" + text);
            }
        }
    }

    @Test
    void aFolderWithoutReportIsOneLineExitTwo(@TempDir Path dir) {
        CommandRun run = CommandRun.of("export", "--result", dir.toString(), "--format", "dot",
                "--out", dir.resolve("x.dot").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("not a gridid result folder"), run.err());
    }

    /** Readings of the fixture's buses S, a, b, c at two 15-minute intervals; b injects (PV) in the second. */
    static Path meters(Path dir) throws Exception {
        return Files.writeString(dir.resolve("meters.csv"), String.join("\n",
                "timestamp,meter_id,v_pu,p_kw,q_kvar",
                "2026-01-01T00:00:00Z,S,1.02,,",
                "2026-01-01T00:00:00Z,a,1.01,100,30",
                "2026-01-01T00:00:00Z,b,1.005,50,10",
                "2026-01-01T00:00:00Z,c,1.004,20,5",
                "2026-01-01T00:15:00Z,S,1.03,,",
                "2026-01-01T00:15:00Z,a,1.02,110,35",
                "2026-01-01T00:15:00Z,b,,-40,0",
                "2026-01-01T00:15:00Z,c,1.01,25,6", ""));
    }

    @Test
    void withMetersTheMasterHasLoadsAndItsSideFilesAreBesideIt(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        Path dss = dir.resolve("new/sub/feeder.dss");
        CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", "OpenDSS", "--out",
                dss.toString(), "--meters", meters(dir).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "nothing renamed, nothing said");
        String master = Files.readString(dss);
        assertTrue(master.contains("New Circuit.gridid basekv=12.47 pu=1.02 "), master);
        assertTrue(master.contains("New Load.D1 Bus1=a ") && master.contains(" kW=100 kvar=30\n"), master);
        assertTrue(master.contains("New Load.D2 Bus1=b ") && master.contains(" kW=50 kvar=10\n"), master);
        assertTrue(master.contains("PQCSVFile=\"feeder-loadshapes/D2.csv\""), master);
        assertTrue(master.endsWith("Solve\n") && !master.contains("\nSet Mode=Yearly"), master);
        Path side = dss.resolveSibling("feeder-loadshapes");
        assertEquals("50,10\n-40,0\n", Files.readString(side.resolve("D2.csv")), "kW,kvar per interval, PV negative");
        assertEquals("1.02\n1.03\n", Files.readString(side.resolve("root_voltage.csv")));
        assertEquals("bus_id,opendss_bus\nS,S\na,a\nb,b\nc,c\n", Files.readString(dss.resolveSibling("feeder-buses.csv")));

        CommandRun yearly = CommandRun.of("export", "--result", res.toString(), "--format", "dss", "--out",
                dss.toString(), "--meters", dir.resolve("meters.csv").toString(), "--mode", "yearly");
        assertEquals(0, yearly.exitCode(), yearly.err());
        assertTrue(Files.readString(dss).contains("Set Mode=Yearly Stepsize=900s Number=2\nSolve\n"));
    }

    @Test
    void renamedBusesAreSaidOnOneLine(@TempDir Path dir) throws Exception {
        var base = ReportFixtures.threeBranches();
        List<io.gridid.model.io.BranchRow> rows = base.branches().stream().map(io.gridid.reports.BranchColumns::row)
                .map(b -> new io.gridid.model.io.BranchRow(b.fromBus(), b.toBus().equals("c") ? "c.1" : b.toBus(), b.rOhm(),
                        b.xOhm(), b.extra())).toList();
        Path res = Files.createDirectory(dir.resolve("res"));
        io.gridid.reports.ResultFolder.write(res, new io.gridid.pipeline.IdentificationResult(base.rootBus(),
                base.baseKv(), ReportFixtures.typed(rows), java.util.Map.of(), base.diagnostics(), java.util.Map.of(), List.of(),
                java.util.Map.of(), List.of()));
        String m = Files.readString(meters(dir)).replace(",c,", ",c.1,");
        Files.writeString(dir.resolve("meters.csv"), m);
        Path dss = dir.resolve("f.dss");
        CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", "opendss", "--out",
                dss.toString(), "--meters", dir.resolve("meters.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("renamed 1 bus id(s)") && run.err().contains("'c.1' -> c_1")
                && run.err().contains("f-buses.csv"), run.err());
        assertTrue(Files.readString(dir.resolve("f-buses.csv")).contains("\nc.1,c_1\n"));
    }

    @Test
    void formatNamesAnyCaseAndFoldersAreCreated(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        for (String f : List.of("OPENDSS", "Dss", "GraphML", "DOT")) {
            Path out = dir.resolve(f).resolve("deeper").resolve("feeder.out");
            CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", f, "--out", out.toString());
            assertEquals(0, run.exitCode(), f + ": " + run.err());
            assertTrue(Files.size(out) > 0);
        }
    }

    @Test
    void badOpenDssInputIsOneLineExitTwo(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        Path m = meters(dir);
        Path foreign = Files.writeString(dir.resolve("foreign.csv"), Files.readString(m).replace(",a,", ",q,")
                .replace(",b,", ",r,").replace(",c,", ",s,"));
        Path gappy = Files.writeString(dir.resolve("gappy.csv"), Files.readString(m).replace("00:15:00Z", "00:20:00Z")
                + "2026-01-01T00:35:00Z,S,1.0,,\n");
        String[][] cases = {
                {"--meters", foreign.toString()},                      // no bus in common
                {"--meters", gappy.toString()},                        // 20 min then 15 min: 00:20 is off the 15-minute grid
                {"--meters", m.toString(), "--mode", "daily"},
                {"--meters", dir.resolve("none.csv").toString()}};
        for (String[] extra : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("export", "--result", res.toString(), "--format",
                    "opendss", "--out", dir.resolve("x/f.dss").toString()));
            args.addAll(List.of(extra));
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), String.join(" ", extra) + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(!Files.exists(dir.resolve("x/f.dss")), "nothing written");
        }
        CommandRun graph = CommandRun.of("export", "--result", res.toString(), "--format", "dot", "--out",
                dir.resolve("f.dot").toString(), "--meters", m.toString());
        assertEquals(2, graph.exitCode(), graph.err());
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", "pdf", "--out", "x");
        assertEquals(2, run.exitCode());
    }
}

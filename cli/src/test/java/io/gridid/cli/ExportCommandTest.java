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
            assertTrue(f.equals("dot") ? text.contains("digraph") : text.contains("<graphml"), text);
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

    @Test
    void anUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
        Path res = ReportFixtures.writeFolder(Files.createDirectory(dir.resolve("res")));
        CommandRun run = CommandRun.of("export", "--result", res.toString(), "--format", "pdf", "--out", "x");
        assertEquals(2, run.exitCode());
    }
}

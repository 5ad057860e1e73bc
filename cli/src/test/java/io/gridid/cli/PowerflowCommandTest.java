package io.gridid.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerflowCommandTest {
    /** Published to four decimals (0.9092 p.u.). */
    private static final double DELTA_V_PU = 0.0005;
    /** Published 224.9 kW; 1 % as in the feeders test. */
    private static final double LOSS_RELATIVE = 0.01;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = GrididCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsTheIeee69ProfileMinimumAndLosses() {
        assertEquals(0, run("powerflow", "--feeder", "ieee69"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("bus,v_pu,angle_deg", lines.get(1));
        assertEquals("1,1.0000000000,0.00000000", lines.get(2), "root at 1.0 p.u., angle 0");
        assertEquals(2 + 69 + 3, lines.size(), "header, 69 buses, 3 summary lines");
        Matcher m = Pattern.compile("minimum voltage: ([0-9.]+) p\\.u\\. at bus (\\S+)").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        assertEquals("65", m.group(2));
        assertEquals(0.9092, Double.parseDouble(m.group(1)), DELTA_V_PU);
        Matcher l = Pattern.compile("losses: ([0-9.]+) kW").matcher(out.toString());
        assertTrue(l.find());
        assertEquals(224.9, Double.parseDouble(l.group(1)), 224.9 * LOSS_RELATIVE);
    }

    @Test
    void unknownFeederExitsTwo() {
        assertEquals(2, run("powerflow", "--feeder", "nonesuch"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertEquals(2, run("powerflow"), "--feeder is required");
    }
}

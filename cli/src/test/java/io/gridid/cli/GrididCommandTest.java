package io.gridid.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrididCommandTest {
    /** Runs the command line with captured output; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        CommandLine cl = GrididCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Object[] {code, out.toString(), err.toString()};
    }

    @Test
    void helpListsEverySubcommand() {
        Object[] r = run("--help");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        for (String sub : new String[] {"demo", "simulate", "powerflow", "topology", "impedance", "identify",
                "benchmark", "report", "export"}) {
            assertTrue(out.contains("  " + sub + " "), "help lists " + sub + ":\n" + out);
        }
    }

    @Test
    void versionNamesTheTool() {
        Object[] r = run("--version");
        assertEquals(0, r[0]);
        assertTrue(((String) r[1]).startsWith("gridid "));
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        Object[] r = run("--no-such-option");
        assertEquals(ExitCode.INVALID_INPUT, r[0]);
        String err = (String) r[2];
        assertTrue(err.startsWith("gridid: Unknown option: '--no-such-option'"), err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        Object[] r = run();
        assertEquals(ExitCode.INVALID_INPUT, r[0]);
    }
}

package io.gridid.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrididCommandTest {

    @Test
    void helpListsEverySubcommand() {
        CommandRun r = CommandRun.of("--help");
        assertEquals(0, r.exitCode());
        String out = r.out();
        for (String sub : new String[] {"demo", "simulate", "powerflow", "topology", "impedance", "identify",
                "check", "benchmark", "report", "export"}) {
            assertTrue(out.contains("  " + sub + " "), "help lists " + sub + ":\n" + out);
        }
    }

    @Test
    void versionNamesTheTool() {
        CommandRun r = CommandRun.of("--version");
        assertEquals(0, r.exitCode());
        assertTrue((r.out()).startsWith("gridid "));
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CommandRun r = CommandRun.of("--no-such-option");
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
        String err = r.err();
        assertTrue(err.startsWith("gridid: Unknown option: '--no-such-option'"), err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CommandRun r = CommandRun.of();
        assertEquals(ExitCode.INVALID_INPUT, r.exitCode());
    }
}

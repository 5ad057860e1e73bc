package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid powerflow}: Runs a balanced AC power flow on a test feeder and prints the voltage profile. Not built yet: says so and exits 2. */
@Command(name = "powerflow", mixinStandardHelpOptions = true,
        description = "Runs a balanced AC power flow on a test feeder and prints the voltage profile. (not built yet)")
final class PowerflowCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'powerflow' is not built yet in this version of gridid");
    }
}

package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid simulate}: Simulates smart-meter data on a test feeder, with known ground truth. Not built yet: says so and exits 2. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulates smart-meter data on a test feeder, with known ground truth. (not built yet)")
final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'simulate' is not built yet in this version of gridid");
    }
}

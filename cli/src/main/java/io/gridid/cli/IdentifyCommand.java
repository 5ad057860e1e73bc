package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid identify}: Runs both stages and writes branches.csv and reports. Not built yet: says so and exits 2. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Runs both stages and writes branches.csv and reports. (not built yet)")
final class IdentifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'identify' is not built yet in this version of gridid");
    }
}

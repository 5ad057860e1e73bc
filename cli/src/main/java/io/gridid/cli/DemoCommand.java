package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid demo}: Simulates a small IEEE 13-node data set, identifies it and reports the result. Not built yet: says so and exits 2. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulates a small IEEE 13-node data set, identifies it and reports the result. (not built yet)")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'demo' is not built yet in this version of gridid");
    }
}

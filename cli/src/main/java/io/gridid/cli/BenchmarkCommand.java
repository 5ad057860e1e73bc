package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid benchmark}: Simulates, identifies and scores test feeders over noise levels and data lengths. Not built yet: says so and exits 2. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Simulates, identifies and scores test feeders over noise levels and data lengths. (not built yet)")
final class BenchmarkCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'benchmark' is not built yet in this version of gridid");
    }
}

package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid export}: Exports an identified feeder to OpenDSS, GraphML or DOT. Not built yet: says so and exits 2. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports an identified feeder to OpenDSS, GraphML or DOT. (not built yet)")
final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'export' is not built yet in this version of gridid");
    }
}

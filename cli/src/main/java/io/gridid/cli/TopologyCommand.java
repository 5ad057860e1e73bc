package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid topology}: Stage 1: identifies the radial topology from meter data. Not built yet: says so and exits 2. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Stage 1: identifies the radial topology from meter data. (not built yet)")
final class TopologyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'topology' is not built yet in this version of gridid");
    }
}

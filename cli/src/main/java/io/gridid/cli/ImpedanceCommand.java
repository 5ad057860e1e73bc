package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid impedance}: Stage 2: estimates branch impedances on a given topology. Not built yet: says so and exits 2. */
@Command(name = "impedance", mixinStandardHelpOptions = true,
        description = "Stage 2: estimates branch impedances on a given topology. (not built yet)")
final class ImpedanceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'impedance' is not built yet in this version of gridid");
    }
}

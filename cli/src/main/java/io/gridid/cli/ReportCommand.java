package io.gridid.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gridid report}: Writes the HTML and JSON report of an identification result. Not built yet: says so and exits 2. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the HTML and JSON report of an identification result. (not built yet)")
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalInputException("'report' is not built yet in this version of gridid");
    }
}

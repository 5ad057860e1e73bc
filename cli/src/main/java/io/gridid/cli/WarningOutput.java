package io.gridid.cli;

import io.gridid.reports.WarningGroups;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * How a command prints warnings on stderr, as a picocli mixin ({@code --verbose}): by default one
 * line per kind ({@link WarningGroups}) with a count and the first few ids, so a 200-branch run
 * does not scroll its summary away; with {@code --verbose} every warning in full. report.json
 * always holds them all.
 */
final class WarningOutput {
    /** The physics search's warning that its budget ran out: the terminal adds the option that raises it. */
    static final String BUDGET_WARNING = "local search stopped at its work budget";

    @Option(names = "--verbose", description = "Print every warning in full (default: one line per kind, "
            + "with a count and the first " + WarningGroups.NAMED_IDS + " ids; report.json has them all).")
    boolean verbose;

    /** Prints the warnings, each line prefixed {@code gridid: warning: }. */
    void print(PrintWriter err, List<String> warnings) {
        if (verbose) {
            warnings.forEach(w -> err.println("gridid: warning: " + w));
            return;
        }
        for (WarningGroups.Group g : WarningGroups.of(warnings).groups()) {
            err.println("gridid: warning: " + g.summary(WarningGroups.NAMED_IDS)
                    + (g.kind().startsWith(BUDGET_WARNING) ? " (--search-budget FITS_PER_BUS raises it)" : ""));
        }
        if (WarningGroups.of(warnings).groups().size() < warnings.size()) {
            err.println("gridid: (--verbose prints each warning in full)");
        }
        err.flush();
    }
}

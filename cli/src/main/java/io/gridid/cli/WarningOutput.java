package io.gridid.cli;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
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
    /** What the terminal adds to the physics search's warning that its budget ran out. */
    static final String BUDGET_HINT = " (--search-budget FITS_PER_BUS raises it)";

    @Option(names = "--verbose", description = "Print every warning in full (default: one line per kind, "
            + "with a count and the first " + WarningGroups.NAMED_IDS + " ids; report.json has them all).")
    boolean verbose;

    /** Prints the warnings, each line prefixed {@code gridid: warning: }. */
    void print(PrintWriter err, List<Warning> warnings) {
        if (verbose) {
            warnings.forEach(w -> err.println("gridid: warning: " + w.text()));
            return;
        }
        List<WarningGroups.Group> groups = WarningGroups.of(warnings).groups();
        for (WarningGroups.Group g : groups) {
            err.println("gridid: warning: " + g.summary(WarningGroups.NAMED_IDS)
                    + (g.code() == WarningCode.SEARCH_BUDGET ? BUDGET_HINT : ""));
        }
        if (groups.size() < warnings.size()) {
            err.println("gridid: (--verbose prints each warning in full)");
        }
        err.flush();
    }
}

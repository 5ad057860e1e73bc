package io.gridid.cli;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.InvalidInputException;
import io.gridid.solvers.fit.FitNorm;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stage-2 options every command that fits impedances shares (a picocli mixin used by
 * impedance, identify and benchmark): {@code --fit}, {@code --conductors}, {@code --max-types},
 * {@code --tapered}.
 */
final class FitOptions {
    /** Value of --conductors that selects the built-in library instead of a file. */
    static final String BUILT_IN_LIBRARY = "builtin";

    /** How --fit is spelled on the command line. */
    enum Fit { lad, ls }

    // ls by measurement (impedance/README.md): as accurate as lad under ordinary meter noise,
    // as robust to gross errors thanks to its 5-sigma bad-data rejection, and 10-20x faster.
    @Option(names = "--fit", paramLabel = "lad|ls", defaultValue = "ls",
            description = "Per-branch fit: ls (least squares with bad-data rejection: accurate and fast) or lad "
                    + "(least absolute deviations: robust to gross reading errors, slower). Default: ${DEFAULT-VALUE}.")
    Fit fit;

    @Option(names = "--conductors", paramLabel = "FILE|builtin",
            description = "Conductor library (CSV name,r_ohm_per_km,x_ohm_per_km,ampacity_a), or 'builtin': "
                    + "each branch gets a type and a length.")
    String conductors;

    @Option(names = "--max-types", paramLabel = "K", defaultValue = "0",
            description = "With --conductors: the feeder uses at most K distinct types (0 = no limit).")
    int maxTypes;

    @Option(names = "--tapered", description = "With --conductors: a conductor is never larger (by ampacity) "
            + "than the one feeding it.")
    boolean tapered;

    /** {@code base} with these options applied; reads the conductor library if one is named. */
    ImpedanceOptions applyTo(ImpedanceOptions base) throws InvalidInputException, IOException {
        if (maxTypes < 0) {
            throw new IllegalInputException("--max-types must be >= 0 (0 = no limit)");
        }
        if ((maxTypes > 0 || tapered) && conductors == null) {
            throw new IllegalInputException("--max-types and --tapered need --conductors");
        }
        ImpedanceOptions o = base.withNorm(fit == Fit.lad ? FitNorm.LAD : FitNorm.LS)
                .withMaxTypes(maxTypes)
                .withTapered(tapered);
        if (conductors == null) {
            return o;
        }
        if (conductors.equals(BUILT_IN_LIBRARY)) {
            return o.withConductors(ConductorLibrary.builtIn().types());
        }
        Path p = Path.of(conductors);
        if (!Files.isRegularFile(p)) {
            throw new IllegalInputException("--conductors " + conductors + ": no such file (or use 'builtin')");
        }
        return o.withConductors(ConductorLibrary.read(p).types());
    }
}

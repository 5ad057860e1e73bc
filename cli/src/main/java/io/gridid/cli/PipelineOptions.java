package io.gridid.cli;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.model.InvalidInputException;
import io.gridid.reports.IdentifyOptions;
import io.gridid.solvers.fit.FitNorm;
import io.gridid.topology.TopologyMethod;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The identification options shared by identify and benchmark (a picocli mixin). */
final class PipelineOptions {
    /** Value of --conductors that selects the built-in library instead of a file. */
    static final String BUILT_IN_LIBRARY = "builtin";

    /** How --fit is spelled on the command line. */
    enum Fit { lad, ls }

    /** How --method is spelled on the command line. */
    enum Method { physics, treemetric, laplacian }

    @Option(names = "--fit", paramLabel = "lad|ls", defaultValue = "lad",
            description = "Per-branch impedance fit: lad (least absolute deviations, robust to bad readings) or ls "
                    + "(least squares). Default: ${DEFAULT-VALUE}.")
    Fit fit;

    @Option(names = "--method", paramLabel = "physics|treemetric|laplacian", defaultValue = "physics",
            description = "Topology estimator: physics (physics-driven search, robust to noise), treemetric or "
                    + "laplacian (regression-based, fast, noise-sensitive). Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--conductors", paramLabel = "FILE|builtin",
            description = "Conductor library (CSV name,r_ohm_per_km,x_ohm_per_km,ampacity_a) or 'builtin': each "
                    + "branch gets a type and a length.")
    String conductors;

    IdentifyOptions toOptions() throws InvalidInputException, IOException {
        IdentifyOptions o = IdentifyOptions.defaults();
        o = o.withTopology(o.topology().withMethod(switch (method) {
            case physics -> TopologyMethod.PHYSICS_SEARCH;
            case treemetric -> TopologyMethod.TREE_METRIC;
            case laplacian -> TopologyMethod.LAPLACIAN;
        }));
        o = o.withImpedance(o.impedance().withNorm(fit == Fit.ls ? FitNorm.LS : FitNorm.LAD));
        if (conductors != null) {
            ConductorLibrary lib = conductors.equals(BUILT_IN_LIBRARY) ? ConductorLibrary.builtIn()
                    : ConductorLibrary.read(Path.of(conductors));
            o = o.withImpedance(o.impedance().withConductors(lib.types()));
        }
        return o;
    }
}

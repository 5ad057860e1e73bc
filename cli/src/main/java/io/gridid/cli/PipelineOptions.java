package io.gridid.cli;

import io.gridid.model.InvalidInputException;
import io.gridid.reports.IdentifyOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;

/** The identification options shared by identify and benchmark (a picocli mixin): the topology method and {@link FitOptions}. */
final class PipelineOptions {
    /** The --method help, shared with the topology command so both spell the methods alike. */
    static final String METHOD_DESCRIPTION = "Topology estimator: physics-search (default: best measured accuracy, "
            + "robust to noise), tree-metric or laplacian (regression-based, fast, noise-sensitive).";

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "physics-search", description = METHOD_DESCRIPTION)
    String method;

    @Mixin
    FitOptions fitOptions;

    IdentifyOptions toOptions() throws InvalidInputException, IOException {
        IdentifyOptions o = IdentifyOptions.defaults();
        o = o.withTopology(o.topology().withMethod(TopologyCommand.parseMethod(method)));
        return o.withImpedance(fitOptions.applyTo(o.impedance()));
    }
}

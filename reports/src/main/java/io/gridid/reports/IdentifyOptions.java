package io.gridid.reports;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.topology.TopologyOptions;

import java.util.Objects;

/**
 * Parameters of {@link IdentifyPipeline} with gridid's own stages: one options record per stage.
 *
 * @param topology  stage 1 (estimator and its parameters)
 * @param impedance stage 2 (fit norm, conductor library and priors)
 */
public record IdentifyOptions(TopologyOptions topology, ImpedanceOptions impedance) {
    public IdentifyOptions {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(impedance, "impedance");
    }

    /** Both stages' defaults. */
    public static IdentifyOptions defaults() {
        return new IdentifyOptions(TopologyOptions.defaults(), ImpedanceOptions.defaults());
    }

    public IdentifyOptions withTopology(TopologyOptions value) {
        return new IdentifyOptions(value, impedance);
    }

    public IdentifyOptions withImpedance(ImpedanceOptions value) {
        return new IdentifyOptions(topology, value);
    }
}

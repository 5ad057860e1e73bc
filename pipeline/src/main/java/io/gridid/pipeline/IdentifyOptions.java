package io.gridid.pipeline;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.pipeline.LikelihoodSearchOptions;
import io.gridid.pipeline.LikelihoodTreeSearch;
import io.gridid.topology.TopologyOptions;

import java.util.Objects;

/**
 * Parameters of {@link IdentifyPipeline} with gridid's own stages: one options record per stage.
 *
 * @param topology         stage 1 (estimator and its parameters)
 * @param impedance        stage 2 (fit norm, conductor library and priors)
 * @param likelihoodSearch stage 1's tree finished by {@link LikelihoodTreeSearch} with these settings
 *                         (complete data only; seconds to minutes: one stage-2 solve per candidate
 *                         tree), or null: not (the default)
 */
public record IdentifyOptions(TopologyOptions topology, ImpedanceOptions impedance,
                              LikelihoodSearchOptions likelihoodSearch) {
    public IdentifyOptions {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(impedance, "impedance");
    }

    /** Both stages with their options, without the likelihood search. */
    public IdentifyOptions(TopologyOptions topology, ImpedanceOptions impedance) {
        this(topology, impedance, null);
    }

    /** Both stages' defaults, without the likelihood search. */
    public static IdentifyOptions defaults() {
        return new IdentifyOptions(TopologyOptions.defaults(), ImpedanceOptions.defaults());
    }

    public IdentifyOptions withTopology(TopologyOptions value) {
        return new IdentifyOptions(value, impedance, likelihoodSearch);
    }

    public IdentifyOptions withImpedance(ImpedanceOptions value) {
        return new IdentifyOptions(topology, value, likelihoodSearch);
    }

    /** With stage 1's tree finished by the likelihood search ({@code value}), or without it (null). */
    public IdentifyOptions withLikelihoodSearch(LikelihoodSearchOptions value) {
        return new IdentifyOptions(topology, impedance, value);
    }
}

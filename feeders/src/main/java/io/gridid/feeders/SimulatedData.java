package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.Objects;

/**
 * Synthetic smart-meter data with its ground truth.
 *
 * @param feeder       the feeder simulated (its branches are the truth to identify)
 * @param meters       what the meters report: noise, quantisation and missing readings applied
 * @param truthMeters  the same readings noise-free and complete (power-flow values)
 * @param options      the parameters used
 */
public record SimulatedData(Feeder feeder, MeterData meters, MeterData truthMeters, SynthesisOptions options) {
    public SimulatedData {
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(truthMeters, "truthMeters");
        Objects.requireNonNull(options, "options");
    }
}

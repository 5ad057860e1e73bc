package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;

/** Noise-free simulated meter data for the tests (the feeders module's synthesizer: truth known). */
final class Simulations {
    private Simulations() {
    }

    /** Noise-free hourly readings over {@code days} days: exact to the power flow's 1e-10 p.u. */
    static MeterData noiseFree(Feeder feeder, int days, long seed) throws GrididException {
        return MeterDataSynthesizer.synthesize(feeder,
                SynthesisOptions.defaults().withDays(days).withIntervalMinutes(60).withSeed(seed)).meters();
    }
}

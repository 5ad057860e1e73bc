package io.gridid.benchmarks;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;

/**
 * One benchmark workload: a test feeder and a number of intervals T spread over one year
 * (T = 8760 is hourly, 35,040 is 15-minute), synthesized with seed 1 and meter-grade noise.
 *
 * @param feederName a {@link TestFeeders} name, e.g. "ieee69" or "random:1000"
 * @param intervals  T, one of 365 &middot; 1440 / m for an interval of m minutes dividing a day
 */
public record BenchCase(String feederName, int intervals) {
    /** Voltage noise, p.u. (0.01 %: a good revenue meter). */
    public static final double NOISE_VOLTAGE_PU = 1e-4;
    /** Relative noise on P and Q (0.2 %). */
    public static final double NOISE_POWER_RELATIVE = 0.002;
    private static final int DAYS = 365;

    public BenchCase {
        if (intervals <= 0 || (1440L * DAYS) % intervals != 0 || 1440 % (1440 * DAYS / intervals) != 0) {
            throw new IllegalArgumentException("intervals must be 365 * 1440 / m for m dividing 1440: " + intervals);
        }
    }

    /** "ieee69x8760" or "random:1000x35040". */
    public static BenchCase parse(String text) {
        int x = text.lastIndexOf('x');
        if (x <= 0) {
            throw new IllegalArgumentException("case must be FEEDERxT, e.g. random:1000x8760: " + text);
        }
        return new BenchCase(text.substring(0, x), Integer.parseInt(text.substring(x + 1)));
    }

    public int intervalMinutes() {
        return 1440 * DAYS / intervals;
    }

    public Feeder feeder() {
        return TestFeeders.load(feederName);
    }

    /** Synthesized meter data for this case (deterministic). */
    public SimulatedData simulate() throws GrididException {
        SynthesisOptions o = SynthesisOptions.defaults().withDays(DAYS).withIntervalMinutes(intervalMinutes())
                .withSeed(1).withNoiseVoltagePu(NOISE_VOLTAGE_PU).withNoisePowerRelative(NOISE_POWER_RELATIVE);
        return MeterDataSynthesizer.synthesize(feeder(), o);
    }

    @Override
    public String toString() {
        return feederName + "x" + intervals;
    }
}

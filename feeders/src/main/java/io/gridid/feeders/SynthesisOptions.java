package io.gridid.feeders;

/**
 * Parameters of meter-data synthesis ({@link MeterDataSynthesizer}). Immutable; start from
 * {@link #defaults()} and change fields with the withers.
 *
 * @param days                 simulated days, &ge; 1 (with {@code intervalMinutes}: T = days &middot; 1440 / intervalMinutes)
 * @param intervalMinutes      meter interval, minutes, dividing 1440 (e.g. 5, 15, 30, 60)
 * @param seed                 random seed: the same options give identical data
 * @param noiseVoltagePu       standard deviation of the Gaussian error on |V|, p.u. of the feeder's base kV (0 = none)
 * @param noisePowerRelative   relative standard deviation of the Gaussian error on P and on Q
 *                             (reading &times; (1 + &sigma; N(0,1))), e.g. 0.005 for 0.5 % (0 = none)
 * @param quantizeVolts        voltage resolution of the meter in volts on a 240 V service base:
 *                             |V| is rounded to multiples of quantizeVolts / 240 p.u. after the noise
 *                             is added (0 = no rounding; 0.1 V = 4.2e-4 p.u. steps, i.e. an error of
 *                             standard deviation step/&radic;12 = 1.2e-4 p.u.)
 * @param missingFraction      probability that a (non-root) meter's reading of an interval is lost
 *                             entirely (|V|, P and Q missing together), in [0, 1); the root meter
 *                             (substation SCADA) never loses readings
 * @param pvFraction           fraction of the non-root buses with rooftop PV, in [0, 1]
 * @param minLoadMw            nominal load given to non-root buses that have none in the feeder
 *                             ("modified" feeders: every bus carries a metered load), MW, &ge; 0
 * @param startEpochSecond     timestamp of the first interval, seconds since the epoch (UTC)
 * @param rootVoltageSwingPu   largest deviation of the root voltage from its nominal value over
 *                             time, p.u. (e.g. 0.01: the root moves within &plusmn;1 %)
 * @param loadVariation        stationary standard deviation of each bus's own first-order
 *                             autoregressive load factor, relative (dimensionless, &ge; 0; default
 *                             {@value #DEFAULT_LOAD_VARIATION}): the bus's load is multiplied by
 *                             (1 + AR(t)), so this is the idiosyncratic, uncorrelated-between-buses
 *                             share of its variation (0 = every bus follows only its class shape)
 */
public record SynthesisOptions(int days, int intervalMinutes, long seed, double noiseVoltagePu,
                               double noisePowerRelative, double quantizeVolts, double missingFraction,
                               double pvFraction, double minLoadMw, long startEpochSecond,
                               double rootVoltageSwingPu, double loadVariation) {
    /** 2026-01-01T00:00:00Z. */
    public static final long DEFAULT_START_EPOCH_SECOND = 1_767_225_600L;
    /** The service voltage on which {@code quantizeVolts} is expressed. */
    public static final double SERVICE_BASE_VOLTS = 240.0;
    /** Default {@code loadVariation}: 15 % per-bus random load factor. */
    public static final double DEFAULT_LOAD_VARIATION = 0.15;

    public SynthesisOptions {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, got " + days);
        }
        if (intervalMinutes < 1 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("intervalMinutes must divide a day (1440), got " + intervalMinutes);
        }
        requireNonNegative(noiseVoltagePu, "noiseVoltagePu");
        requireNonNegative(noisePowerRelative, "noisePowerRelative");
        requireNonNegative(quantizeVolts, "quantizeVolts");
        requireNonNegative(minLoadMw, "minLoadMw");
        requireNonNegative(rootVoltageSwingPu, "rootVoltageSwingPu");
        requireNonNegative(loadVariation, "loadVariation");
        if (!(missingFraction >= 0 && missingFraction < 1)) {
            throw new IllegalArgumentException("missingFraction must be in [0, 1), got " + missingFraction);
        }
        if (!(pvFraction >= 0 && pvFraction <= 1)) {
            throw new IllegalArgumentException("pvFraction must be in [0, 1], got " + pvFraction);
        }
        if (rootVoltageSwingPu >= 0.2) {
            throw new IllegalArgumentException("rootVoltageSwingPu must be below 0.2, got " + rootVoltageSwingPu);
        }
    }

    private static void requireNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /**
     * 30 days at 60 min, seed 1, no noise, no quantisation, nothing missing, no PV, 5 kW for
     * buses without load, start 2026-01-01T00:00Z, root voltage swing &plusmn;1 %, 15 % load variation.
     */
    public static SynthesisOptions defaults() {
        return new SynthesisOptions(30, 60, 1L, 0, 0, 0, 0, 0, 0.005, DEFAULT_START_EPOCH_SECOND, 0.01,
                DEFAULT_LOAD_VARIATION);
    }

    /** Number of intervals T. */
    public int intervalCount() {
        return days * (1440 / intervalMinutes);
    }

    /** Quantisation step of |V|, p.u. (0 = none). */
    public double quantizationStepPu() {
        return quantizeVolts / SERVICE_BASE_VOLTS;
    }

    public SynthesisOptions withDays(int v) {
        return new SynthesisOptions(v, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withIntervalMinutes(int v) {
        return new SynthesisOptions(days, v, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withSeed(long v) {
        return new SynthesisOptions(days, intervalMinutes, v, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withNoiseVoltagePu(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, v, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withNoisePowerRelative(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, v, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withQuantizeVolts(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, v,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withMissingFraction(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                v, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withPvFraction(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, v, minLoadMw, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withMinLoadMw(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, v, startEpochSecond, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withStartEpochSecond(long v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, v, rootVoltageSwingPu, loadVariation);
    }

    public SynthesisOptions withRootVoltageSwingPu(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, v, loadVariation);
    }

    /** @param v per-bus random load factor's standard deviation, relative, &ge; 0 (see {@link #loadVariation()}) */
    public SynthesisOptions withLoadVariation(double v) {
        return new SynthesisOptions(days, intervalMinutes, seed, noiseVoltagePu, noisePowerRelative, quantizeVolts,
                missingFraction, pvFraction, minLoadMw, startEpochSecond, rootVoltageSwingPu, v);
    }
}

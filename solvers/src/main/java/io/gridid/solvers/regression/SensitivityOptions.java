package io.gridid.solvers.regression;

/**
 * Parameters of a {@link SensitivityRegression}.
 *
 * @param forcedPath          the path to use whatever the data, or null to choose from the data
 * @param maxConditionNumber  largest condition number of the column-standardised joint design
 *                            [P Q] at which the JOINT path is still taken (dimensionless, &gt; 1)
 * @param minIntervalsPerColumn warn (not fail) when fewer usable intervals than this many per
 *                            regressor column are available (the fit needs T &gt; columns + 1
 *                            and "comfortably more" in practice)
 */
public record SensitivityOptions(RegressionPath forcedPath, double maxConditionNumber, double minIntervalsPerColumn) {
    /**
     * Default threshold 1000: with 0.5 % relative P/Q noise on loads of fixed power factor the
     * standardised design of one bus has a condition number of about 1/0.005 = 200..500; loads
     * whose power factor really varies give condition numbers well under 100.
     */
    public static final double DEFAULT_MAX_CONDITION_NUMBER = 1000;

    public SensitivityOptions {
        if (!(maxConditionNumber > 1)) {
            throw new IllegalArgumentException("maxConditionNumber must be > 1");
        }
        if (!(minIntervalsPerColumn >= 1)) {
            throw new IllegalArgumentException("minIntervalsPerColumn must be >= 1");
        }
    }

    public static SensitivityOptions defaults() {
        return new SensitivityOptions(null, DEFAULT_MAX_CONDITION_NUMBER, 3);
    }

    public SensitivityOptions withForcedPath(RegressionPath path) {
        return new SensitivityOptions(path, maxConditionNumber, minIntervalsPerColumn);
    }

    public SensitivityOptions withMaxConditionNumber(double value) {
        return new SensitivityOptions(forcedPath, value, minIntervalsPerColumn);
    }
}

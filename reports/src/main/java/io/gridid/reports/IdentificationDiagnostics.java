package io.gridid.reports;

/**
 * What an identification run says about its data and its stages, for the data-quality summary.
 *
 * @param topologyMethod   stage-1 estimator name (e.g. PHYSICS_SEARCH), "n/a" when unknown
 * @param regressionPath   stage-1 regression path: JOINT, P_ONLY or n/a
 * @param conditionNumber  condition number of the stage-1 regression (NaN when not applicable)
 * @param meterCount       meters in the input, root included
 * @param intervalCount    intervals in the input
 * @param intervalsUsed    intervals stage 1 could use (complete rows)
 * @param missingReadings  missing values over |V|, P and Q of all meters
 */
public record IdentificationDiagnostics(String topologyMethod, String regressionPath, double conditionNumber,
                                        int meterCount, int intervalCount, int intervalsUsed, long missingReadings) {
    public IdentificationDiagnostics {
        topologyMethod = topologyMethod == null ? "n/a" : topologyMethod;
        regressionPath = regressionPath == null ? "n/a" : regressionPath;
    }

    /** Nothing known (a result read back without its report.json). */
    public static IdentificationDiagnostics unknown() {
        return new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 0, 0, 0, 0);
    }
}

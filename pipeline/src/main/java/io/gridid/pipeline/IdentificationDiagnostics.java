package io.gridid.pipeline;

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
 * @param firstEpochSecond the first interval's timestamp, seconds since 1970 UTC ({@link #UNKNOWN} when unknown)
 * @param lastEpochSecond  the last interval's timestamp ({@link #UNKNOWN} when unknown)
 * @param stepSeconds      the most common spacing of consecutive intervals, s (0 when unknown)
 */
public record IdentificationDiagnostics(String topologyMethod, String regressionPath, double conditionNumber,
                                        int meterCount, int intervalCount, int intervalsUsed, long missingReadings,
                                        long firstEpochSecond, long lastEpochSecond, long stepSeconds) {
    /** A timestamp not known (a report written before the data period was recorded). */
    public static final long UNKNOWN = Long.MIN_VALUE;

    public IdentificationDiagnostics {
        topologyMethod = topologyMethod == null ? "n/a" : topologyMethod;
        regressionPath = regressionPath == null ? "n/a" : regressionPath;
    }

    /** Without the data period. */
    public IdentificationDiagnostics(String topologyMethod, String regressionPath, double conditionNumber,
                                     int meterCount, int intervalCount, int intervalsUsed, long missingReadings) {
        this(topologyMethod, regressionPath, conditionNumber, meterCount, intervalCount, intervalsUsed,
                missingReadings, UNKNOWN, UNKNOWN, 0);
    }

    /** Whether the data period is known. */
    public boolean hasPeriod() {
        return firstEpochSecond != UNKNOWN && lastEpochSecond != UNKNOWN;
    }

    /** Missing readings as a share of all |V|, P, Q cells (NaN when there are none). */
    public double missingShare() {
        long cells = 3L * meterCount * intervalCount;
        return cells > 0 ? (double) missingReadings / cells : Double.NaN;
    }

    /** The most common step between consecutive timestamps, s; 0 for fewer than two. */
    public static long commonStep(long[] epochSeconds) {
        java.util.Map<Long, Integer> count = new java.util.HashMap<>();
        long best = 0;
        int bestCount = 0;
        for (int i = 1; i < epochSeconds.length; i++) {
            long d = epochSeconds[i] - epochSeconds[i - 1];
            int c = count.merge(d, 1, Integer::sum);
            if (c > bestCount || (c == bestCount && d < best)) {
                best = d;
                bestCount = c;
            }
        }
        return best;
    }

    /** Nothing known (a result read back without its report.json). */
    public static IdentificationDiagnostics unknown() {
        return new IdentificationDiagnostics("n/a", "n/a", Double.NaN, 0, 0, 0, 0);
    }
}

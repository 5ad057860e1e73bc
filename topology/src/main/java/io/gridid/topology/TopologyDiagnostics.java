package io.gridid.topology;

import io.gridid.model.Warning;

import java.util.List;

/**
 * How a topology was obtained.
 *
 * @param method          the estimator ({@link TopologyMethod} name)
 * @param regressionPath  JOINT or P_ONLY for the regression-based estimators, "n/a" otherwise
 * @param conditionNumber condition number of the standardised regression design (NaN when no
 *                        regression ran)
 * @param intervalsUsed   intervals with every needed reading
 * @param warnings        what the user should know, typed (copied)
 */
public record TopologyDiagnostics(String method, String regressionPath, double conditionNumber,
                                  int intervalsUsed, List<Warning> warnings) {
    public TopologyDiagnostics {
        java.util.Objects.requireNonNull(method, "method");
        java.util.Objects.requireNonNull(regressionPath, "regressionPath");
        warnings = List.copyOf(warnings);
    }

    /** The same diagnostics with more warnings appended. */
    public TopologyDiagnostics withWarnings(List<Warning> more) {
        java.util.List<Warning> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new TopologyDiagnostics(method, regressionPath, conditionNumber, intervalsUsed, all);
    }
}

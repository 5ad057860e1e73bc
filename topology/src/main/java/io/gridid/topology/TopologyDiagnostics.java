package io.gridid.topology;

import io.gridid.model.Warning;
import io.gridid.solvers.regression.RegressionPath;

import java.util.List;

/**
 * How a topology was obtained.
 *
 * @param method          the estimator
 * @param regressionPath  the regression path of the regression-based estimators; null when no
 *                        regression ran (the physics search)
 * @param conditionNumber condition number of the standardised regression design (NaN when no
 *                        regression ran)
 * @param intervalsUsed   intervals with every needed reading
 * @param warnings        what the user should know, typed (copied)
 */
public record TopologyDiagnostics(TopologyMethod method, RegressionPath regressionPath, double conditionNumber,
                                  int intervalsUsed, List<Warning> warnings) {
    public TopologyDiagnostics {
        java.util.Objects.requireNonNull(method, "method");
        warnings = List.copyOf(warnings);
    }

    /** The same diagnostics with more warnings appended. */
    public TopologyDiagnostics withWarnings(List<Warning> more) {
        java.util.List<Warning> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new TopologyDiagnostics(method, regressionPath, conditionNumber, intervalsUsed, all);
    }
}

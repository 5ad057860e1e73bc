package io.gridid.pipeline;

import io.gridid.model.io.BranchRow;

import java.util.Objects;

/**
 * One identified branch as typed values: the data contract's columns and the {@link BranchColumns}
 * gridid adds, parsed from a {@link BranchRow}. A figure the identification did not produce is NaN
 * (numbers) or empty (text).
 *
 * @param fromBus         end nearer the root
 * @param toBus           end farther from the root
 * @param rOhm            series resistance, ohm per phase (positive sequence)
 * @param xOhm            series reactance, ohm per phase
 * @param rStdErrOhm      standard error of r, ohm (r &plusmn; 2 standard errors is an approximate 95 % interval)
 * @param xStdErrOhm      standard error of x, ohm
 * @param confidence      stage 1's confidence in the branch, in [0, 1] with stability runs (the share of
 *                        random halves of the data whose tree has it); NaN when not known
 * @param conductor       conductor type chosen from the library; empty without a library
 * @param lengthKm        line length for that conductor type, km
 * @param relaxationGap   relaxation gap w - (r&sup2; + x&sup2;) of the branch fit, ohm&sup2;; 0 when the relaxation is exact
 * @param rmsResidualKv2  RMS residual of the branch equation fit, kV&sup2;
 * @param note            the estimator's note on the branch; empty when none
 */
public record IdentifiedBranch(String fromBus, String toBus, double rOhm, double xOhm, double rStdErrOhm,
                               double xStdErrOhm, double confidence, String conductor, double lengthKm,
                               double relaxationGap, double rmsResidualKv2, String note) {
    public IdentifiedBranch {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        Objects.requireNonNull(conductor, "conductor");
        Objects.requireNonNull(note, "note");
    }

    /**
     * The typed view of a {@code branches.csv} row; columns it lacks, or whose text is not a number,
     * become NaN or empty.
     *
     * @param row a row as {@link IdentifyPipeline} or a result folder read back gives it
     * @return the same branch with typed figures
     */
    public static IdentifiedBranch of(BranchRow row) {
        return new IdentifiedBranch(row.fromBus(), row.toBus(), row.rOhm(), row.xOhm(),
                number(row, BranchColumns.R_STD_ERR), number(row, BranchColumns.X_STD_ERR),
                number(row, BranchColumns.CONFIDENCE), text(row, BranchColumns.CONDUCTOR),
                number(row, BranchColumns.LENGTH_KM), number(row, BranchColumns.RELAXATION_GAP),
                number(row, BranchColumns.RMS_RESIDUAL), text(row, BranchColumns.NOTE));
    }

    private static double number(BranchRow row, String column) {
        return BranchColumns.parse(row.extra().get(column));
    }

    private static String text(BranchRow row, String column) {
        return row.extra().getOrDefault(column, "");
    }
}

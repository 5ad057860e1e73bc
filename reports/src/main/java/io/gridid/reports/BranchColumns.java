package io.gridid.reports;

import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentifiedBranch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the further columns gridid writes in {@code branches.csv} after the data contract's
 * {@code from_bus,to_bus,r_ohm,x_ohm}. Tools may rely on the contract columns only; these are
 * free per the contract but kept stable. Numbers are in the units the name says; empty = not
 * applicable.
 */
public final class BranchColumns {
    /** Conductor type name chosen from the library (empty when none). */
    public static final String CONDUCTOR = "conductor";
    /** Line length for the chosen conductor type, km. */
    public static final String LENGTH_KM = "length_km";
    /** Standard error of r, ohm (approximate interval: r &plusmn; 2 std err). */
    public static final String R_STD_ERR = "r_std_err_ohm";
    /** Standard error of x, ohm. */
    public static final String X_STD_ERR = "x_std_err_ohm";
    /** Cone relaxation gap w - (r&sup2; + x&sup2;) at the optimum, ohm&sup2;; 0 = relaxation exact. */
    public static final String RELAXATION_GAP = "relaxation_gap";
    /** Whether the fit was polished on the nonlinear objective (true/false). */
    public static final String POLISHED = "polished";
    /** r of the fit without a conductor library, ohm. */
    public static final String R_UNCONSTRAINED = "r_unconstrained_ohm";
    /** x of the fit without a conductor library, ohm. */
    public static final String X_UNCONSTRAINED = "x_unconstrained_ohm";
    /** RMS residual of the branch equation fit, kV&sup2;. */
    public static final String RMS_RESIDUAL = "rms_residual_kv2";
    /** Intervals the branch fit used. */
    public static final String INTERVALS_USED = "intervals_used";
    /** Topology confidence of the branch (stage 1 margin; higher = surer). */
    public static final String CONFIDENCE = "confidence";
    /** Free-text note of the estimator. */
    public static final String NOTE = "note";

    /** Every further column, in the order gridid writes them. */
    public static final List<String> ALL = List.of(CONDUCTOR, LENGTH_KM, R_STD_ERR, X_STD_ERR, RELAXATION_GAP,
            POLISHED, R_UNCONSTRAINED, X_UNCONSTRAINED, RMS_RESIDUAL, INTERVALS_USED, CONFIDENCE, NOTE);

    /**
     * Names that {@code gridid impedance} wrote for the same columns before both commands shared
     * this list; readers map them to the current names with {@link #canonical}.
     */
    public static final Map<String, String> OLDER_NAMES = Map.of("r_stderr_ohm", R_STD_ERR,
            "x_stderr_ohm", X_STD_ERR, "rms_residual", RMS_RESIDUAL);

    private BranchColumns() {
    }

    /** The current name of a column (an older name mapped, any other name as it is). */
    public static String canonical(String column) {
        return OLDER_NAMES.getOrDefault(column, column);
    }

    /** A number as column text: shortest round-trip form, empty for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * One identified branch as a {@code branches.csv} row: the contract columns, then these columns
     * in {@link #ALL}'s order, {@link #CONFIDENCE} last; a figure the branch lacks (NaN, empty text,
     * unknown intervals) is left out of the row. The one place a branch becomes text.
     *
     * @param b the branch
     * @return the row
     */
    public static BranchRow row(IdentifiedBranch b) {
        Map<String, String> x = new LinkedHashMap<>();
        x.put(CONDUCTOR, b.conductor());
        x.put(LENGTH_KM, number(b.lengthKm()));
        x.put(R_STD_ERR, number(b.rStdErrOhm()));
        x.put(X_STD_ERR, number(b.xStdErrOhm()));
        x.put(RELAXATION_GAP, number(b.relaxationGap()));
        x.put(POLISHED, Boolean.toString(b.polished()));
        x.put(R_UNCONSTRAINED, number(b.rUnconstrainedOhm()));
        x.put(X_UNCONSTRAINED, number(b.xUnconstrainedOhm()));
        x.put(RMS_RESIDUAL, number(b.rmsResidualKv2()));
        x.put(INTERVALS_USED, b.intervalsUsed() == IdentifiedBranch.UNKNOWN ? "" : Integer.toString(b.intervalsUsed()));
        x.put(NOTE, b.note());
        x.put(CONFIDENCE, number(b.confidence()));
        x.values().removeIf(String::isEmpty);
        return new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), x);
    }

    /**
     * A {@code branches.csv} row read back as a typed branch: the one place its text becomes
     * numbers. A column the row lacks, or whose text is not a number, becomes NaN, empty,
     * {@code false} or {@link IdentifiedBranch#UNKNOWN}; older column names are read as the current ones.
     *
     * @param row a row as the file holds it
     * @return the branch
     */
    public static IdentifiedBranch branch(BranchRow row) {
        Map<String, String> x = new LinkedHashMap<>();
        row.extra().forEach((k, v) -> x.put(canonical(k), v));
        double used = parse(x.get(INTERVALS_USED));
        return new IdentifiedBranch(row.fromBus(), row.toBus(), row.rOhm(), row.xOhm(), parse(x.get(R_STD_ERR)),
                parse(x.get(X_STD_ERR)), parse(x.get(CONFIDENCE)), x.getOrDefault(CONDUCTOR, ""),
                parse(x.get(LENGTH_KM)), parse(x.get(RELAXATION_GAP)), parse(x.get(RMS_RESIDUAL)),
                x.getOrDefault(NOTE, ""), Boolean.parseBoolean(x.get(POLISHED)), parse(x.get(R_UNCONSTRAINED)),
                parse(x.get(X_UNCONSTRAINED)), Double.isNaN(used) ? IdentifiedBranch.UNKNOWN : (int) used);
    }

    /** Column text as a number: NaN when empty, absent or not a number. */
    public static double parse(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

package io.gridid.pipeline;

import io.gridid.impedance.BranchEstimate;
import io.gridid.model.io.BranchRow;

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
     * One stage-2 estimate as a {@code branches.csv} row: the contract columns, then these columns
     * in {@link #ALL}'s order, {@link #CONFIDENCE} last; a figure the estimate lacks (NaN, empty
     * text) is left out of the row.
     *
     * @param e          the estimate
     * @param confidence stage 1's confidence in the branch, NaN when not known
     * @return the row
     */
    public static BranchRow row(BranchEstimate e, double confidence) {
        Map<String, String> x = new LinkedHashMap<>();
        x.put(CONDUCTOR, e.conductor() == null ? "" : e.conductor());
        x.put(LENGTH_KM, number(e.lengthKm()));
        x.put(R_STD_ERR, number(e.rStdErr()));
        x.put(X_STD_ERR, number(e.xStdErr()));
        x.put(RELAXATION_GAP, number(e.relaxationGap()));
        x.put(POLISHED, Boolean.toString(e.polished()));
        x.put(R_UNCONSTRAINED, number(e.rUnconstrainedOhm()));
        x.put(X_UNCONSTRAINED, number(e.xUnconstrainedOhm()));
        x.put(RMS_RESIDUAL, number(e.rmsResidual()));
        x.put(INTERVALS_USED, Integer.toString(e.intervalsUsed()));
        x.put(NOTE, e.note());
        x.put(CONFIDENCE, number(confidence));
        x.values().removeIf(String::isEmpty);
        return new BranchRow(e.fromBus(), e.toBus(), e.rOhm(), e.xOhm(), x);
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

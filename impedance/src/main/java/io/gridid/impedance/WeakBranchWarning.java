package io.gridid.impedance;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.BranchFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The warning about a branch whose r or x the data do not pin down, with their relative standard errors. */
final class WeakBranchWarning {
    /** Largest relative standard error written as a number (10,000 %). */
    private static final double MAX_SHOWN_RELATIVE = 100;

    private WeakBranchWarning() {
    }

    /**
     * The warning about branch {@code id} when the data do not pin it down (a relative standard
     * error of r or x above {@code weakRelativeStdErr}, or none), else null. Judged on the
     * unconstrained fit: a library length's small error would hide how weakly the data alone
     * determine (r, x).
     */
    static Warning of(BranchFit f, String id, double weakRelativeStdErr) {
        double rRel = f.rStdErr() / Math.abs(f.rOhm());
        double xRel = f.xStdErr() / Math.abs(f.xOhm());
        boolean r = !(rRel <= weakRelativeStdErr);
        boolean x = !(xRel <= weakRelativeStdErr);
        if (!r && !x) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        if (r) {
            parts.add("r (standard error " + percent(rRel) + ")");
        }
        if (x) {
            parts.add("x (standard error " + percent(xRel) + ")");
        }
        WarningCode code = r && x ? WarningCode.R_AND_X_NOT_PINNED
                : r ? WarningCode.R_NOT_PINNED : WarningCode.X_NOT_PINNED;
        return Warning.of(code, "branch " + id + ": the data do not pin down " + String.join(" and ", parts)
                + String.format(Locale.ROOT, " [unconstrained r=%.4g, x=%.4g ohm]", f.rOhm(), f.xOhm()), id);
    }

    /** A relative standard error as a percentage; beyond a hundred times the estimate (an estimate of about 0) the digits say nothing. */
    static String percent(double rel) {
        if (!Double.isFinite(rel)) {
            return "unbounded";
        }
        return rel > MAX_SHOWN_RELATIVE ? "over 10000 %" : String.format(Locale.ROOT, "%.0f %%", 100 * rel);
    }
}

package io.gridid.impedance;

import java.util.Objects;

/**
 * The estimated series impedance of one branch, with how it was obtained and how sure it is.
 *
 * <p>With a conductor library, {@code rOhm}/{@code xOhm} are {@code lengthKm} times the chosen
 * type's per-km values and the unconstrained fit is kept beside them, so a mismatch is visible.
 * Without a library (or when no type fits the branch, e.g. a transformer) the two pairs are equal.
 *
 * @param fromBus             end nearer the root
 * @param toBus               end farther from the root
 * @param rOhm                series resistance, ohm per phase (positive sequence)
 * @param xOhm                series reactance, ohm per phase
 * @param rStdErr             standard error of {@code rOhm}, ohm (from the fit's residuals; for a
 *                            library branch, the length's standard error times the type's r per km,
 *                            combined with the spread of the other plausible types' r
 *                            (TypeAmbiguity) and, on the joint path, the feeder's library
 *                            mismatch (LibraryMismatch))
 * @param xStdErr             standard error of {@code xOhm}, ohm
 * @param relaxationGap       w &minus; (r&sup2; + x&sup2;) of the unconstrained relaxed fit, ohm&sup2;;
 *                            about 0 when the convex relaxation is exact
 * @param polished            true when the relaxation was not exact and the fit was projected and
 *                            polished on the nonlinear objective
 * @param conductor           chosen conductor type, or null (no library, or fallback)
 * @param lengthKm            fitted length along the chosen type, km; NaN without a type
 * @param rUnconstrainedOhm   resistance of the unconstrained fit, ohm
 * @param xUnconstrainedOhm   reactance of the unconstrained fit, ohm
 * @param rmsResidual         root-mean-square residual of the reported fit, kV&sup2; (the
 *                            branch equation's units: squared line-to-line voltage)
 * @param intervalsUsed       intervals the branch's fit used (voltage at both ends; intervals with
 *                            an estimated load in the subtree only when fewer than 50 are clean)
 * @param note                empty, or a short remark (fallback, polishing, weak identifiability)
 */
public record BranchEstimate(String fromBus, String toBus, double rOhm, double xOhm, double rStdErr, double xStdErr,
                             double relaxationGap, boolean polished, String conductor, double lengthKm,
                             double rUnconstrainedOhm, double xUnconstrainedOhm, double rmsResidual,
                             int intervalsUsed, String note) {
    public BranchEstimate {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        Objects.requireNonNull(note, "note");
    }

    /** Relative standard error of r (SE / estimate); infinite when r is 0. */
    public double rRelativeStdErr() {
        return rStdErr / Math.abs(rOhm);
    }

    /** Relative standard error of x (SE / estimate); infinite when x is 0. */
    public double xRelativeStdErr() {
        return xStdErr / Math.abs(xOhm);
    }
}

package io.gridid.pipeline;

import io.gridid.impedance.BranchEstimate;
import io.gridid.model.io.BranchRow;

import java.util.Map;
import java.util.Objects;

/**
 * One identified branch as typed values: stage 2's estimate with stage 1's confidence in it. A
 * figure the identification did not produce is NaN (numbers), empty (text) or {@link #UNKNOWN}
 * (intervals used).
 *
 * @param fromBus           end nearer the root
 * @param toBus             end farther from the root
 * @param rOhm              series resistance, ohm per phase (positive sequence)
 * @param xOhm              series reactance, ohm per phase
 * @param rStdErrOhm        standard error of r, ohm (r &plusmn; 2 standard errors is an approximate 95 % interval)
 * @param xStdErrOhm        standard error of x, ohm
 * @param confidence        stage 1's confidence in the branch, in [0, 1] with stability runs (the share of
 *                          random halves of the data whose tree has it); NaN when not known
 * @param conductor         conductor type chosen from the library; empty without a library
 * @param lengthKm          line length for that conductor type, km
 * @param relaxationGap     relaxation gap w - (r&sup2; + x&sup2;) of the branch fit, ohm&sup2;; 0 when the relaxation is exact
 * @param rmsResidualKv2    RMS residual of the branch equation fit, kV&sup2;
 * @param note              the estimator's note on the branch; empty when none
 * @param polished          whether the fit was polished on the nonlinear objective
 * @param rUnconstrainedOhm r of the fit without a conductor library, ohm
 * @param xUnconstrainedOhm x of the fit without a conductor library, ohm
 * @param intervalsUsed     intervals the branch fit used; {@link #UNKNOWN} when not known
 */
public record IdentifiedBranch(String fromBus, String toBus, double rOhm, double xOhm, double rStdErrOhm,
                               double xStdErrOhm, double confidence, String conductor, double lengthKm,
                               double relaxationGap, double rmsResidualKv2, String note, boolean polished,
                               double rUnconstrainedOhm, double xUnconstrainedOhm, int intervalsUsed) {
    /** Intervals used not known (a branch read back from a file without that column). */
    public static final int UNKNOWN = -1;

    /** Checks that the ids and texts are given. */
    public IdentifiedBranch {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        Objects.requireNonNull(conductor, "conductor");
        Objects.requireNonNull(note, "note");
    }

    /**
     * @param e          stage 2's estimate of the branch
     * @param confidence stage 1's confidence in it, NaN when not known (a given topology)
     * @return the same branch with the confidence beside it
     */
    public static IdentifiedBranch of(BranchEstimate e, double confidence) {
        return new IdentifiedBranch(e.fromBus(), e.toBus(), e.rOhm(), e.xOhm(), e.rStdErr(), e.xStdErr(), confidence,
                e.conductor() == null ? "" : e.conductor(), e.lengthKm(), e.relaxationGap(), e.rmsResidual(),
                e.note(), e.polished(), e.rUnconstrainedOhm(), e.xUnconstrainedOhm(), e.intervalsUsed());
    }

    /** @return the data contract's four columns of this branch (from, to, r, x), for {@link Scoring} */
    public BranchRow contractRow() {
        return new BranchRow(fromBus, toBus, rOhm, xOhm, Map.of());
    }
}

package io.gridid.benchmarks;

import io.gridid.impedance.BranchEstimate;
import io.gridid.model.Branch;

/**
 * How far one branch's estimate lies from the simulated truth: relative to the true value, and in
 * the estimate's own reported standard errors (a calibrated Gaussian error lies within 1 of them
 * 68 % of the time, within 2 95 %).
 *
 * @param rRelative |r̂ − r| / r
 * @param xRelative |x̂ − x| / x
 * @param rStdErrs  |r̂ − r| / SE(r̂)
 * @param xStdErrs  |x̂ − x| / SE(x̂)
 */
public record BranchError(double rRelative, double xRelative, double rStdErrs, double xStdErrs) {

    /** The error of {@code estimate} against {@code truth}, the same branch. */
    public static BranchError of(BranchEstimate estimate, Branch truth) {
        double dr = Math.abs(estimate.rOhm() - truth.rOhm());
        double dx = Math.abs(estimate.xOhm() - truth.xOhm());
        return new BranchError(dr / truth.rOhm(), dx / truth.xOhm(), dr / estimate.rStdErr(), dx / estimate.xStdErr());
    }
}

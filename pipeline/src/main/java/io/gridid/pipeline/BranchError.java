package io.gridid.pipeline;

/**
 * The impedance error of one branch found both in a result and in the truth.
 *
 * @param fromBus      from_bus as the result wrote it
 * @param toBus        to_bus as the result wrote it
 * @param rOhm         estimated r, ohm (NaN if the result left it empty)
 * @param xOhm         estimated x, ohm
 * @param rTrueOhm     true r, ohm
 * @param xTrueOhm     true x, ohm
 * @param rRelError    |r - r_true| / r_true (dimensionless; NaN when either is missing or r_true = 0)
 * @param xRelError    |x - x_true| / x_true, likewise
 * @param reversed     true when the result orients the branch opposite to the truth
 */
public record BranchError(String fromBus, String toBus, double rOhm, double xOhm, double rTrueOhm, double xTrueOhm,
                          double rRelError, double xRelError, boolean reversed) {
}

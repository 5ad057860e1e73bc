package io.gridid.solvers.fit;

/**
 * The fitted length of a branch of a known conductor type (r = L r_c, x = L x_c).
 *
 * @param lengthKm       L, km (&ge; 0)
 * @param objective      the original nonlinear objective at L: sum of |residual| (kV&sup2;) for LAD,
 *                       sum of residual&sup2; (kV&#8308;) for LS; comparable across conductor types and with
 *                       {@link BranchFit#objective()} on the same data and norm
 * @param rmsResidual    root mean square residual at L, kV&sup2;
 * @param lengthStdErr   standard error of L, km (linearised model)
 * @param intervalsUsed  intervals without NaN that entered the fit
 */
public record LengthFit(double lengthKm, double objective, double rmsResidual, double lengthStdErr,
                        int intervalsUsed) {
}

package io.gridid.solvers.fit;

/**
 * The fitted series impedance of one branch.
 *
 * @param rOhm            resistance, ohm per phase (&ge; 0)
 * @param xOhm            reactance, ohm per phase (&ge; 0)
 * @param w               the relaxed variable w &ge; r&sup2; + x&sup2; at the relaxed optimum, ohm&sup2;
 * @param relaxationGap   w - (r&sup2; + x&sup2;) at the relaxed optimum, ohm&sup2;: about 0 when the convex
 *                        relaxation is exact; when it is larger than the cone tolerance the reported
 *                        (r, x) come from the polish (if enabled)
 * @param polished        true when (r, x) were polished on the original nonlinear objective
 * @param objective       the original nonlinear objective at the reported (r, x): sum of |residual|
 *                        (kV&sup2;) for LAD, sum of residual&sup2; (kV&#8308;) for LS
 * @param rmsResidual     root mean square residual at the reported (r, x), kV&sup2;
 * @param rStdErr         standard error of r, ohm (linearised model, see {@link BranchFitter})
 * @param xStdErr         standard error of x, ohm
 * @param cuts            tangent cuts added by the outer approximation
 * @param intervalsUsed   intervals without NaN that entered the fit
 */
public record BranchFit(double rOhm, double xOhm, double w, double relaxationGap, boolean polished,
                        double objective, double rmsResidual, double rStdErr, double xStdErr,
                        int cuts, int intervalsUsed) {
}

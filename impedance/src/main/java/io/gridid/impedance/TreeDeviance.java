package io.gridid.impedance;

/**
 * A tree's deviance under the joint model with a fixed {@link JointNoiseModel}: &minus;2 &times; the
 * log-likelihood of the voltage readings, up to a constant that is the same for every tree over
 * the same buses and readings, at the least-squares impedances (unbounded; see
 * {@link TreeLikelihood}). Lower is better; a difference of d between two trees is a likelihood
 * ratio of e^(d/2).
 *
 * @param deviance       {@code quadraticForm + logDeterminant}
 * @param quadraticForm  the generalised sum of squares over &sigma;&sup2; (with &kappa; = 0: the centred sum of
 *                       squares of u over &sigma;&sup2;), dimensionless
 * @param logDeterminant the tree's share of the log-determinant of the readings' covariance, summed
 *                       over the intervals (0 up to the constant when every &kappa; = 0)
 * @param readings       voltage readings
 * @param intervals      intervals
 */
public record TreeDeviance(double deviance, double quadraticForm, double logDeterminant, long readings, long intervals) {
}

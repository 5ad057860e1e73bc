/**
 * The small dense algebra of the branch fits: the Gram sums of their regressors
 * ({@link io.gridid.solvers.linear.GramSums}) and the one 3&times;3 linear solver
 * ({@link io.gridid.solvers.linear.LinearSystem3}).
 */
package io.gridid.solvers.linear;

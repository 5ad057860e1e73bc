package io.gridid.impedance;

import io.gridid.solvers.fit.LengthFit;

/**
 * One conductor type fitted to one branch as a length.
 *
 * @param typeIndex index of the type in the library
 * @param fit       the one-dimensional length fit
 * @param fitsWell  true when the type explains the branch nearly as well as the unconstrained fit
 */
record TypeFit(int typeIndex, LengthFit fit, boolean fitsWell) {
}

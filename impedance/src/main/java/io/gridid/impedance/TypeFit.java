package io.gridid.impedance;

import io.gridid.solvers.fit.LengthFit;

/**
 * One conductor type fitted to one branch as a length.
 *
 * @param typeIndex index of the type in the library
 * @param fit       the one-dimensional length fit
 * @param fitsWell  true when the type explains the branch nearly as well as the unconstrained fit
 * @param cost      the type's cost in the conductor choice in units of &chi;&sup2; (&minus;2 log of its
 *                  posterior weight, up to a constant per branch; see {@link TypeTreePrior}),
 *                  or NaN: the choice then uses the fit's objective (the sweep's path)
 */
record TypeFit(int typeIndex, LengthFit fit, boolean fitsWell, double cost) {
    /** A type fit whose choice cost is its fit's objective (the sweep's path). */
    TypeFit(int typeIndex, LengthFit fit, boolean fitsWell) {
        this(typeIndex, fit, fitsWell, Double.NaN);
    }

    /** This fit with another choice cost. */
    TypeFit withCost(double value) {
        return new TypeFit(typeIndex, fit, fitsWell, value);
    }
}

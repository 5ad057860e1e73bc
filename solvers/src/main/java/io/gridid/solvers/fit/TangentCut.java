package io.gridid.solvers.fit;

/**
 * The tangent plane of the cone w = r&sup2; + x&sup2; at (r0, x0), as the valid inequality
 * {@code w - 2 r0 r - 2 x0 x >= -(r0^2 + x0^2)} (ohm&sup2;; r, x in ohm).
 */
record TangentCut(double r0, double x0) {
    double rhs() {
        return -(r0 * r0 + x0 * x0);
    }
}

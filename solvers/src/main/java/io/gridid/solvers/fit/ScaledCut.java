package io.gridid.solvers.fit;

/**
 * A {@link TangentCut} written in the scaled variables (rho, xi, omega) with r = rho&middot;kr,
 * x = xi&middot;kx, w = omega&middot;kw, row-normalised so its largest coefficient is 1:
 * {@code cr*rho + cx*xi + cw*omega >= rhs}.
 */
record ScaledCut(double cr, double cx, double cw, double rhs) {
    static ScaledCut of(TangentCut cut, double kr, double kx, double kw) {
        double cr = -2 * cut.r0() * kr;
        double cx = -2 * cut.x0() * kx;
        double cw = kw;
        double m = Math.max(Math.abs(cw), Math.max(Math.abs(cr), Math.abs(cx)));
        return new ScaledCut(cr / m, cx / m, cw / m, cut.rhs() / m);
    }
}

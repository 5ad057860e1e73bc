package io.gridid.model;

/**
 * The exact DistFlow branch equation, the one place this physics lives.
 *
 * <p>For a branch i&rarr;j (i nearer the root) with series impedance r + jx (ohm) and
 * receiving-end flow P'_j + jQ'_j (MW, Mvar) at squared voltage u_j (kV&sup2;, line-to-line):
 * <pre>
 *   u_i = u_j + 2 (r P'_j + x Q'_j) + (r&sup2; + x&sup2;) (P'_j&sup2; + Q'_j&sup2;) / u_j
 * </pre>
 * In kV, MW and Mvar every term is consistent without base conversions (kV&sup2;/MW = ohm).
 * The branch loss is r&middot;&ell; MW and x&middot;&ell; Mvar with &ell; = (P'&sup2; + Q'&sup2;)/u_j.
 *
 * <p><b>The linear fit.</b> Per interval the drop y = u_i &minus; u_j is linear in r, x and w = r&sup2; + x&sup2;,
 * y = a r + b x + c w, with the regressors a = 2P'_j ({@link #resistanceRegressor}), b = 2Q'_j
 * ({@link #reactanceRegressor}) and c = &ell; ({@link #squaredCurrentTerm}); its residual is
 * {@link #residual} and the drop's derivatives in r and x, with w = r&sup2; + x&sup2;, are
 * {@link #dropSlopeR} and {@link #dropSlopeX}. Every fit of the project builds its rows here.
 */
public final class BranchEquation {
    private BranchEquation() {
    }

    /** &ell; = (P'&sup2; + Q'&sup2;) / u_j, in MW&sup2;/kV&sup2; (times ohm gives MW). */
    public static double squaredCurrentTerm(double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return (pRecvMw * pRecvMw + qRecvMvar * qRecvMvar) / uRecvKv2;
    }

    /** Sending-end squared voltage u_i (kV&sup2;) from the receiving end. */
    public static double sendingSquaredVoltage(double rOhm, double xOhm,
                                               double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return uRecvKv2 + 2 * (rOhm * pRecvMw + xOhm * qRecvMvar)
                + (rOhm * rOhm + xOhm * xOhm) * squaredCurrentTerm(pRecvMw, qRecvMvar, uRecvKv2);
    }

    /** Sending-end active flow P_ij = P'_j + r&middot;&ell; (MW). */
    public static double sendingActiveMw(double rOhm, double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return pRecvMw + rOhm * squaredCurrentTerm(pRecvMw, qRecvMvar, uRecvKv2);
    }

    /** Sending-end reactive flow Q_ij = Q'_j + x&middot;&ell; (Mvar). */
    public static double sendingReactiveMvar(double xOhm, double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return qRecvMvar + xOhm * squaredCurrentTerm(pRecvMw, qRecvMvar, uRecvKv2);
    }

    /** Total active loss of the branch, r&middot;&ell; (MW). */
    public static double activeLossMw(double rOhm, double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return rOhm * squaredCurrentTerm(pRecvMw, qRecvMvar, uRecvKv2);
    }

    /** Total reactive loss of the branch, x&middot;&ell; (Mvar). */
    public static double reactiveLossMvar(double xOhm, double pRecvMw, double qRecvMvar, double uRecvKv2) {
        return xOhm * squaredCurrentTerm(pRecvMw, qRecvMvar, uRecvKv2);
    }

    /** The regressor of r in the drop, a = 2P'_j (MW). */
    public static double resistanceRegressor(double pRecvMw) {
        return 2 * pRecvMw;
    }

    /** The regressor of x in the drop, b = 2Q'_j (Mvar). */
    public static double reactanceRegressor(double qRecvMvar) {
        return 2 * qRecvMvar;
    }

    /**
     * The regressors of {@code n} intervals: a = 2P'_j, b = 2Q'_j, c = &ell; (see the class comment),
     * into caller-owned arrays; NaN where an input is.
     *
     * @param pRecvMw   P'_j per interval, MW (not modified)
     * @param qRecvMvar Q'_j per interval, Mvar (not modified)
     * @param uRecvKv2  u_j per interval, kV&sup2; (not modified)
     */
    public static void regressors(double[] pRecvMw, double[] qRecvMvar, double[] uRecvKv2, int n,
                                  double[] a, double[] b, double[] c) {
        for (int t = 0; t < n; t++) {
            a[t] = resistanceRegressor(pRecvMw[t]);
            b[t] = reactanceRegressor(qRecvMvar[t]);
            c[t] = squaredCurrentTerm(pRecvMw[t], qRecvMvar[t], uRecvKv2[t]);
        }
    }

    /**
     * The drop with the loss coefficient w given on its own (w = r&sup2; + x&sup2; in the exact
     * equation, a free unknown in the linear fit), from the squared-current term &ell;:
     * 2(r P' + x Q') + w &ell; (kV&sup2;).
     */
    public static double drop(double rOhm, double xOhm, double wOhm2, double pRecvMw, double qRecvMvar,
                              double squaredCurrent) {
        return 2 * (rOhm * pRecvMw + xOhm * qRecvMvar) + wOhm2 * squaredCurrent;
    }

    /**
     * The residual of the linear fit y &minus; a r &minus; b x &minus; c w (kV&sup2;): y the measured drop
     * u_i &minus; u_j, a, b, c the regressors, w the loss coefficient (r&sup2; + x&sup2; in the exact
     * equation). Evaluated left to right, so every caller gets the same bits.
     */
    public static double residual(double y, double a, double b, double c, double rOhm, double xOhm, double wOhm2) {
        return y - a * rOhm - b * xOhm - c * wOhm2;
    }

    /** &part;(drop)/&part;r with w = r&sup2; + x&sup2;: a + 2 c r (MW), the flows held fixed. */
    public static double dropSlopeR(double a, double c, double rOhm) {
        return a + 2 * c * rOhm;
    }

    /** &part;(drop)/&part;x with w = r&sup2; + x&sup2;: b + 2 c x (Mvar), the flows held fixed. */
    public static double dropSlopeX(double b, double c, double xOhm) {
        return b + 2 * c * xOhm;
    }

    /**
     * &part;(drop)/&part;P'_j with r, x and u_j held: 2r + 2 (r&sup2; + x&sup2;) P'_j / u_j (ohm), the
     * sensitivity of the drop to the branch's receiving flow (for Q'_j pass x and Q'_j).
     *
     * @param impedance r (for P') or x (for Q'), ohm
     * @param z2        r&sup2; + x&sup2;, ohm&sup2;
     * @param flow      P'_j (MW) or Q'_j (Mvar)
     */
    public static double dropSlopeFlow(double impedance, double z2, double flow, double uRecvKv2) {
        return 2 * impedance + 2 * z2 * flow / uRecvKv2;
    }
}

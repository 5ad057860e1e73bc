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
}

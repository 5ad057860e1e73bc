package io.gridid.solvers.fit;

import io.gridid.model.BranchEquation;
import io.gridid.model.GrididException;

import java.util.Objects;

/**
 * The per-interval terms of the exact branch equation for one branch i&rarr;j,
 * {@code y_t = a_t r + b_t x + c_t (r^2 + x^2)} (see {@link io.gridid.model.BranchEquation}).
 *
 * <p>Arrays are copied on construction and on access; all four have one entry per interval.
 * A NaN (or infinite) entry in any array marks that interval unusable: it is dropped by the fit.
 *
 * @param y u_i - u_j, kV&sup2; (squared line-to-line voltages)
 * @param a 2 P'_j, MW (receiving-end active flow)
 * @param b 2 Q'_j, Mvar
 * @param c (P'_j&sup2; + Q'_j&sup2;) / u_j, MW&sup2;/kV&sup2;
 */
public record BranchFitData(double[] y, double[] a, double[] b, double[] c) {
    public BranchFitData {
        requireColumns(y, a, b, c);
        y = y.clone();
        a = a.clone();
        b = b.clone();
        c = c.clone();
    }

    /**
     * Builds the terms from receiving-end flows and the two squared voltages, interval by interval.
     *
     * @param uSend  u_i, kV&sup2;
     * @param uRecv  u_j, kV&sup2;
     * @param pRecv  P'_j, MW
     * @param qRecv  Q'_j, Mvar
     */
    public static BranchFitData fromFlows(double[] uSend, double[] uRecv, double[] pRecv, double[] qRecv) {
        int n = uSend.length;
        if (uRecv.length != n || pRecv.length != n || qRecv.length != n) {
            throw new IllegalArgumentException("uSend, uRecv, pRecv, qRecv must have equal lengths");
        }
        double[] y = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = uSend[t] - uRecv[t];
        }
        BranchEquation.regressors(pRecv, qRecv, uRecv, n, a, b, c);
        return new BranchFitData(y, a, b, c);
    }

    /** The usable rows, on this record's own arrays (which the rows never write). */
    FitRows usableRows() throws GrididException {
        return FitRows.usable(y, a, b, c);
    }

    /** Number of intervals, usable or not. */
    public int intervals() {
        return y.length;
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchFitData d && java.util.Arrays.equals(y, d.y) && java.util.Arrays.equals(a, d.a)
                && java.util.Arrays.equals(b, d.b) && java.util.Arrays.equals(c, d.c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(y), java.util.Arrays.hashCode(a),
                java.util.Arrays.hashCode(b), java.util.Arrays.hashCode(c));
    }

    @Override
    public String toString() {
        return "BranchFitData[" + y.length + " intervals]";
    }

    /** The four columns present and of one length (one entry per interval). */
    static void requireColumns(double[] y, double[] a, double[] b, double[] c) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (a.length != y.length || b.length != y.length || c.length != y.length) {
            throw new IllegalArgumentException("y, a, b, c must have one entry per interval: lengths "
                    + y.length + ", " + a.length + ", " + b.length + ", " + c.length);
        }
    }
}

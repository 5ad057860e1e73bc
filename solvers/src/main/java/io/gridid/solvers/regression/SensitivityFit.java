package io.gridid.solvers.regression;

import io.gridid.model.Warning;

import java.util.List;

/**
 * Result of a {@link SensitivityRegression}: the voltage-sensitivity matrices of
 * u_root &minus; u_i &asymp; 2 &Sigma;_k (R_ik p_k + X_ik q_k) + const.
 *
 * <p>Units: ohm (kV&sup2; per MW). Rows and columns follow {@code buses}. On the
 * {@link RegressionPath#P_ONLY} path {@code r} holds the effective matrix
 * M = R + X&middot;diag(&kappa;) and {@code x} is all zeros. Arrays are copied in and out.
 *
 * @param buses           bus ids, in row/column order
 * @param path            which regressors were used
 * @param r               estimated R (or M), n &times; n, ohm
 * @param x               estimated X, n &times; n, ohm (zeros on P_ONLY)
 * @param conditionNumber condition number of the column-standardised design actually solved
 * @param jointConditionNumber condition number of the standardised joint design [P Q]
 *                        (infinite when a reactive column never varies)
 * @param rank            numerical rank of the design actually solved
 * @param intervalsUsed   intervals with every needed reading
 * @param reason          why this path was taken, one sentence
 * @param warnings        data-quality remarks (few intervals, ...), typed
 */
public record SensitivityFit(List<String> buses, RegressionPath path, double[][] r, double[][] x,
                             double conditionNumber, double jointConditionNumber, int rank, int intervalsUsed,
                             String reason, List<Warning> warnings) {
    public SensitivityFit {
        buses = List.copyOf(buses);
        r = copy(r);
        x = copy(x);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[][] r() {
        return copy(r);
    }

    @Override
    public double[][] x() {
        return copy(x);
    }

    /** R + X on the joint path (path impedance weights 1/(r+x)), M on the P-only path; ohm. */
    public double[][] combined() {
        int n = r.length;
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                z[i][k] = r[i][k] + x[i][k];
            }
        }
        return z;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

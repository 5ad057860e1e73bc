package io.gridid.solvers.regression;

import io.gridid.model.GrididException;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Least-squares voltage-sensitivity regression (EJML, Householder QR on centred, column-scaled
 * data): for every bus i, &Delta;u_i(t) = u_root(t) &minus; u_i(t) is regressed on the centred
 * injections [p(t) q(t)] of all buses (JOINT) or on p(t) alone (P_ONLY), with an intercept.
 *
 * <p>Only intervals where every needed reading is finite are used (missing readings drop the
 * interval; nothing is zero-filled). The JOINT path is taken when the standardised joint design
 * has a condition number at most {@link SensitivityOptions#maxConditionNumber()}; otherwise P and
 * Q are too collinear to separate and the P_ONLY path is taken; the result says which and why.
 *
 * <p>Cost: O(T&middot;c&sup2;) for c = 2n (JOINT) or n regressor columns. Thread-safe (no state
 * beyond the options).
 */
public final class SensitivityRegression {
    /** Relative singular-value threshold for the numerical rank (dimensionless). */
    private static final double RANK_TOLERANCE = 1e-10;
    /** A column whose standard deviation is below this fraction of its mean magnitude never varies. */
    private static final double CONSTANT_RELATIVE = 1e-12;

    private final SensitivityOptions options;

    public SensitivityRegression(SensitivityOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param buses  bus ids (not the root), n of them
     * @param deltaU u_root &minus; u_i per bus and interval, kV&sup2;, [bus][interval]; not modified
     * @param p      active power drawn per bus and interval, MW; not modified
     * @param q      reactive power drawn per bus and interval, Mvar; not modified
     * @throws GrididException when fewer usable intervals remain than the fit needs, or a bus's
     *                         active power never varies
     */
    public SensitivityFit fit(List<String> buses, double[][] deltaU, double[][] p, double[][] q) throws GrididException {
        int n = buses.size();
        if (n == 0 || deltaU.length != n || p.length != n || q.length != n) {
            throw new IllegalArgumentException("need one row per bus in deltaU, p and q (" + n + ")");
        }
        int tCount = deltaU[0].length;
        for (int i = 0; i < n; i++) {
            if (deltaU[i].length != tCount || p[i].length != tCount || q[i].length != tCount) {
                throw new IllegalArgumentException("all series must have " + tCount + " intervals");
            }
        }
        List<Warning> warnings = new ArrayList<>();
        boolean[] jointRows = usableRows(deltaU, p, q, true);
        int jointCount = count(jointRows);

        String constantQ = null;
        double jointCond;
        String reason;
        RegressionPath path;
        if (jointCount > 2 * n + 1) {
            constantQ = firstConstant(buses, q, jointRows);
        }
        if (jointCount <= 2 * n + 1 || constantQ != null) {
            jointCond = Double.POSITIVE_INFINITY;
        } else {
            DMatrixRMaj dj = design(p, q, jointRows, jointCount, true);
            jointCond = conditionAndRank(dj)[0];
        }
        if (options.forcedPath() != null) {
            path = options.forcedPath();
            reason = "path " + path + " requested";
        } else if (constantQ != null) {
            path = RegressionPath.P_ONLY;
            reason = "reactive power of bus " + constantQ + " never varies, so P and Q cannot be separated";
        } else if (jointCount <= 2 * n + 1) {
            path = RegressionPath.P_ONLY;
            reason = "only " + jointCount + " intervals have P and Q at every bus, the joint fit needs more than "
                    + (2 * n + 1);
        } else if (jointCond > options.maxConditionNumber()) {
            path = RegressionPath.P_ONLY;
            reason = String.format(java.util.Locale.ROOT,
                    "P and Q are nearly collinear (joint condition number %.3g > %.3g)", jointCond,
                    options.maxConditionNumber());
        } else {
            path = RegressionPath.JOINT;
            reason = String.format(java.util.Locale.ROOT,
                    "P and Q are separable (joint condition number %.3g <= %.3g)", jointCond,
                    options.maxConditionNumber());
        }
        boolean joint = path == RegressionPath.JOINT;
        boolean[] rows = joint ? jointRows : usableRows(deltaU, p, q, false);
        int used = count(rows);
        int cols = joint ? 2 * n : n;
        if (used <= cols + 1) {
            throw new GrididException("only " + used + " of " + tCount + " intervals have every reading; the "
                    + path + " sensitivity fit of " + n + " buses needs more than " + (cols + 1)
                    + " (several times that for a reliable estimate)");
        }
        String constantP = firstConstant(buses, p, rows);
        if (constantP != null) {
            throw new GrididException("active power of bus " + constantP + " never varies over the " + used
                    + " usable intervals; topology identification needs load variation at every metered bus");
        }
        if (joint && constantQ != null) {
            throw new GrididException("reactive power of bus " + constantQ
                    + " never varies; the JOINT path cannot separate it (use P_ONLY)");
        }
        if (used < options.minIntervalsPerColumn() * cols) {
            warnings.add(Warning.of(WarningCode.FEW_INTERVALS, "only " + used + " usable intervals for " + cols
                    + " regressors; estimates will be noisy (more than "
                    + (int) Math.ceil(options.minIntervalsPerColumn() * cols) + " advised)"));
        }
        DMatrixRMaj d = design(p, q, rows, used, joint);
        double[] scale = columnNorms(d);
        scaleColumns(d, scale);
        double[] cr = conditionAndRank(d);
        DMatrixRMaj y = new DMatrixRMaj(used, n);
        for (int i = 0; i < n; i++) {
            double mean = 0;
            int row = 0;
            for (int t = 0; t < tCount; t++) {
                if (rows[t]) {
                    mean += deltaU[i][t];
                }
            }
            mean /= used;
            for (int t = 0; t < tCount; t++) {
                if (rows[t]) {
                    y.unsafe_set(row++, i, deltaU[i][t] - mean);
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(used, cols);
        if (!solver.setA(solver.modifiesA() ? d.copy() : d)) {
            throw new GrididException("sensitivity regression: the design matrix is singular (rank "
                    + (int) cr[1] + " of " + cols + ")");
        }
        DMatrixRMaj b = new DMatrixRMaj(cols, n);
        solver.solve(y, b);
        double[][] r = new double[n][n];
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                r[i][k] = b.unsafe_get(k, i) / scale[k] / 2;
                if (joint) {
                    x[i][k] = b.unsafe_get(n + k, i) / scale[n + k] / 2;
                }
            }
        }
        if ((int) cr[1] < cols) {
            warnings.add(Warning.of(WarningCode.RANK_DEFICIENT, "design rank " + (int) cr[1] + " < " + cols
                    + " regressors: estimates are not unique"));
        }
        return new SensitivityFit(buses, path, r, x, cr[0], jointCond, (int) cr[1], used, reason, warnings);
    }

    private static boolean[] usableRows(double[][] deltaU, double[][] p, double[][] q, boolean needQ) {
        int tCount = deltaU[0].length;
        boolean[] ok = new boolean[tCount];
        java.util.Arrays.fill(ok, true);
        for (int i = 0; i < deltaU.length; i++) {
            for (int t = 0; t < tCount; t++) {
                if (!Double.isFinite(deltaU[i][t]) || !Double.isFinite(p[i][t]) || (needQ && !Double.isFinite(q[i][t]))) {
                    ok[t] = false;
                }
            }
        }
        return ok;
    }

    private static int count(boolean[] rows) {
        int c = 0;
        for (boolean b : rows) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The first bus whose series is constant over the usable rows, or null. */
    private static String firstConstant(List<String> buses, double[][] s, boolean[] rows) {
        for (int i = 0; i < s.length; i++) {
            double mean = 0;
            double absMean = 0;
            int c = 0;
            for (int t = 0; t < rows.length; t++) {
                if (rows[t]) {
                    mean += s[i][t];
                    absMean += Math.abs(s[i][t]);
                    c++;
                }
            }
            mean /= c;
            absMean /= c;
            double var = 0;
            for (int t = 0; t < rows.length; t++) {
                if (rows[t]) {
                    var += (s[i][t] - mean) * (s[i][t] - mean);
                }
            }
            double sd = Math.sqrt(var / c);
            if (!(sd > CONSTANT_RELATIVE * absMean) || sd == 0) {
                return buses.get(i);
            }
        }
        return null;
    }

    /** Centred design, one column per regressor: p of every bus, then q when joint. */
    private static DMatrixRMaj design(double[][] p, double[][] q, boolean[] rows, int used, boolean joint) {
        int n = p.length;
        int cols = joint ? 2 * n : n;
        DMatrixRMaj d = new DMatrixRMaj(used, cols);
        for (int c = 0; c < cols; c++) {
            double[] s = c < n ? p[c] : q[c - n];
            double mean = 0;
            for (int t = 0; t < rows.length; t++) {
                if (rows[t]) {
                    mean += s[t];
                }
            }
            mean /= used;
            int row = 0;
            for (int t = 0; t < rows.length; t++) {
                if (rows[t]) {
                    d.unsafe_set(row++, c, s[t] - mean);
                }
            }
        }
        return d;
    }

    private static double[] columnNorms(DMatrixRMaj d) {
        double[] s = new double[d.numCols];
        for (int r = 0; r < d.numRows; r++) {
            for (int c = 0; c < d.numCols; c++) {
                double v = d.unsafe_get(r, c);
                s[c] += v * v;
            }
        }
        for (int c = 0; c < s.length; c++) {
            s[c] = s[c] > 0 ? Math.sqrt(s[c]) : 1;
        }
        return s;
    }

    private static void scaleColumns(DMatrixRMaj d, double[] s) {
        for (int r = 0; r < d.numRows; r++) {
            for (int c = 0; c < d.numCols; c++) {
                d.unsafe_set(r, c, d.unsafe_get(r, c) / s[c]);
            }
        }
    }

    /**
     * Condition number and numerical rank of the column-standardised matrix (scaled copy; the
     * argument is not modified), from the eigenvalues of its Gram matrix.
     */
    private static double[] conditionAndRank(DMatrixRMaj design) {
        DMatrixRMaj d = design.copy();
        scaleColumns(d, columnNorms(d));
        DMatrixRMaj gram = new DMatrixRMaj(d.numCols, d.numCols);
        CommonOps_DDRM.multTransA(d, d, gram);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(gram.numRows, gram.numCols,
                false, false, true);
        if (!svd.decompose(gram)) {
            return new double[] {Double.POSITIVE_INFINITY, 0};
        }
        double[] sv = svd.getSingularValues();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : sv) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        int rank = 0;
        for (double v : sv) {
            if (Math.sqrt(Math.max(v, 0)) > RANK_TOLERANCE * Math.sqrt(max)) {
                rank++;
            }
        }
        double cond = min > 0 ? Math.sqrt(max / min) : Double.POSITIVE_INFINITY;
        return new double[] {cond, rank};
    }
}

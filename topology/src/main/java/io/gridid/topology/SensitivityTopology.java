package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.regression.RegressionPath;
import io.gridid.solvers.regression.SensitivityFit;
import io.gridid.solvers.regression.SensitivityOptions;
import io.gridid.solvers.regression.SensitivityRegression;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the regression-based estimators share: the sensitivity fit, the Laplacian-structure
 * check of its inverse, and turning a spanning-tree result into a {@link Topology}.
 */
final class SensitivityTopology {
    /**
     * Off-tree leakage of the inverse above which the P-only estimate is flagged: the largest
     * |off-tree entry| over the median |tree-edge entry|. Exact data with uniform R/X give
     * rounding-level leakage (&lt; 1e-6); strongly heterogeneous R/X give 0.1 and more.
     */
    static final double MAX_LEAKAGE = 0.05;

    private SensitivityTopology() {
    }

    static SensitivityFit regress(FeederSeries s, SensitivityOptions options) throws GrididException {
        return new SensitivityRegression(options).fit(s.buses(), s.dropView(), s.pView(), s.qView());
    }

    /** Inverse of the combined sensitivity matrix (R + X, or M on the P-only path). */
    static double[][] inverse(SensitivityFit fit) throws GrididException {
        double[][] z = fit.combined();
        int n = z.length;
        DMatrixRMaj m = new DMatrixRMaj(z);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(m, inv)) {
            throw new GrididException("the estimated sensitivity matrix is singular; cannot invert it");
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i][k] = inv.unsafe_get(i, k);
            }
        }
        return out;
    }

    /**
     * Largest |symmetrised inverse| entry between buses that are not adjacent in the tree, over
     * the median of the entries on tree edges (root edges excluded): 0 for an exact Laplacian.
     */
    static double leakage(double[][] inv, int[] parent) {
        int n = inv.length;
        boolean[][] edge = new boolean[n][n];
        List<Double> onTree = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int p = parent[c];
            if (p < n) {
                edge[c][p] = true;
                edge[p][c] = true;
                onTree.add(Math.abs((inv[c][p] + inv[p][c]) / 2));
            }
        }
        if (onTree.isEmpty()) {
            return 0;
        }
        double[] v = onTree.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double median = v[v.length / 2];
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                if (!edge[i][k]) {
                    worst = Math.max(worst, Math.abs((inv[i][k] + inv[k][i]) / 2));
                }
            }
        }
        return median > 0 ? worst / median : Double.POSITIVE_INFINITY;
    }

    static Topology topology(FeederSeries s, SpanningTreeExtraction.Result tree, SensitivityFit fit, TopologyMethod method,
                             List<Warning> extraWarnings) {
        int n = s.busCount();
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Double> conf = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            int p = tree.parent()[c];
            parents.put(s.buses().get(c), p == n ? s.root() : s.buses().get(p));
            conf.put(s.buses().get(c), tree.confidence()[c]);
        }
        List<Warning> warnings = new ArrayList<>(s.warnings());
        warnings.addAll(fit.warnings());
        warnings.add(Warning.of(WarningCode.REGRESSION_PATH, "regression path " + fit.path() + ": " + fit.reason()));
        warnings.addAll(extraWarnings);
        return new Topology(new RadialTree(s.root(), parents), conf,
                new TopologyDiagnostics(method, fit.path(), fit.conditionNumber(), fit.intervalsUsed(), warnings));
    }

    /** The P-only warning when the inverse is far from a (row-scaled) Laplacian of the chosen tree. */
    static List<Warning> pOnlyCheck(SensitivityFit fit, double[][] inv, int[] parent) {
        if (fit.path() != RegressionPath.P_ONLY) {
            return List.of();
        }
        double leak = leakage(inv, parent);
        if (leak > MAX_LEAKAGE) {
            return List.of(Warning.of(WarningCode.P_ONLY_UNRELIABLE, String.format(Locale.ROOT, "P-only path: the inverse sensitivity matrix is not the Laplacian"
                    + " of a tree (off-tree leakage %.3g > %.3g): R/X likely differs strongly between branches"
                    + " (or the data are noisy); this topology is unreliable", leak, MAX_LEAKAGE)));
        }
        return List.of();
    }
}

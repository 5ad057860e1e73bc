package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.solvers.regression.SensitivityFit;
import io.gridid.solvers.regression.SensitivityOptions;

import java.util.List;
import java.util.Objects;

/**
 * The additive tree metric: from the regressed combined sensitivity Z (R&#770; + X&#770;, or M on the
 * P-only path), the path impedance between buses i and k is d(i,k) = Z_ii + Z_kk &minus; Z_ik &minus;
 * Z_ki and d(i, root) = Z_ii (ohm); the tree is the minimum spanning tree of d (JGraphT). No
 * inversion, so it tolerates more noise than {@link LaplacianInversion}.
 *
 * <p>Confidence of an edge: (d_alt &minus; d)/d_alt clamped to [0, 1], d_alt the shortest
 * rejected distance across the same cut. Cost: the regression O(T n&sup2;) plus O(n&sup2; log n).
 */
public final class TreeMetric implements TopologyEstimator {
    private final SensitivityOptions options;

    public TreeMetric(SensitivityOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Topology estimate(FeederSeries series) throws GrididException {
        FeederSeries complete = series.complete(); // the regression needs every reading
        SensitivityFit fit = SensitivityTopology.regress(complete, options);
        double[][] z = fit.combined();
        int n = z.length;
        double[][] d = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    d[i][k] = z[i][i] + z[k][k] - z[i][k] - z[k][i];
                }
            }
            d[i][n] = z[i][i];
            d[n][i] = z[i][i];
        }
        SpanningTreeExtraction.Result tree = SpanningTreeExtraction.extract(d, false);
        List<io.gridid.model.Warning> extra = List.of();
        if (fit.path() == io.gridid.solvers.regression.RegressionPath.P_ONLY) {
            extra = SensitivityTopology.pOnlyCheck(fit, SensitivityTopology.inverse(fit), tree.parent());
        }
        return SensitivityTopology.topology(complete, tree, fit, TopologyMethod.TREE_METRIC, extra);
    }
}

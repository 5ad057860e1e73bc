package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.solvers.regression.SensitivityFit;
import io.gridid.solvers.regression.SensitivityOptions;

import java.util.Objects;

/**
 * The regression baseline of stage 1 (docs/design.md): regress the voltage drops on the injections, invert the
 * combined sensitivity matrix Z = R&#770; + X&#770; (or M on the P-only path), whose inverse is the
 * weighted Laplacian of the tree; edge weights are &minus;(off-diagonal) of the symmetrised
 * inverse, a bus's weight to the root is the row sum of the <em>unsymmetrised</em> inverse over
 * its diagonal; the tree is the maximum-weight spanning tree over buses and root (JGraphT).
 *
 * <p>Confidence of an edge: its weight's relative margin over the best rejected edge across the
 * same cut, (w &minus; w_alt)/|w| clamped to [0, 1]. Exact on exact data; inverting a noisy
 * matrix amplifies noise, so this estimator fails early as noise grows (see the accuracy runner).
 * Cost: the regression O(T n&sup2;) plus O(n&sup3;).
 */
public final class LaplacianInversion implements TopologyEstimator {
    private final SensitivityOptions options;

    public LaplacianInversion(SensitivityOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Topology estimate(FeederSeries series) throws GrididException {
        FeederSeries complete = series.complete(); // the regression needs every reading
        SensitivityFit fit = SensitivityTopology.regress(complete, options);
        double[][] inv = SensitivityTopology.inverse(fit);
        int n = inv.length;
        double[][] w = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int k = 0; k < n; k++) {
                rowSum += inv[i][k];
                if (k != i) {
                    w[i][k] = -(inv[i][k] + inv[k][i]) / 2;
                }
            }
            w[i][n] = rowSum / inv[i][i];
            w[n][i] = w[i][n];
        }
        SpanningTreeExtraction.Result tree = SpanningTreeExtraction.extract(w, true);
        return SensitivityTopology.topology(complete, tree, fit, TopologyMethod.LAPLACIAN,
                SensitivityTopology.pOnlyCheck(fit, inv, tree.parent()));
    }
}

package io.gridid.solvers.fit;

import io.gridid.model.GrididException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fit's fused passes against the separate passes they replace, on noisy data: the same
 * arithmetic in the same order, so the same bits (delta 0).
 */
class FitPassesTest {
    private static double rmsAlone(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        double r = Math.sqrt(s / v.length);
        return r > 0 ? r : 1.0;
    }

    @Test
    void columnScalesInOnePassAreThoseOfOnePassPerColumn() throws GrididException {
        BranchFitData data = SyntheticBranch.at12kV(0.3, 0.25).noisy(3001, 71, 0.02, 0.05, 1.0);
        FitRows rows = data.usableRows();
        assertEquals(rmsAlone(data.y()), rows.sy, 0.0);
        assertEquals(rmsAlone(data.a()), rows.sa, 0.0);
        assertEquals(rmsAlone(data.b()), rows.sb, 0.0);
        assertEquals(rmsAlone(data.c()), rows.sc, 0.0);
        // with unusable rows: the scales of the compacted columns
        double[] y = data.y();
        double[] c = data.c();
        y[5] = Double.NaN;
        c[9] = Double.POSITIVE_INFINITY;
        FitRows some = FitRows.usable(y, data.a(), data.b(), c);
        double[] kept = new double[some.n];
        for (int t = 0, k = 0; t < y.length; t++) {
            if (t != 5 && t != 9) {
                kept[k++] = y[t];
            }
        }
        assertEquals(y.length - 2, some.n);
        assertEquals(rmsAlone(kept), some.sy, 0.0);
        // a zero column gets scale 1
        double[] zero = new double[5];
        double[] one = {1, 2, 3, 4, 5};
        assertEquals(1.0, FitRows.usable(one, zero, one, one).sa, 0.0);
    }

    @Test
    void standardErrorPassGivesTheResidualSumOfSquares() throws GrididException {
        FitRows rows = SyntheticBranch.at12kV(0.3, 0.25).noisy(2000, 72, 0.02, 0, 0).usableRows();
        for (double[] z : new double[][]{{0.3, 0.25}, {0.31, 0.2}, {0, 0.4}, {1.5, 0}}) {
            for (FitNorm norm : FitNorm.values()) {
                assertEquals(rows.sumSquares(z[0], z[1]), StandardErrors.ofBranch(rows, norm, z[0], z[1])[2], 0.0);
            }
        }
    }
}

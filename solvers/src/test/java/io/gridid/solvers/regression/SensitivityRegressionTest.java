package io.gridid.solvers.regression;

import io.gridid.model.GrididException;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityRegressionTest {
    /** Data are exactly linear, so only rounding remains: 1e-9 ohm on entries of order 0.1-1 ohm. */
    private static final double EXACT_OHM = 1e-9;
    private static final List<String> BUSES = List.of("a", "b", "c");
    /** Path-resistance matrices of the chain root-a-b plus c on a (r = 0.2, 0.3, 0.5; x = 0.1, 0.4, 0.2). */
    private static final double[][] R = {{0.2, 0.2, 0.2}, {0.2, 0.5, 0.2}, {0.2, 0.2, 0.7}};
    private static final double[][] X = {{0.1, 0.1, 0.1}, {0.1, 0.5, 0.1}, {0.1, 0.1, 0.3}};

    private static double[][][] data(int tCount, boolean collinear, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] p = new double[3][tCount];
        double[][] q = new double[3][tCount];
        double[][] du = new double[3][tCount];
        for (int t = 0; t < tCount; t++) {
            for (int k = 0; k < 3; k++) {
                p[k][t] = 0.1 + rnd.nextDouble();
                q[k][t] = collinear ? 0.5 * p[k][t] : 0.05 + 0.5 * rnd.nextDouble();
            }
            for (int i = 0; i < 3; i++) {
                double s = 3.0; // a constant offset: the regression has an intercept
                for (int k = 0; k < 3; k++) {
                    s += 2 * (R[i][k] * p[k][t] + X[i][k] * q[k][t]);
                }
                du[i][t] = s;
            }
        }
        return new double[][][] {du, p, q};
    }

    @Test
    void jointPathRecoversRandXSeparately() throws GrididException {
        double[][][] d = data(200, false, 7);
        SensitivityFit fit = new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]);
        assertEquals(RegressionPath.JOINT, fit.path(), fit.reason());
        assertEquals(6, fit.rank());
        assertEquals(200, fit.intervalsUsed());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(R[i][k], fit.r()[i][k], EXACT_OHM);
                assertEquals(X[i][k], fit.x()[i][k], EXACT_OHM);
            }
        }
    }

    @Test
    void collinearInjectionsTakeThePOnlyPathAndEstimateTheEffectiveMatrix() throws GrididException {
        double[][][] d = data(200, true, 8);
        SensitivityFit fit = new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]);
        assertEquals(RegressionPath.P_ONLY, fit.path());
        assertTrue(fit.reason().contains("reactive") || fit.reason().contains("collinear"), fit.reason());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(R[i][k] + 0.5 * X[i][k], fit.r()[i][k], EXACT_OHM); // M = R + X diag(kappa), kappa = 0.5
                assertEquals(0, fit.x()[i][k]);
            }
        }
    }

    @Test
    void missingReadingsDropTheirIntervalInsteadOfBeingZeroFilled() throws GrididException {
        double[][][] d = data(200, false, 9);
        d[1][2][10] = Double.NaN;
        d[2][0][11] = Double.NaN;
        d[0][1][12] = Double.NaN;
        SensitivityFit fit = new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]);
        assertEquals(197, fit.intervalsUsed());
        assertEquals(R[1][2], fit.r()[1][2], EXACT_OHM);
        assertEquals(X[2][1], fit.x()[2][1], EXACT_OHM);
    }

    @Test
    void tooFewIntervalsForTheJointFitFallBackToPOnly() throws GrididException {
        double[][][] d = data(7, false, 10); // joint needs > 2n + 1 = 7 intervals, P-only > n + 1 = 4
        SensitivityFit fit = new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]);
        assertEquals(RegressionPath.P_ONLY, fit.path());
        assertTrue(fit.reason().contains("only 7 intervals"), fit.reason());
    }

    @Test
    void tooFewIntervalsIsAClearError() {
        double[][][] d = data(4, false, 10);
        GrididException e = assertThrows(GrididException.class,
                () -> new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]));
        assertTrue(e.getMessage().contains("intervals"), e.getMessage());
    }

    @Test
    void aBusWhoseLoadNeverVariesIsNamed() {
        double[][][] d = data(100, false, 11);
        java.util.Arrays.fill(d[1][1], 0.4);
        GrididException e = assertThrows(GrididException.class,
                () -> new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]));
        assertTrue(e.getMessage().contains("bus b"), e.getMessage());
    }

    @Test
    void fewIntervalsGiveAWarning() throws GrididException {
        double[][][] d = data(12, false, 12);
        SensitivityFit fit = new SensitivityRegression(SensitivityOptions.defaults()).fit(BUSES, d[0], d[1], d[2]);
        assertEquals(List.of(WarningCode.FEW_INTERVALS), fit.warnings().stream().map(Warning::code).toList(),
                fit.warnings().toString());
    }
}

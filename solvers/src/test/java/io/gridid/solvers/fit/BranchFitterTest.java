package io.gridid.solvers.fit;

import io.gridid.model.GrididException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchFitterTest {
    /** The brief's recovery target on exact data; double round-off over 2000 rows is ~1e-13. */
    private static final double NOISE_FREE_RELATIVE = 1e-6;
    /**
     * |w - (r^2 + x^2)| / w on exact data. w multiplies c, a column ~1e-3 as influential as a, so
     * the solvers' ~1e-12 precision on the fitted values leaves w about 1e-9 relative; 1e-6 still
     * separates "exact" from the 1e-3..1e-1 gaps of inexact relaxations seen with noise.
     */
    private static final double EXACT_GAP_RELATIVE = 1e-6;
    /** |error| below this many standard errors: a Gaussian tail of 6e-5 per check. */
    private static final double SE_MULTIPLE = 4;
    private static final int T = 2000;
    /** Relative round-off of an objective summed over a few thousand residuals (~1e-13). */
    private static final double SUM_ROUND_OFF = 1e-12;
    /** The rms of 2000 Gaussian residuals has relative sd 1/sqrt(2 * 2000) = 1.6 %: +-5 % is three of them. */
    private static final double RMS_RELATIVE = 0.05;
    /** The fitter's objective and the recomputation below sum the same 2000 terms at the same (r, x): round-off ~1e-13 relative. */
    private static final double OBJECTIVE_RELATIVE = 1e-9;
    /** Gap w - (r^2 + x^2), ohm^2, the added 0.5 ohm^2 must leave: a fifth of this branch's z = 0.005 ohm^2, a plain threshold rather than an error bound. */
    private static final double INEXACT_GAP_MIN = 1e-3;

    private static BranchFitter fitter(FitNorm norm) {
        return new BranchFitter(BranchFitOptions.defaults().withNorm(norm));
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void recoversExactImpedanceAt12kV(FitNorm norm) throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        BranchFit fit = fitter(norm).fit(truth.exact(T, 11));
        assertEquals(truth.rOhm(), fit.rOhm(), NOISE_FREE_RELATIVE * truth.rOhm());
        assertEquals(truth.xOhm(), fit.xOhm(), NOISE_FREE_RELATIVE * truth.xOhm());
        assertEquals(T, fit.intervalsUsed());
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void recoversExactImpedanceAt4kV(FitNorm norm) throws GrididException {
        // short low-voltage cable-like branch: x/r = 1.5, small ohms, heavier relative losses
        SyntheticBranch truth = SyntheticBranch.at4kV(0.08, 0.12);
        BranchFit fit = fitter(norm).fit(truth.exact(T, 12));
        assertEquals(truth.rOhm(), fit.rOhm(), NOISE_FREE_RELATIVE * truth.rOhm());
        assertEquals(truth.xOhm(), fit.xOhm(), NOISE_FREE_RELATIVE * truth.xOhm());
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void relaxationIsExactOnNoiseFreeData(FitNorm norm) throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.6, 0.9);
        BranchFit fit = fitter(norm).fit(truth.exact(T, 13));
        double z = truth.rOhm() * truth.rOhm() + truth.xOhm() * truth.xOhm();
        assertEquals(0, fit.relaxationGap(), EXACT_GAP_RELATIVE * z);
        assertEquals(z, fit.w(), EXACT_GAP_RELATIVE * z);
    }

    @Test
    void leastSquaresErrorIsConsistentWithItsStandardError() throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        double sigma = 0.02; // kV^2: about 1e-4 p.u. on |V| at 12.47 kV
        for (long seed = 21; seed <= 26; seed++) {
            BranchFit fit = fitter(FitNorm.LS).fit(truth.noisy(T, seed, sigma, 0, 0));
            assertTrue(Math.abs(fit.rOhm() - truth.rOhm()) < SE_MULTIPLE * fit.rStdErr(), () -> "r " + fit);
            assertTrue(Math.abs(fit.xOhm() - truth.xOhm()) < SE_MULTIPLE * fit.xStdErr(), () -> "x " + fit);
            // the residual scale must match the injected noise
            assertEquals(sigma, fit.rmsResidual(), RMS_RELATIVE * sigma);
        }
    }

    @Test
    void leastAbsoluteDeviationsResistsGrossOutliersWhereLeastSquaresDoesNot() throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        // 5 % of the intervals carry a +3 kV^2 error (a meter stuck high, ~150 sigma)
        BranchFitData data = truth.noisy(T, 31, 0.02, 0.05, 3.0);
        BranchFitData positive = onlyPositiveOutliers(truth, data);
        BranchFit lad = fitter(FitNorm.LAD).fit(positive);
        BranchFit ls = fitter(FitNorm.LS).fit(positive);
        BranchFit clean = fitter(FitNorm.LAD).fit(truth.noisy(T, 31, 0.02, 0, 0));
        // LAD: within 4 of the clean-data LAD standard error, inflated by 1/(1 - 0.05)^2 for the
        // share of intervals that carry no information
        double inflation = 1 / Math.pow(0.95, 2);
        assertTrue(Math.abs(lad.rOhm() - truth.rOhm()) < SE_MULTIPLE * inflation * clean.rStdErr(), () -> "LAD " + lad);
        assertTrue(Math.abs(lad.xOhm() - truth.xOhm()) < SE_MULTIPLE * inflation * clean.xStdErr(), () -> "LAD " + lad);
        // LS: biased far beyond that band
        double lsError = Math.hypot((ls.rOhm() - truth.rOhm()) / clean.rStdErr(), (ls.xOhm() - truth.xOhm()) / clean.xStdErr());
        assertTrue(lsError > 10 * SE_MULTIPLE, () -> "LS should be pulled by the outliers: " + ls);
    }

    /** The same noise, with every gross error made positive (a one-sided fault biases LS). */
    private static BranchFitData onlyPositiveOutliers(SyntheticBranch truth, BranchFitData data) {
        BranchFitData clean = truth.noisy(T, 31, 0.02, 0, 0);
        double[] y = data.y();
        double[] yClean = clean.y();
        for (int t = 0; t < y.length; t++) {
            y[t] = yClean[t] + Math.abs(y[t] - yClean[t]);
        }
        return new BranchFitData(y, data.a(), data.b(), data.c());
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void inexactRelaxationIsPolishedOnTheNonlinearObjective(FitNorm norm) throws GrididException {
        // Loss-dominated data: short branch, heavy flow at 4.16 kV, plus an extra +c * 0.5 ohm^2
        // on y (as if w were 0.5 above r^2 + x^2). The relaxation then prefers w > r^2 + x^2.
        SyntheticBranch truth = new SyntheticBranch(0.05, 0.05, 4.16, 6.0);
        BranchFitData exact = truth.noisy(T, 41, 0.001, 0, 0);
        double[] y = exact.y();
        double[] c = exact.c();
        for (int t = 0; t < y.length; t++) {
            y[t] += 0.5 * c[t];
        }
        BranchFitData data = new BranchFitData(y, exact.a(), exact.b(), c);
        BranchFit plain = new BranchFitter(BranchFitOptions.defaults().withNorm(norm).withPolish(false)).fit(data);
        BranchFit polished = fitter(norm).fit(data);
        assertTrue(plain.relaxationGap() > INEXACT_GAP_MIN, () -> "relaxation should be inexact: " + plain);
        assertFalse(plain.polished());
        assertTrue(polished.polished());
        assertEquals(plain.relaxationGap(), polished.relaxationGap(), 0.0);
        // the polish minimises the true objective: never worse than the projected relaxed point
        double projected = objective(norm, data, plain.rOhm(), plain.xOhm());
        double after = objective(norm, data, polished.rOhm(), polished.xOhm());
        assertTrue(after < projected, () -> "polish must improve: " + after + " vs " + projected);
        assertEquals(after, polished.objective(), OBJECTIVE_RELATIVE * after);
        assertEquals(projected, plain.objective(), OBJECTIVE_RELATIVE * projected);
        // and it is a local minimum of the true objective: no better point at a 1 % step around it
        for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            double r = polished.rOhm() * (1 + 0.01 * d[0]);
            double x = polished.xOhm() * (1 + 0.01 * d[1]);
            assertTrue(objective(norm, data, r, x) >= after, "polished point is not a local minimum");
        }
    }

    /**
     * LS polish with the bound x &ge; 0 active (a purely resistive branch, loss-dominated and
     * inexact as above): the polish must reach the constrained minimum, i.e. x = 0 and no better
     * point 1e-4 of r away along r, nor with x raised by 1e-4 of r. A joint step bent by the clamp
     * at x = 0 stalls short of it (seen on ieee69: r 0.1 % short).
     */
    @org.junit.jupiter.api.Test
    void leastSquaresPolishReachesTheMinimumOnTheBound() throws GrididException {
        SyntheticBranch truth = new SyntheticBranch(0.05, -0.2, 4.16, 6.0); // x < 0: the bound binds
        BranchFitData exact = truth.noisy(T, 43, 0.05, 0, 0);
        double[] y = exact.y();
        double[] c = exact.c();
        for (int t = 0; t < y.length; t++) {
            y[t] += 0.5 * c[t];
        }
        BranchFitData data = new BranchFitData(y, exact.a(), exact.b(), c);
        BranchFit fit = fitter(FitNorm.LS).fit(data);
        assertTrue(fit.polished(), () -> "the case must exercise the polish: " + fit);
        assertEquals(0.0, fit.xOhm(), 0.0, () -> "x should sit on its bound: " + fit);
        double at = objective(FitNorm.LS, data, fit.rOhm(), 0);
        double step = 1e-4 * fit.rOhm();
        assertTrue(objective(FitNorm.LS, data, fit.rOhm() + step, 0) >= at, "r + step is better");
        assertTrue(objective(FitNorm.LS, data, fit.rOhm() - step, 0) >= at, "r - step is better");
        assertTrue(objective(FitNorm.LS, data, fit.rOhm(), step) >= at, "x = step is better");
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void fitIsAMinimumOfTheTrueObjectiveOnNoisyData(FitNorm norm) throws GrididException {
        // Independent optimality check over seeds, voltage levels and gross errors: no better
        // point than the fit at 0.1 % and 1 % steps in eight directions, and no worse than truth.
        // (An exact relaxation gives the global optimum; a polished one at least a local one.)
        for (long seed = 71; seed <= 76; seed++) {
            SyntheticBranch truth = seed % 2 == 0 ? SyntheticBranch.at12kV(0.3, 0.25) : SyntheticBranch.at4kV(0.08, 0.12);
            BranchFitData data = truth.noisy(3000, seed, 0.02, seed % 3 == 0 ? 0.05 : 0, 1.0);
            BranchFit fit = fitter(norm).fit(data);
            double best = objective(norm, data, fit.rOhm(), fit.xOhm());
            assertTrue(best <= objective(norm, data, truth.rOhm(), truth.xOhm()), () -> "worse than truth: " + fit);
            for (double step : new double[] {1e-3, 1e-2}) {
                for (int k = 0; k < 8; k++) {
                    double angle = k * Math.PI / 4;
                    double r = fit.rOhm() * (1 + step * Math.cos(angle));
                    double x = fit.xOhm() * (1 + step * Math.sin(angle));
                    double value = objective(norm, data, r, x);
                    assertTrue(value >= best * (1 - SUM_ROUND_OFF), () -> "better point near " + fit);
                }
            }
        }
    }

    /** Independent objective: the exact branch equation residuals at (r, x). */
    private static double objective(FitNorm norm, BranchFitData data, double r, double x) {
        double[] y = data.y(), a = data.a(), b = data.b(), c = data.c();
        double s = 0;
        for (int t = 0; t < y.length; t++) {
            double e = y[t] - a[t] * r - b[t] * x - c[t] * (r * r + x * x);
            s += norm == FitNorm.LS ? e * e : Math.abs(e);
        }
        return s;
    }

    @Test
    void dropsIntervalsWithMissingValues() throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        BranchFitData exact = truth.exact(500, 51);
        double[] y = exact.y();
        double[] b = exact.b();
        for (int t = 0; t < 500; t += 10) {
            y[t] = Double.NaN;
            b[t + 1] = Double.NaN;
        }
        BranchFit fit = fitter(FitNorm.LS).fit(new BranchFitData(y, exact.a(), b, exact.c()));
        assertEquals(400, fit.intervalsUsed());
        assertEquals(truth.rOhm(), fit.rOhm(), NOISE_FREE_RELATIVE * truth.rOhm());
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void fitsAHandfulOfIntervals(FitNorm norm) throws GrididException {
        // below the LAD working-set size the full LP is solved; three rows determine r, x, w exactly
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        for (int intervals : new int[] {3, 7, 50}) {
            BranchFit fit = fitter(norm).fit(truth.exact(intervals, 52));
            assertEquals(truth.rOhm(), fit.rOhm(), NOISE_FREE_RELATIVE * truth.rOhm(), "T = " + intervals);
            assertEquals(truth.xOhm(), fit.xOhm(), NOISE_FREE_RELATIVE * truth.xOhm(), "T = " + intervals);
        }
    }

    @Test
    void tooFewUsableIntervalsIsADataError() {
        double nan = Double.NaN;
        BranchFitData data = new BranchFitData(new double[] {1, 2, nan, 4}, new double[] {1, 1, 1, nan},
                new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.3, 0.4});
        GrididException e = assertThrows(GrididException.class, () -> fitter(FitNorm.LAD).fit(data));
        assertTrue(e.getMessage().contains("only 2 usable intervals"), e.getMessage());
    }

    /**
     * The copy-free entry point: columns with unusable rows (NaN, infinite) give exactly the fit of
     * the usable rows alone, for both norms, and the columns are left as they were.
     */
    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void columnsFitAsTheirUsableRowsAndStayUnchanged(FitNorm norm) throws GrididException {
        SyntheticBranch truth = SyntheticBranch.at12kV(0.3, 0.25);
        BranchFitData data = truth.noisy(T, 61, 0.02, 0, 0);
        double[] y = data.y();
        double[] a = data.a();
        double[] b = data.b();
        double[] c = data.c();
        int usable = 0;
        for (int t = 0; t < T; t++) {
            if (t % 7 == 3) {
                y[t] = Double.NaN;
            } else if (t % 11 == 5) {
                c[t] = Double.POSITIVE_INFINITY;
            } else {
                usable++;
            }
        }
        double[][] kept = new double[4][usable];
        for (int t = 0, k = 0; t < T; t++) {
            if (Double.isFinite(y[t]) && Double.isFinite(c[t])) {
                kept[0][k] = y[t];
                kept[1][k] = a[t];
                kept[2][k] = b[t];
                kept[3][k] = c[t];
                k++;
            }
        }
        double[][] before = {y.clone(), a.clone(), b.clone(), c.clone()};
        BranchFit expected = fitter(norm).fit(new BranchFitData(kept[0], kept[1], kept[2], kept[3]));
        assertEquals(expected, fitter(norm).fit(y, a, b, c));
        assertEquals(usable, expected.intervalsUsed());
        assertTrue(java.util.Arrays.equals(before[0], y) && java.util.Arrays.equals(before[1], a)
                && java.util.Arrays.equals(before[2], b) && java.util.Arrays.equals(before[3], c), "columns unchanged");
        // all rows usable: the columns themselves are the rows, same fit as through the record
        assertEquals(fitter(norm).fit(data), fitter(norm).fit(data.y(), data.a(), data.b(), data.c()));
        assertThrows(IllegalArgumentException.class, () -> fitter(norm).fit(new double[3], new double[3],
                new double[2], new double[3]));
    }

    @Test
    void mismatchedArraysAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> new BranchFitData(new double[3], new double[3], new double[2], new double[3]));
    }

    // ---- fitLength ----

    /** A 556 kcmil-like overhead conductor, ohm/km, and a cable with a very different x/r. */
    private static final double RC = 0.1, XC = 0.37, WRONG_RC = 0.25, WRONG_XC = 0.1;

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void fitLengthRecoversTheLengthOfTheTrueType(FitNorm norm) throws GrididException {
        double length = 2.4;
        SyntheticBranch truth = SyntheticBranch.at12kV(length * RC, length * XC);
        LengthFit fit = fitter(norm).fitLength(truth.exact(T, 61), RC, XC);
        assertEquals(length, fit.lengthKm(), NOISE_FREE_RELATIVE * length);
        assertEquals(T, fit.intervalsUsed());
    }

    @ParameterizedTest
    @EnumSource(FitNorm.class)
    void fitLengthRanksTheTrueTypeFirst(FitNorm norm) throws GrididException {
        double length = 2.4;
        SyntheticBranch truth = SyntheticBranch.at12kV(length * RC, length * XC);
        BranchFitData data = truth.noisy(T, 62, 0.02, 0, 0);
        LengthFit right = fitter(norm).fitLength(data, RC, XC);
        LengthFit wrong = fitter(norm).fitLength(data, WRONG_RC, WRONG_XC);
        assertTrue(right.objective() < wrong.objective(), () -> right + " vs " + wrong);
        assertTrue(Math.abs(right.lengthKm() - length) < SE_MULTIPLE * right.lengthStdErr(), right::toString);
        // the free (r, x) fit can only do better than (or as well as) any one-type fit
        BranchFit free = fitter(norm).fit(data);
        assertTrue(free.objective() <= right.objective() * (1 + 1e-9), () -> free + " vs " + right);
    }
}

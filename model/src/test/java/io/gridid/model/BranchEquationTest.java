package io.gridid.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchEquationTest {
    /** Round-off of a handful of double operations on numbers of order 100. */
    private static final double EXACT = 1e-12;
    /** Two routes (complex algebra vs the squared-voltage form) to u ~ 150 kV^2 each round ~10 operations: ~1e-13, with margin. */
    private static final double CIRCUIT_ALGEBRA_KV2 = 1e-10;
    /** Central differences of values of order 150 with step 1e-6: rounding ~150 * 1e-16 / 1e-6 = 1.5e-8, truncation ~1e-12. */
    private static final double FINITE_DIFFERENCE = 1e-7;

    @Test
    void matchesAHandComputedBranch() {
        // r = 0.5 ohm, x = 0.3 ohm, receiving end 1.2 MW + 0.5 Mvar at 12 kV (u = 144 kV^2).
        // l = (1.44 + 0.25) / 144 = 0.0117361...; u_i = 144 + 2(0.6 + 0.15) + 0.34 * l
        double l = 1.69 / 144.0;
        assertEquals(l, BranchEquation.squaredCurrentTerm(1.2, 0.5, 144), EXACT);
        assertEquals(144 + 1.5 + 0.34 * l, BranchEquation.sendingSquaredVoltage(0.5, 0.3, 1.2, 0.5, 144), EXACT);
        assertEquals(1.2 + 0.5 * l, BranchEquation.sendingActiveMw(0.5, 1.2, 0.5, 144), EXACT);
        assertEquals(0.5 + 0.3 * l, BranchEquation.sendingReactiveMvar(0.3, 1.2, 0.5, 144), EXACT);
    }

    @Test
    void agreesWithComplexCircuitAlgebra() {
        // Independent check: V_i = V_j + Z * conj(S_j / V_j) with V_j real; S in MVA, V in kV
        // (three-phase, line-to-line: S = V I*, I in kA with the sqrt(3) folded into V_LL).
        double r = 0.8, x = 0.45, p = 2.0, q = 0.9, vj = 12.1;
        double iRe = p / vj, iIm = -q / vj;          // I = conj(S / V) = (P - jQ)/V
        double viRe = vj + r * iRe - x * iIm;         // Z * I = (r + jx)(iRe + j iIm)
        double viIm = r * iIm + x * iRe;
        double ui = viRe * viRe + viIm * viIm;
        assertEquals(ui, BranchEquation.sendingSquaredVoltage(r, x, p, q, vj * vj), CIRCUIT_ALGEBRA_KV2);
    }

    @Test
    void linearFormReproducesTheExactDrop() {
        // r = 0.5, x = 0.3 ohm (w = 0.34), receiving end 1.2 MW + 0.5 Mvar at u = 144 kV^2:
        // a = 2.4, b = 1.0, c = 1.69 / 144; a r + b x + c w is the exact drop, so the residual of
        // the exact drop is 0, and a drop 0.01 kV^2 larger leaves 0.01
        double p = 1.2, q = 0.5, u = 144;
        assertEquals(2.4, BranchEquation.resistanceRegressor(p), EXACT);
        assertEquals(1.0, BranchEquation.reactanceRegressor(q), EXACT);
        double[] a = new double[1], b = new double[1], c = new double[1];
        BranchEquation.regressors(new double[] {p}, new double[] {q}, new double[] {u}, 1, a, b, c);
        assertEquals(1.69 / 144, c[0], EXACT);
        double drop = BranchEquation.sendingSquaredVoltage(0.5, 0.3, p, q, u) - u;
        assertEquals(0, BranchEquation.residual(drop, a[0], b[0], c[0], 0.5, 0.3, 0.34), EXACT);
        assertEquals(0.01, BranchEquation.residual(drop + 0.01, a[0], b[0], c[0], 0.5, 0.3, 0.34), EXACT);
        assertEquals(drop, BranchEquation.drop(0.5, 0.3, 0.34, p, q, c[0]), EXACT);
        assertEquals(0.5 * c[0], BranchEquation.activeLossMw(0.5, p, q, u), EXACT);
        assertEquals(0.3 * c[0], BranchEquation.reactiveLossMvar(0.3, p, q, u), EXACT);
    }

    @Test
    void slopesMatchFiniteDifferencesOfTheExactDrop() {
        // central differences of u_i - u_j in r, x and P' (step 1e-6: truncation ~1e-12, rounding ~1e-10)
        double r = 0.8, x = 0.45, p = 2.0, q = 0.9, u = 146.41, h = 1e-6;
        double a = BranchEquation.resistanceRegressor(p);
        double b = BranchEquation.reactanceRegressor(q);
        double c = BranchEquation.squaredCurrentTerm(p, q, u);
        double dr = (BranchEquation.sendingSquaredVoltage(r + h, x, p, q, u)
                - BranchEquation.sendingSquaredVoltage(r - h, x, p, q, u)) / (2 * h);
        double dx = (BranchEquation.sendingSquaredVoltage(r, x + h, p, q, u)
                - BranchEquation.sendingSquaredVoltage(r, x - h, p, q, u)) / (2 * h);
        double dp = (BranchEquation.sendingSquaredVoltage(r, x, p + h, q, u)
                - BranchEquation.sendingSquaredVoltage(r, x, p - h, q, u)) / (2 * h);
        assertEquals(dr, BranchEquation.dropSlopeR(a, c, r), FINITE_DIFFERENCE);
        assertEquals(dx, BranchEquation.dropSlopeX(b, c, x), FINITE_DIFFERENCE);
        assertEquals(dp, BranchEquation.dropSlopeFlow(r, r * r + x * x, p, u), FINITE_DIFFERENCE);
    }
}

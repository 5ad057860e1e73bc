package io.gridid.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchEquationTest {
    /** Round-off of a handful of double operations on numbers of order 100. */
    private static final double EXACT = 1e-12;

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
        assertEquals(ui, BranchEquation.sendingSquaredVoltage(r, x, p, q, vj * vj), 1e-10);
    }
}

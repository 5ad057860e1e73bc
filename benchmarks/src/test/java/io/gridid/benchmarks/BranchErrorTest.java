package io.gridid.benchmarks;

import io.gridid.impedance.BranchEstimate;
import io.gridid.model.Branch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BranchErrorTest {
    /** Rounding of the hand-computed quotients below. */
    private static final double TOL = 1e-12;

    @Test
    void errorsAgainstAHandComputedBranch() {
        Branch truth = Branch.ofImpedance("1", "2", 0.4, 0.5);
        // r 0.3 (0.1 below the truth, SE 0.05), x 0.6 (0.1 above, SE 0.2)
        BranchEstimate e = new BranchEstimate("1", "2", 0.3, 0.6, 0.05, 0.2, 0, true, null, Double.NaN,
                0.3, 0.6, 0, 100, "");
        BranchError err = BranchError.of(e, truth);
        assertEquals(0.25, err.rRelative(), TOL);
        assertEquals(0.2, err.xRelative(), TOL);
        assertEquals(2.0, err.rStdErrs(), TOL);
        assertEquals(0.5, err.xStdErrs(), TOL);
    }
}

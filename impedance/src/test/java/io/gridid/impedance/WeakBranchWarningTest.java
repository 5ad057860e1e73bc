package io.gridid.impedance;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.BranchFit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WeakBranchWarningTest {
    private static final double WEAK = ImpedanceOptions.DEFAULT_WEAK_RELATIVE_STDERR;

    private static BranchFit fit(double r, double x, double rStdErr, double xStdErr) {
        return new BranchFit(r, x, r * r + x * x, 0, false, 1, 1, rStdErr, xStdErr, 0, 100);
    }

    @Test
    void theCodeSaysWhichOfRAndXTheDataDoNotPinDown() {
        assertNull(WeakBranchWarning.of(fit(1, 2, 0.1, 0.2), "a-b", WEAK));
        Warning r = WeakBranchWarning.of(fit(1, 2, 0.3, 0.2), "a-b", WEAK);
        assertEquals(WarningCode.R_NOT_PINNED, r.code());
        assertEquals(List.of("a-b"), r.subjects());
        assertEquals(WarningCode.X_NOT_PINNED, WeakBranchWarning.of(fit(1, 2, 0.1, 0.5), "a-b", WEAK).code());
        // an estimate of 0 has no relative standard error: weak whatever its standard error
        assertEquals(WarningCode.R_AND_X_NOT_PINNED, WeakBranchWarning.of(fit(0, 0, 0.01, 0.01), "a-b", WEAK).code());
    }

    /** A relative standard error is written as a percentage up to 10,000 %; an estimate of about 0 gave 1.3e18 %. */
    @Test
    void relativeStandardErrorsOfEstimatesNearZeroAreNotWrittenOutInDigits() {
        assertEquals("40 %", WeakBranchWarning.percent(0.4));
        assertEquals("10000 %", WeakBranchWarning.percent(100));
        assertEquals("over 10000 %", WeakBranchWarning.percent(1.26e16));
        assertEquals("unbounded", WeakBranchWarning.percent(Double.POSITIVE_INFINITY));
        assertEquals("unbounded", WeakBranchWarning.percent(Double.NaN));
    }
}

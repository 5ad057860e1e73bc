package io.gridid.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.solvers.fit.FitNorm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 2 on the validation feeders with the true topology and noise-free simulated data: the
 * issue's acceptance figures (every r and x within 0.5 %, relaxation exact; with the library the
 * true conductor of every line branch).
 */
class FeederRecoveryTest {
    /** The acceptance bound for noise-free data: every branch within 0.5 %. */
    private static final double MAX_RELATIVE_ERROR = 0.005;
    /**
     * "Median well below": noise-free data are exact to the power flow's 1e-10 p.u., so a median
     * above 0.05 % would mean a systematic defect (e.g. losses dropped from the subtree flows).
     */
    private static final double MAX_MEDIAN_RELATIVE_ERROR = 5e-4;
    /** Relaxation gap counted as exact, relative to r^2 + x^2 of the branch. */
    private static final double EXACT_RELATIVE_GAP = 1e-3;
    /** Ten days hourly (240 operating points): plenty for 3 unknowns per branch on exact data; keeps the test fast. */
    private static final int DAYS = 10;

    /**
     * Relative errors of r and x per branch. A component whose truth is 0 (ieee13's closed switch
     * has x = 0) is measured relative to the branch's |z| instead: "within 0.5 %" of nothing is
     * undefined, 0.5 % of the impedance is what an engineer would check.
     */
    private static List<Double> errors(Feeder feeder, ImpedanceResult r) {
        List<Double> errs = new ArrayList<>();
        for (BranchEstimate e : r.branches()) {
            Branch truth = feeder.branchTo(e.toBus());
            double z = Math.hypot(truth.rOhm(), truth.xOhm());
            errs.add(Math.abs(e.rOhm() - truth.rOhm()) / (truth.rOhm() > 0 ? truth.rOhm() : z));
            errs.add(Math.abs(e.xOhm() - truth.xOhm()) / (truth.xOhm() > 0 ? truth.xOhm() : z));
        }
        return errs;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : 0.5 * (s.get(n / 2 - 1) + s.get(n / 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ieee13", "ieee37", "ieee69", "random:200"})
    void noiseFreeEveryBranchWithinHalfAPercent(String name) throws Exception {
        Feeder feeder = TestFeeders.load(name);
        MeterData data = Simulations.noiseFree(feeder, DAYS, 11);
        for (FitNorm norm : FitNorm.values()) {
            ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults().withNorm(norm))
                    .estimate(data, feeder.tree());
            List<Double> errs = errors(feeder, r);
            double worst = Collections.max(errs);
            assertTrue(worst <= MAX_RELATIVE_ERROR, name + " " + norm + ": worst relative error " + worst);
            assertTrue(median(errs) <= MAX_MEDIAN_RELATIVE_ERROR, name + " " + norm + ": median " + median(errs));
            for (BranchEstimate e : r.branches()) {
                double z2 = e.rOhm() * e.rOhm() + e.xOhm() * e.xOhm();
                assertTrue(Math.abs(e.relaxationGap()) <= EXACT_RELATIVE_GAP * z2,
                        name + " " + norm + " gap of branch to " + e.toBus() + ": " + e.relaxationGap());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ieee13", "ieee37", "random:200"})
    void noiseFreeLibraryChoosesTheTrueConductorOfEveryLine(String name) throws Exception {
        Feeder feeder = TestFeeders.load(name);
        MeterData data = Simulations.noiseFree(feeder, DAYS, 13);
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults()
                .withConductors(ConductorLibrary.builtIn().types())).estimate(data, feeder.tree());
        for (BranchEstimate e : r.branches()) {
            Branch truth = feeder.branchTo(e.toBus());
            if (truth.kind() == Branch.Kind.LINE && truth.conductor() != null) {
                assertEquals(truth.conductor(), e.conductor(), "conductor of branch to " + e.toBus());
                assertEquals(truth.lengthKm(), e.lengthKm(), MAX_RELATIVE_ERROR * truth.lengthKm(),
                        "length of branch to " + e.toBus());
            } else {
                assertNull(e.conductor(), "branch to " + e.toBus() + " is no line: it must fall back");
                assertTrue(e.note().contains("no conductor type fits"), "fallback marked: " + e.note());
            }
        }
    }
}

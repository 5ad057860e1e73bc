package io.gridid.impedance;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The joint conductor choice honours its priors (OR-Tools MILP), even against the data. */
class ConductorPriorsTest {
    private static final int DAYS = 10;

    private static Map<String, ConductorType> byName() {
        Map<String, ConductorType> m = new HashMap<>();
        SmallFeeders.LIBRARY.forEach(t -> m.put(t.name(), t));
        return m;
    }

    @Test
    void atMostOneTypeForcesASingleTypeOnEveryLineAndMarksTheMisfits() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        MeterData data = Simulations.noiseFree(feeder, DAYS, 5);
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults()
                .withConductors(SmallFeeders.LIBRARY).withMaxTypes(1)).estimate(data, feeder.tree());
        Set<String> used = new HashSet<>();
        int forced = 0;
        for (BranchEstimate e : r.branches()) {
            if (feeder.branchTo(e.toBus()).kind() == Branch.Kind.TRANSFORMER) {
                assertNull(e.conductor(), "the transformer still falls back");
                continue;
            }
            assertNotNull(e.conductor(), "line " + e.toBus());
            used.add(e.conductor());
            if (e.note().contains("forced")) {
                forced++;
            }
        }
        assertEquals(1, used.size(), used.toString());
        // the truth has three line types (2 branches each): at least 4 lines carry a type that is not theirs
        assertTrue(forced >= 4, "forced notes: " + forced);
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == WarningCode.CONDUCTOR_PRIORS_FORCED),
                r.warnings().toString());
    }

    @Test
    void atMostThreeTypesIsFreeOnAFeederThatUsesThree() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        MeterData data = Simulations.noiseFree(feeder, DAYS, 5);
        ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults()
                .withConductors(SmallFeeders.LIBRARY).withMaxTypes(3)).estimate(data, feeder.tree());
        for (BranchEstimate e : r.branches()) {
            Branch truth = feeder.branchTo(e.toBus());
            if (truth.kind() == Branch.Kind.LINE) {
                assertEquals(truth.conductor(), e.conductor(), "line " + e.toBus());
                assertFalse(e.note().contains("forced"), e.note());
            }
        }
    }

    @Test
    void taperedNeverPutsALargerConductorBelowASmallerOne() throws GrididException {
        // the truth violates the taper: a 230 A 1/0 ACSR trunk feeds a 530 A 336 ACSR line
        Feeder feeder = new Feeder("untapered", "test", 12.47, "S", 1.0, List.of(
                Branch.line("S", "1", SmallFeeders.ACSR_1_0, 1.0),
                Branch.line("1", "2", SmallFeeders.ACSR_336, 2.0),
                Branch.line("2", "3", SmallFeeders.ACSR_336, 1.0)),
                Map.of("1", new BusLoad("1", 0.5, 0.2), "2", new BusLoad("2", 0.5, 0.2),
                        "3", new BusLoad("3", 0.8, 0.3)));
        MeterData data = Simulations.noiseFree(feeder, DAYS, 9);
        ImpedanceOptions o = ImpedanceOptions.defaults().withConductors(SmallFeeders.LIBRARY);
        ImpedanceResult free = new ImpedanceEstimator(o).estimate(data, feeder.tree());
        assertEquals("1/0 ACSR", free.branchTo("1").conductor(), "without the prior the data decide");
        assertEquals("336 ACSR", free.branchTo("2").conductor());

        ImpedanceResult tapered = new ImpedanceEstimator(o.withTapered(true)).estimate(data, feeder.tree());
        Map<String, ConductorType> types = byName();
        for (BranchEstimate e : tapered.branches()) {
            String parentBus = e.fromBus();
            if (parentBus.equals("S")) {
                continue;
            }
            double parentAmps = types.get(tapered.branchTo(parentBus).conductor()).ampacityAmps();
            double childAmps = types.get(e.conductor()).ampacityAmps();
            assertTrue(childAmps <= parentAmps, "branch to " + e.toBus() + ": " + childAmps + " A below "
                    + parentAmps + " A");
        }
    }
}

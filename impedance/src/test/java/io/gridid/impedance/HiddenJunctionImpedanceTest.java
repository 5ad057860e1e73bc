package io.gridid.impedance;

import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.feeders.UnmeteredBuses;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HiddenJunctionImpedanceTest {
    /** The target for every identifiable branch on exact data. */
    private static final double WITHIN = 0.005;

    /**
     * IEEE 13 without meters at 632, 633, 684, on its true tree with 633 (one child) merged into
     * the branch 632-634: every branch, those at the hidden buses included, within 0.5 %.
     */
    @Test
    void fitsEveryIdentifiableBranchOfIeee13WithUnmeteredJunctions() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        MeterData data = UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(60),
                UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad())).meters();
        Map<String, String> parents = new LinkedHashMap<>(f.tree().parents());
        parents.remove("633");
        parents.put("634", "632");
        RadialTree tree = new RadialTree(f.rootBus(), parents);
        ImpedanceResult r = new HiddenJunctionImpedance(ImpedanceOptions.defaults()).estimate(data, tree,
                SweepProgress.NONE);
        assertEquals(tree.size() - 1, r.branches().size());
        assertEquals(JointRefinementReport.Status.SKIPPED_HIDDEN_JUNCTIONS, r.jointRefinement().status());
        int atHidden = 0;
        for (BranchEstimate e : r.branches()) {
            double rTrue;
            double xTrue;
            if (e.toBus().equals("634")) {
                Branch a = f.branchTo("633");
                Branch b = f.branchTo("634");
                rTrue = a.rOhm() + b.rOhm();
                xTrue = a.xOhm() + b.xOhm();
            } else {
                rTrue = f.branchTo(e.toBus()).rOhm();
                xTrue = f.branchTo(e.toBus()).xOhm();
            }
            if (rTrue > 1e-3) { // the 1e-4 ohm switch 671-692 carries no relative target
                assertEquals(rTrue, e.rOhm(), WITHIN * rTrue, "r of " + e.fromBus() + "-" + e.toBus());
                assertEquals(xTrue, e.xOhm(), WITHIN * xTrue, "x of " + e.fromBus() + "-" + e.toBus());
            }
            if (e.note().equals(HiddenJunctionImpedance.NOTE)) {
                atHidden++;
                assertTrue(Double.isFinite(e.rStdErr()) && Double.isFinite(e.xStdErr()));
            }
        }
        // 650-632, 632-670, 632-645, 632-634, 671-684, 684-611, 684-652
        assertEquals(7, atHidden);
        // junctions draw nothing: the head flow is the metered loads plus losses
        assertTrue(r.warnings().stream().noneMatch(w -> w.code() == WarningCode.HEAD_POWER_MISMATCH),
                r.warnings().toString());
    }

    @Test
    void refusesAnUnmeteredBusWithOneChild() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        MeterData data = UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(10),
                UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad())).meters();
        GrididException e = assertThrows(GrididException.class, () -> new HiddenJunctionImpedance(
                ImpedanceOptions.defaults()).estimate(data, f.tree(), SweepProgress.NONE));
        assertTrue(e.getMessage().contains("633"), e.getMessage());
    }

    /**
     * A customer without a meter (675's load, its meter dropped) is not a junction: the head
     * flow exceeds the metered loads plus the losses, and stage 2 says so instead of guessing.
     */
    @Test
    void saysSoWhenALoadIsUnmetered() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        java.util.Set<String> junctions = UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad());
        MeterData data = UnmeteredBuses.without(UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(30),
                junctions).meters(), java.util.Set.of("675"));
        Map<String, String> parents = new LinkedHashMap<>(f.tree().parents());
        parents.remove("633");
        parents.put("634", "632");
        parents.remove("675");
        ImpedanceResult r = new HiddenJunctionImpedance(ImpedanceOptions.defaults()).estimate(data,
                new RadialTree(f.rootBus(), parents), SweepProgress.NONE);
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == WarningCode.HEAD_POWER_MISMATCH),
                r.warnings().toString());
    }
}

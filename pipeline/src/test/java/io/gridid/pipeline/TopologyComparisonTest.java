package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyComparisonTest {
    /**
     * ieee13 with 1e-4 p.u. voltage noise: the true tree against the same tree with one leaf hung
     * on the root's child. The true tree must win decisively (a deviance difference above
     * {@link TopologyComparison#DECISIVE_DEVIANCE}), the one differing bus must be named with its two
     * parents and a gain for the true parent above the same bar, and progress must count every
     * scored tree.
     */
    @Test
    void namesTheMovedBusAndPrefersTheTruth() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee13");
        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(60)
                .withSeed(5).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        RadialTree truth = feeder.tree();
        List<String> order = truth.topDown();
        String leaf = order.get(order.size() - 1);
        String host = truth.childrenOf(truth.root()).get(0);
        Map<String, String> parents = new HashMap<>(truth.parents());
        parents.put(leaf, host);
        RadialTree wrong = new RadialTree(truth.root(), parents);
        List<int[]> steps = new ArrayList<>();
        TopologyComparison.Result r = new TopologyComparison(ImpedanceOptions.defaults())
                .compare(meters, truth, wrong, (label, done, total) -> steps.add(new int[]{done, total}));
        assertTrue(r.decisive() && r.devianceDifference() > TopologyComparison.DECISIVE_DEVIANCE,
                "difference " + r.devianceDifference());
        assertEquals(1, r.differences().size());
        TopologyComparison.BusDifference d = r.differences().get(0);
        assertEquals(leaf, d.bus());
        assertEquals(truth.parentOf(leaf), d.parentInFirst());
        assertEquals(host, d.parentInSecond());
        assertTrue(d.moveGain() > TopologyComparison.DECISIVE_DEVIANCE, "gain " + d.moveGain());
        assertEquals(3, steps.size());
        assertEquals(3, steps.get(2)[0]);
        assertEquals(3, steps.get(2)[1]);
    }

    @Test
    void treesOverOtherBusesOrRootsCannotBeCompared() {
        RadialTree a = new RadialTree("0", Map.of("1", "0", "2", "1"));
        RadialTree b = new RadialTree("0", Map.of("1", "0", "3", "1"));
        RadialTree c = new RadialTree("1", Map.of("0", "1", "2", "1"));
        assertNull(TopologyComparison.mismatch(a, new RadialTree("0", Map.of("1", "0", "2", "0"))));
        assertTrue(TopologyComparison.mismatch(a, b).contains("only in the first [2], only in the second [3]"));
        assertTrue(TopologyComparison.mismatch(a, c).contains("different roots"));
        assertThrows(GrididException.class, () -> new TopologyComparison(ImpedanceOptions.defaults())
                .compare(MeterData.builder(List.of("0", "1", "2"), new long[]{0}).build(), a, b));
    }
}

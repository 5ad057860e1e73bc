package io.gridid.topology;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.feeders.UnmeteredBuses;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HiddenJunctionSearchTest {
    private static final TopologyOptions WITH_HIDDEN = TopologyOptions.defaults()
            .withHidden(HiddenJunctionOptions.defaults().withEnabled(true));

    /**
     * IEEE 13 without meters at its unloaded junctions 632, 633 and 684: 632 feeds 670, 645 and
     * (through 633, one child, not identifiable) 634; 684 feeds 611 and 652. Exact data must give
     * exactly two hidden buses with those children, under 650 and 671.
     */
    @Test
    void placesIeee13sUnmeteredJunctionsFromExactData() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        MeterData data = UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(120),
                UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad())).meters();
        RadialTree t = new TopologyIdentifier(WITH_HIDDEN).identify(data, "650").tree();
        String h1 = t.parentOf("670");
        String h2 = t.parentOf("611");
        assertFalse(data.hasMeter(h1));
        assertFalse(data.hasMeter(h2));
        assertTrue(h1.startsWith("~h") && h2.startsWith("~h"));
        assertEquals("650", t.parentOf(h1));
        assertEquals(Set.of("670", "645", "634"), Set.copyOf(t.childrenOf(h1)));
        assertEquals("671", t.parentOf(h2));
        assertEquals(Set.of("611", "652"), Set.copyOf(t.childrenOf(h2)));
        assertEquals(data.meterCount() + 2, t.size());
    }

    /** Fully metered exact data: nothing to place, and the tree is the metered search's. */
    @Test
    void placesNothingWhenEveryBusIsMetered() throws Exception {
        for (String name : List.of("ieee13", "ieee37")) {
            Feeder f = TestFeeders.resolve(name);
            MeterData data = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(120)).meters();
            Topology with = new TopologyIdentifier(WITH_HIDDEN).identify(data, f.rootBus());
            Topology without = new TopologyIdentifier(TopologyOptions.defaults()).identify(data, f.rootBus());
            assertEquals(without.tree(), with.tree(), name);
        }
    }

    /** IEEE 37's unloaded junctions: the same tree ranked on one thread and on all cores. */
    @Test
    void oneThreadAndManyGiveTheSameTree() throws Exception {
        Feeder f = TestFeeders.resolve("ieee37");
        MeterData data = UnmeteredBuses.simulate(f, SynthesisOptions.defaults().withDays(60),
                UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad())).meters();
        HiddenJunctionOptions on = HiddenJunctionOptions.defaults().withEnabled(true);
        Topology many = new TopologyIdentifier(TopologyOptions.defaults().withHidden(on)).identify(data, f.rootBus());
        Topology one = new TopologyIdentifier(TopologyOptions.defaults().withHidden(on.withParallel(false)))
                .identify(data, f.rootBus());
        assertEquals(one.tree(), many.tree());
        assertTrue(many.tree().size() > data.meterCount(), "ieee37's junctions are placed");
    }

    /** A meter whose id starts like a hidden bus's pushes the hidden ids to a longer prefix. */
    @Test
    void hiddenIdsNeverEqualAMeterId() {
        assertEquals("~h1", new io.gridid.model.HiddenBusIds(List.of("650", "h1")).id(1));
        assertEquals("~~h2", new io.gridid.model.HiddenBusIds(List.of("650", "~h7")).id(2));
        assertEquals("~~~h1", new io.gridid.model.HiddenBusIds(List.of("~h", "~~h1")).id(1));
    }
}

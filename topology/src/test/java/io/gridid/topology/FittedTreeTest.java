package io.gridid.topology;

import io.gridid.model.Feeder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FittedTreeTest {
    /** Fitted impedances on exact data: the branch equation holds, so the fit is exact to rounding. */
    private static final double OHM_TOLERANCE = 1e-6;

    @Test
    void theTrueTreesFitsAreTheFeedersImpedances() throws Exception {
        Feeder f = HandFeeders.small();
        FeederSeries s = FeederSeries.of(HandFeeders.simulate(f, 200, 21, false, 0), f.rootBus());
        FittedTree tree = new SearchRun(s, PhysicsSearchOptions.defaults()).tree;
        tree.fitWhole(f.tree());
        int bus5 = s.buses().indexOf("5");
        assertEquals(0.50, tree.r[bus5], OHM_TOLERANCE); // branch 4-5
        assertEquals(0.35, tree.x[bus5], OHM_TOLERANCE);
        int bus3 = s.buses().indexOf("3");
        assertEquals(0.40, tree.r[bus3], OHM_TOLERANCE); // branch 2-3
        assertEquals(0.20, tree.x[bus3], OHM_TOLERANCE);
    }

    @Test
    void aMoveAndItsUndoInATrialGiveBackTheSameBits() throws Exception {
        Feeder f = HandFeeders.small();
        FeederSeries s = FeederSeries.of(HandFeeders.simulate(f, 300, 23, false, 1e-4), f.rootBus());
        FittedTree tree = new SearchRun(s, PhysicsSearchOptions.defaults()).tree;
        tree.fitWhole(f.tree());
        double[] rss = tree.rss.clone();
        double[] flow1 = tree.recvP[s.buses().indexOf("1")].clone();
        int bus4 = s.buses().indexOf("4");
        int bus3 = s.buses().indexOf("3");
        int old = tree.parent[bus4];
        tree.trial.begin();
        tree.move(bus4, bus3); // 4 (with 5 below it) from 1 to 3: the flows of 1, 2 and 3 change
        assertTrue(tree.rss[bus4] != rss[bus4], "the moved branch is refitted");
        tree.move(bus4, old);
        tree.trial.end();
        assertArrayEquals(rss, tree.rss, 0.0);
        assertArrayEquals(flow1, tree.recvP[s.buses().indexOf("1")], 0.0);
    }
}

package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomFeederTest {
    /** The generator forms the same product r per km x length (Branch.ofConductor): room for round-off only (~1e-16 ohm). */
    private static final double CONDUCTOR_PRODUCT_OHM = 1e-12;
    /** Head flow and losses come from the same branch equations, summed separately over up to 400 branches: round-off ~1e-13 MW. */
    private static final double BALANCE_MW = 1e-8;
    /** The load scale is bisected to 0.1 %: the binding voltage sits within ~0.1 % of the drop above 0.95. */
    private static final double SCALE_SLACK_PU = 0.001;

    @Test
    void sameSeedSameFeederOtherSeedOtherFeeder() {
        Feeder a = TestFeeders.load("random:60:7");
        Feeder b = TestFeeders.load("random:60:7");
        Feeder c = TestFeeders.load("random:60:8");
        assertEquals(a, b);
        assertNotEquals(a.branches(), c.branches());
        assertEquals(TestFeeders.load("random:60"), TestFeeders.load("random:60:1"), "default seed is 1");
    }

    @Test
    void isARadialFeederWithRealisticStructureAndConductors() throws Exception {
        ConductorLibrary lib = ConductorLibrary.builtIn();
        for (long seed = 1; seed <= 5; seed++) {
            Feeder f = TestFeeders.load("random:120:" + seed);
            RadialTree tree = f.tree();
            assertEquals(120, tree.size());
            assertEquals(12.47, f.baseKv());
            int maxDepth = 0;
            int branching = 0;
            for (String bus : tree.topDown()) {
                maxDepth = Math.max(maxDepth, tree.depthOf(bus));
                if (tree.childrenOf(bus).size() > 1) {
                    branching++;
                }
            }
            assertTrue(maxDepth >= 10 && maxDepth <= 60, "depth " + maxDepth + " neither a star nor a chain");
            assertTrue(branching >= 10, "laterals branch off: " + branching);
            for (Branch b : f.branches()) {
                ConductorType t = lib.byName(b.conductor());
                assertTrue(b.lengthKm() >= RandomFeeder.MIN_LENGTH_KM && b.lengthKm() <= RandomFeeder.MAX_LENGTH_KM);
                assertEquals(t.rOhmPerKm() * b.lengthKm(), b.rOhm(), CONDUCTOR_PRODUCT_OHM);
                assertEquals(t.xOhmPerKm() * b.lengthKm(), b.xOhm(), CONDUCTOR_PRODUCT_OHM);
                if (!b.fromBus().equals(f.rootBus())) {
                    ConductorType up = lib.byName(f.branchTo(b.fromBus()).conductor());
                    assertTrue(t.ampacityAmps() <= up.ampacityAmps(),
                            "conductor grows away from the substation at " + b.toBus());
                }
            }
            for (String bus : tree.topDown()) {
                if (!bus.equals(f.rootBus())) {
                    assertTrue(f.loadAt(bus).pMw() > 0 && f.loadAt(bus).qMvar() > 0, "every bus carries a load");
                }
            }
            PowerFlow.Solution s = new PowerFlow(f).solveNominal();
            double min = Double.MAX_VALUE;
            for (double v : s.voltageKv()) {
                min = Math.min(min, v / f.baseKv());
            }
            assertTrue(min >= RandomFeeder.MIN_VOLTAGE_PU, "min voltage " + min);
            // loads are as large as the limits allow: voltage binds unless ampacity does first
            assertTrue(min < RandomFeeder.MIN_VOLTAGE_PU + SCALE_SLACK_PU || s.headMw() > 1.0, "loads sized: min " + min);
        }
    }

    @Test
    void rejectsMalformedNames() {
        assertThrows(IllegalArgumentException.class, () -> TestFeeders.load("random:x"));
        assertThrows(IllegalArgumentException.class, () -> TestFeeders.load("random:1"));
        assertThrows(IllegalArgumentException.class, () -> TestFeeders.load("ieee999"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 400})
    void everySizeIsAFeasibleRadialFeeder(int n) throws Exception {
        Feeder f = TestFeeders.load("random:" + n + ":11");
        assertEquals(n, f.tree().size());
        assertEquals(n - 1, f.branches().size());
        PowerFlow.Solution s = new PowerFlow(f).solveNominal();
        assertTrue(s.voltageKv(s.lowestVoltageIndex()) >= RandomFeeder.MIN_VOLTAGE_PU * f.baseKv());
        double loads = f.loads().values().stream().mapToDouble(l -> l.pMw()).sum();
        assertEquals(loads + s.lossMw(), s.headMw(), BALANCE_MW, "power conserved");
    }
}

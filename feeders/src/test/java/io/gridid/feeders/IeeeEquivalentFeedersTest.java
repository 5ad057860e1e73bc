package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BranchEquation;
import io.gridid.model.Feeder;
import io.gridid.model.Units;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The balanced positive-sequence equivalents of the IEEE 13-node and 37-node feeders. */
class IeeeEquivalentFeedersTest {
    /** The data files state these lengths, transformer ohms and loads as exact decimals; the double products and sums here differ by round-off (~1e-15). */
    private static final double DECIMAL_ROUNDING = 1e-12;
    /** The hand computation below keeps 6 significant digits. */
    private static final double DELTA_HAND_OHM = 1e-6;
    /** Power flow converged to 1e-10 p.u.: power residuals ~1e-10 MW. */
    private static final double DELTA_POWER_MW = 1e-8;
    private static final double DELTA_U_KV2 = 1e-8;

    @Test
    void config601PositiveSequenceByHand() {
        // mtx601 (ohm/mile), IEEE13Nodeckt.dss:
        //   R diag 0.3465 0.3375 0.3414 -> Zs_r = 1.0254/3 = 0.341800
        //   R off  0.1560 0.1580 0.1535 -> Zm_r = 0.4675/3 = 0.155833
        //   r1 = 0.341800 - 0.155833 = 0.185967 ohm/mi = 0.185967/1.609344 = 0.115554 ohm/km
        //   X diag 1.0179 1.0478 1.0348 -> Zs_x = 3.1005/3 = 1.033500
        //   X off  0.5017 0.4236 0.3849 -> Zm_x = 1.3102/3 = 0.436733
        //   x1 = 1.033500 - 0.436733 = 0.596767 ohm/mi = 0.370814 ohm/km
        // Line 650-632: 2000 ft = 0.6096 km -> r = 0.0704417 ohm, x = 0.226048 ohm.
        Feeder f = TestFeeders.load("ieee13");
        Branch b = f.branchTo("632");
        assertEquals("650", b.fromBus());
        assertEquals("556,500 26/7 ACSR", b.conductor());
        assertEquals(2000 / Units.FEET_PER_KM, b.lengthKm(), DECIMAL_ROUNDING);
        assertEquals(0.0704417, b.rOhm(), DELTA_HAND_OHM);
        assertEquals(0.226048, b.xOhm(), DELTA_HAND_OHM);
        // the library type carries exactly that z1 per km
        assertEquals(0.115554, ConductorLibrary.builtIn().byName("556,500 26/7 ACSR").rOhmPerKm(), DELTA_HAND_OHM);
        assertEquals(0.370814, ConductorLibrary.builtIn().byName("556,500 26/7 ACSR").xOhmPerKm(), DELTA_HAND_OHM);
    }

    @Test
    void transformersAreTheirSeriesImpedanceOnTheFeederVoltage() {
        // 13-node XFM1: 500 kVA, 4.16 kV, r = 2 x 0.55 % = 1.1 %, x = 2 %; Zbase = 4.16^2/0.5 = 34.6112 ohm
        Branch x13 = TestFeeders.load("ieee13").branchTo("634");
        assertEquals(Branch.Kind.TRANSFORMER, x13.kind());
        assertEquals(0.011 * 34.6112, x13.rOhm(), DECIMAL_ROUNDING);
        assertEquals(0.02 * 34.6112, x13.xOhm(), DECIMAL_ROUNDING);
        // 37-node XFM1: 500 kVA, 4.8 kV, r = 2 x 0.045 % = 0.09 %, x = 1.81 %; Zbase = 46.08 ohm
        Branch x37 = TestFeeders.load("ieee37").branchTo("775");
        assertEquals(0.0009 * 46.08, x37.rOhm(), DECIMAL_ROUNDING);
        assertEquals(0.0181 * 46.08, x37.xOhm(), DECIMAL_ROUNDING);
        assertEquals(Branch.Kind.SWITCH, TestFeeders.load("ieee13").branchTo("692").kind());
    }

    @Test
    void structureAndTotalLoadsMatchTheSourceFiles() {
        Feeder f13 = TestFeeders.load("ieee13");
        assertEquals(14, f13.tree().size(), "13 IEEE nodes + 670 (RG60 merged into 650)");
        assertEquals(3.466, f13.loads().values().stream().mapToDouble(l -> l.pMw()).sum(), DECIMAL_ROUNDING);
        assertEquals(2.102, f13.loads().values().stream().mapToDouble(l -> l.qMvar()).sum(), DECIMAL_ROUNDING);
        Feeder f37 = TestFeeders.load("ieee37");
        assertEquals(37, f37.tree().size(), "37 IEEE nodes (799r merged into 799)");
        assertEquals(2.457, f37.loads().values().stream().mapToDouble(l -> l.pMw()).sum(), DECIMAL_ROUNDING);
        assertEquals(1.201, f37.loads().values().stream().mapToDouble(l -> l.qMvar()).sum(), DECIMAL_ROUNDING);
        // L35 799r-701 1.85 kft of code 721, starting at the merged root
        Branch l35 = f37.branchTo("701");
        assertEquals("799", l35.fromBus());
        assertEquals(1.85 * Units.KM_PER_KFT, l35.lengthKm(), DECIMAL_ROUNDING);
        assertEquals("1,000,000 AA CN", l35.conductor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ieee13", "ieee37"})
    void powerFlowConvergesAndConservesPower(String name) throws Exception {
        Feeder f = TestFeeders.load(name);
        PowerFlow pf = new PowerFlow(f);
        PowerFlow.Solution s = pf.solveNominal();
        double loads = f.loads().values().stream().mapToDouble(l -> l.pMw()).sum();
        assertEquals(loads + s.lossMw(), s.headMw(), DELTA_POWER_MW);
        assertTrue(s.lossMw() > 0 && s.lossMw() < 0.1 * loads, "losses plausible: " + s.lossMw());
        double[] v = s.voltageKv();
        for (Branch b : f.branches()) {
            int i = pf.indexOf(b.fromBus());
            int j = pf.indexOf(b.toBus());
            assertEquals(v[i] * v[i], BranchEquation.sendingSquaredVoltage(b.rOhm(), b.xOhm(),
                    s.receivingMw()[j], s.receivingMvar()[j], v[j] * v[j]), DELTA_U_KV2);
            assertTrue(v[j] / f.baseKv() > 0.85, name + " bus " + b.toBus() + " at " + v[j] / f.baseKv());
        }
    }
}

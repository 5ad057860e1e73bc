package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capacitor banks: constant admittance in the power flow, part of their bus's reading, voltage rise. */
class CapacitorBankTest {
    /** The draw -C v^2 / Vb^2 moves 2 C / Vb ~ 0.16 Mvar per kV, times the power flow's ~1e-9 kV voltage error (1e-10 p.u.): ~2e-10 Mvar. */
    private static final double BANK_DRAW_MVAR = 1e-9;
    /** The head flow is the same branch equations on the same converged voltages, summed in another order: round-off of a few Mvar over 13 buses (~1e-14). */
    private static final double HEAD_BALANCE_MVAR = 1e-8;
    /** A rating rint(k) * STEP_MVAR divided back by STEP_MVAR: two roundings on a small whole count (~1e-15 per unit of count). */
    private static final double WHOLE_STEPS = 1e-9;
    /** The power flow converges to 1e-10 p.u.; the hand solution below is bisected to 1e-13 kV. */
    private static final double VOLTAGE_TOLERANCE_KV = 1e-8;

    @Test
    void aLoneBankRaisesTheVoltageAsItsOwnBranchEquationSays() throws Exception {
        // one branch, a bank of 1 Mvar at 1 p.u. at the far bus and no load there: the power flow
        // against a hand solution of u0 = u1 + 2 x Q' + (r^2 + x^2) Q'^2 / u1 with Q' = -C u1 / Vb^2
        double r = 0.5;
        double x = 1.5;
        double c = 1.0;
        double vb = 12.47;
        Feeder f = new Feeder("one", "test", vb, "0", 1.0, List.of(Branch.ofImpedance("0", "1", r, x)), Map.of(),
                Map.of("1", c));
        PowerFlow.Solution s = new PowerFlow(f).solve(vb, new double[2], new double[2]);
        double u0 = vb * vb;
        double lo = u0;
        double hi = 1.2 * u0;
        for (int i = 0; i < 200; i++) {
            double u1 = 0.5 * (lo + hi);
            double q = -c * u1 / (vb * vb);
            double rhs = u1 + 2 * x * q + (r * r + x * x) * q * q / u1;
            if (rhs < u0) {
                lo = u1;
            } else {
                hi = u1;
            }
        }
        double v1 = Math.sqrt(0.5 * (lo + hi));
        assertTrue(v1 > vb, "a bank alone raises the voltage");
        assertEquals(v1, s.voltageKv(1), VOLTAGE_TOLERANCE_KV);
        assertEquals(-c * v1 * v1 / (vb * vb), s.drawMvar(1), BANK_DRAW_MVAR, "the bus draws minus the bank's injection");
    }

    @Test
    void ieee13CarriesItsPublishedBanks() {
        Feeder f = TestFeeders.load("ieee13");
        assertEquals(Map.of("675", 0.6, "611", 0.1), f.capacitorsMvar());
    }

    @Test
    void theHeadFlowIsTheMeteredReactiveDrawPlusLosses() throws Exception {
        // if a bank's injection were missing from its bus's reading, the head's Mvar would differ
        // from the meters' sum plus the reactive losses by the bank's ~0.6 Mvar
        Feeder f = TestFeeders.load("ieee13");
        SimulatedData d = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(1));
        MeterData m = d.truthMeters();
        RadialTree tree = f.tree();
        int root = m.indexOf(f.rootBus());
        for (int t = 0; t < m.intervalCount(); t++) {
            double[] recvQ = new double[m.meterCount()];
            double[] recvP = new double[m.meterCount()];
            double sumQ = 0;
            for (String bus : tree.bottomUp()) {
                int k = m.indexOf(bus);
                if (k == root) {
                    continue;
                }
                recvP[k] += m.pMw(k, t);
                recvQ[k] += m.qMvar(k, t);
                Branch b = f.branchTo(bus);
                double l = (recvP[k] * recvP[k] + recvQ[k] * recvQ[k]) / (m.vKv(k, t) * m.vKv(k, t));
                int par = m.indexOf(b.fromBus());
                if (par != root) {
                    recvP[par] += recvP[k] + b.rOhm() * l;
                    recvQ[par] += recvQ[k] + b.xOhm() * l;
                } else {
                    sumQ += recvQ[k] + b.xOhm() * l;
                }
            }
            assertEquals(m.qMvar(root, t), sumQ, HEAD_BALANCE_MVAR, "interval " + t);
        }
    }

    @Test
    void placementIsSeededAndInBankSteps() {
        Feeder base = TestFeeders.load("random:200");
        Feeder a = CapacitorPlacement.place(base, 10, 1L);
        assertEquals(10, a.capacitorsMvar().size());
        assertEquals(a.capacitorsMvar(), CapacitorPlacement.place(base, 10, 1L).capacitorsMvar());
        assertNotEquals(a.capacitorsMvar(), CapacitorPlacement.place(base, 10, 2L).capacitorsMvar());
        for (double mvar : a.capacitorsMvar().values()) {
            double steps = mvar / CapacitorPlacement.STEP_MVAR;
            assertEquals(Math.rint(steps), steps, WHOLE_STEPS);
            assertTrue(steps >= 1);
        }
        assertEquals(a.capacitorsMvar(), TestFeeders.load("random:200+caps=10").capacitorsMvar());
        assertThrows(IllegalArgumentException.class, () -> TestFeeders.load("random:200+caps=x"));
    }

    @Test
    void banksAndPvMakeVoltageRiseAlongSomeBranches() throws Exception {
        // the data the stage-1 tests rely on for "voltage rises along a branch": check it does
        Feeder f = TestFeeders.load("random:200+caps=10");
        SimulatedData d = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(3).withPvFraction(0.3));
        MeterData m = d.truthMeters();
        int risingBranches = 0;
        for (Branch b : f.branches()) {
            int i = m.indexOf(b.fromBus());
            int j = m.indexOf(b.toBus());
            double meanDrop = 0;
            for (int t = 0; t < m.intervalCount(); t++) {
                meanDrop += m.vKv(i, t) - m.vKv(j, t);
            }
            if (meanDrop < 0) {
                risingBranches++;
            }
        }
        assertTrue(risingBranches >= 5, "branches whose child is on average above its parent: " + risingBranches);
    }
}

package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnmeteredBusesTest {
    /** Power-flow tolerance (1e-10 p.u.) times the few hundred buses whose mismatches add up, in MW. */
    private static final double BALANCE_MW = 1e-6;

    @Test
    void zeroLoadPicksTheUnloadedJunctionsOfIeee13() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        // IEEE 13: 632, 633 and 684 carry no load and have children; 680 has no load but is a leaf
        assertEquals(Set.of("632", "633", "684"), UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad()));
    }

    @Test
    void aShareDrawsThatManyJunctionsBySeed() throws Exception {
        Feeder f = TestFeeders.resolve("random:200");
        Set<String> a = UnmeteredBuses.choose(f, new UnmeteredBuses.Share(0.2, 1));
        assertEquals(40, a.size()); // round(0.2 * 199)
        for (String b : a) {
            assertFalse(f.tree().childrenOf(b).isEmpty(), b + " is a leaf");
        }
        assertEquals(a, UnmeteredBuses.choose(f, new UnmeteredBuses.Share(0.2, 1)));
        assertFalse(a.equals(UnmeteredBuses.choose(f, new UnmeteredBuses.Share(0.2, 2))));
        assertThrows(IllegalArgumentException.class, () -> UnmeteredBuses.parse("half", 1));
    }

    @Test
    void unmeteredJunctionsDrawNothingAndLeaveTheOtherLoadsAsTheyWere() throws Exception {
        Feeder f = TestFeeders.resolve("ieee13");
        SynthesisOptions o = SynthesisOptions.defaults().withDays(2);
        Set<String> hidden = UnmeteredBuses.choose(f, new UnmeteredBuses.ZeroLoad());
        SimulatedData s = UnmeteredBuses.simulate(f, o, hidden);
        SimulatedData plain = MeterDataSynthesizer.synthesize(f, o);
        MeterData m = s.truthMeters();
        assertEquals(f.tree().size() - hidden.size(), m.meterCount());
        for (String h : hidden) {
            assertFalse(m.hasMeter(h));
        }
        // the same random draws: a metered bus's load is the plain simulation's
        int i = m.indexOf("671");
        int j = plain.truthMeters().indexOf("671");
        for (int t = 0; t < m.intervalCount(); t++) {
            assertEquals(plain.truthMeters().pMw(j, t), m.pMw(i, t));
        }
        // the head flow is the metered loads plus the losses: nothing drawn at the junctions
        // (a bank's injection, rating x (V / base)^2, is part of its bus's reading: added back for the load)
        PowerFlow pf = new PowerFlow(f);
        for (int t = 0; t < m.intervalCount(); t += 11) {
            double[] p = new double[pf.buses().size()];
            double[] q = new double[pf.buses().size()];
            for (int k = 1; k < p.length; k++) {
                String b = pf.buses().get(k);
                if (m.hasMeter(b)) {
                    int c = m.indexOf(b);
                    double v = m.vKv(c, t) / f.baseKv();
                    p[k] = m.pMw(c, t);
                    q[k] = m.qMvar(c, t) + f.capacitorMvarAt(b) * v * v;
                }
            }
            PowerFlow.Solution sol = pf.solve(m.vKv(m.indexOf(f.rootBus()), t), p, q);
            assertEquals(sol.headMw(), m.pMw(m.indexOf(f.rootBus()), t), BALANCE_MW);
        }
    }
}

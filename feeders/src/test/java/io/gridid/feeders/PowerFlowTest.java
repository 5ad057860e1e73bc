package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BranchEquation;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerFlowTest {
    /** The sweep stops once no voltage moves 1e-10 p.u. (1.3e-9 kV) per sweep and contracts by |z||S|/V^2 ~ 0.03 here, so it sits ~4e-11 kV from the closed form. */
    private static final double CLOSED_FORM_KV = 1e-9;
    /** That voltage error moves the 0.04 MW loss and the head flow by ~1e-14 MW; round-off of a few operations on MW values is below 1e-15. */
    private static final double CLOSED_FORM_MW = 1e-10;
    /** Converged to 1e-10 p.u. of 12.47 kV: residuals of the exact equations stay near 1e-8 kV^2. */
    private static final double DELTA_U_KV2 = 1e-7;
    private static final double DELTA_POWER_MW = 1e-9;

    private static Feeder smallFeeder(double loadScale) {
        // 0 - 1 - 2, and 1 - 3
        return new Feeder("small", "hand-made", 12.47, "0", 1.0,
                List.of(Branch.ofImpedance("0", "1", 0.4, 0.8),
                        Branch.ofImpedance("1", "2", 0.9, 0.6),
                        Branch.ofImpedance("1", "3", 0.3, 0.3)),
                Map.of("1", new BusLoad("1", 0.5 * loadScale, 0.2 * loadScale),
                        "2", new BusLoad("2", 1.1 * loadScale, 0.4 * loadScale),
                        "3", new BusLoad("3", 0.7 * loadScale, 0.35 * loadScale)));
    }

    @Test
    void twoBusCaseMatchesTheClosedFormSolution() throws Exception {
        // One branch, constant-power load: u_1 solves u_0 = u_1 + 2(rP + xQ) + |z|^2 |S|^2 / u_1,
        // i.e. u_1^2 - (u_0 - 2(rP+xQ)) u_1 + |z|^2 |S|^2 = 0, the larger root.
        double r = 1.2, x = 2.1, p = 2.0, q = 1.0, v0 = 12.66;
        Feeder f = new Feeder("two", "hand-made", 12.66, "a", 1.0,
                List.of(Branch.ofImpedance("a", "b", r, x)), Map.of("b", new BusLoad("b", p, q)));
        PowerFlow.Solution s = new PowerFlow(f).solveNominal();
        double bq = v0 * v0 - 2 * (r * p + x * q);
        double c = (r * r + x * x) * (p * p + q * q);
        double u1 = (bq + Math.sqrt(bq * bq - 4 * c)) / 2;
        assertEquals(Math.sqrt(u1), s.voltageKv(1), CLOSED_FORM_KV);
        double loss = r * (p * p + q * q) / u1;
        assertEquals(loss, s.lossMw(), CLOSED_FORM_MW);
        assertEquals(p + loss, s.headMw(), CLOSED_FORM_MW);
    }

    @Test
    void satisfiesTheExactBranchEquationAndConservesPower() throws Exception {
        Feeder f = smallFeeder(1.0);
        PowerFlow pf = new PowerFlow(f);
        PowerFlow.Solution s = pf.solveNominal();
        double[] v = s.voltageKv();
        for (Branch b : f.branches()) {
            int i = pf.indexOf(b.fromBus());
            int j = pf.indexOf(b.toBus());
            double ui = BranchEquation.sendingSquaredVoltage(b.rOhm(), b.xOhm(),
                    s.receivingMw()[j], s.receivingMvar()[j], v[j] * v[j]);
            assertEquals(v[i] * v[i], ui, DELTA_U_KV2, "branch " + b.fromBus() + "-" + b.toBus());
        }
        assertEquals(0.5 + 1.1 + 0.7 + s.lossMw(), s.headMw(), DELTA_POWER_MW);
        assertTrue(v[2] < v[1] && v[1] < v[0], "voltage falls along the feeder");
    }

    @Test
    void reportsVoltageCollapseAsDivergence() {
        PowerFlow pf = new PowerFlow(smallFeeder(400.0));
        assertThrows(PowerFlowDivergedException.class, pf::solveNominal);
    }
}

package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The base-case figures the README's feeder table states (lowest voltage, its bus, total losses),
 * checked by a power flow written here independently of {@link PowerFlow} and of the branch
 * equation: complex phasors, a backward sweep of branch currents and a forward sweep of voltage
 * drops, constant-power loads and constant-admittance capacitor banks.
 */
class ReadmeBaseCasesTest {
    /** Two power flows, the sweep below to 1e-13 and PowerFlow stopping at 1e-10 p.u. per sweep: they agree far inside 1e-8 p.u. */
    private static final double TWO_FLOWS_PU = 1e-8;
    /** The same two solutions' losses: voltages ~1e-9 kV apart move a 0.2 MW loss by far less than 1e-9 MW. */
    private static final double TWO_FLOWS_LOSS_MW = 1e-9;
    /** The README gives the voltage to 6 decimals: half a unit of the last one. */
    private static final double DELTA_V_PU = 5e-7;
    /** The README gives losses to 0.01 kW: half of that. */
    private static final double DELTA_LOSS_KW = 0.005;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ieee69, true, 0.909188, 65, 224.99",
            "ieee13, true, 0.935498, 652, 110.55",
            "ieee13, false, 0.916937, 652, 132.54",
            "ieee37, true, 0.957250, 740, 58.86"})
    void theReadmesFiguresHold(String name, boolean banks, double minPu, String minBus, double lossKw) throws Exception {
        Feeder f = TestFeeders.load(name);
        if (!banks) {
            f = f.withCapacitors(Map.of());
        }
        PhasorSweep s = new PhasorSweep(f);
        String lowest = null;
        for (String bus : s.order) {
            if (lowest == null || s.magnitude(bus) < s.magnitude(lowest)) {
                lowest = bus;
            }
        }
        assertEquals(minBus, lowest);
        assertEquals(minPu, s.magnitude(lowest) / f.baseKv(), DELTA_V_PU);
        assertEquals(lossKw, s.lossMw * 1000, DELTA_LOSS_KW);
        // and the project's power flow agrees with the sweep far inside the README's rounding
        PowerFlow pf = new PowerFlow(f);
        PowerFlow.Solution p = pf.solveNominal();
        assertEquals(s.magnitude(lowest), p.voltageKv(pf.indexOf(lowest)), TWO_FLOWS_PU * f.baseKv());
        assertEquals(s.lossMw, p.lossMw(), TWO_FLOWS_LOSS_MW);
    }

    /** Backward/forward sweep on complex phasors (kV, kA, MVA, ohm), to 1e-13 of the voltage. */
    private static final class PhasorSweep {
        final List<String> order = new ArrayList<>(); // root first, parents before children
        final Map<String, double[]> voltage = new HashMap<>(); // re, im (kV)
        double lossMw;

        PhasorSweep(Feeder f) {
            Map<String, List<Branch>> children = new HashMap<>();
            for (Branch b : f.branches()) {
                children.computeIfAbsent(b.fromBus(), k -> new ArrayList<>()).add(b);
            }
            order.add(f.rootBus());
            for (int i = 0; i < order.size(); i++) {
                for (Branch b : children.getOrDefault(order.get(i), List.of())) {
                    order.add(b.toBus());
                }
            }
            double v0 = f.rootVoltagePu() * f.baseKv();
            for (String bus : order) {
                voltage.put(bus, new double[] {v0, 0});
            }
            for (int iteration = 0; iteration < 1000; iteration++) {
                Map<String, double[]> current = new HashMap<>(); // into each bus from its parent (kA)
                for (int i = order.size() - 1; i >= 0; i--) {
                    String bus = order.get(i);
                    double[] v = voltage.get(bus);
                    BusLoad load = f.loadAt(bus);
                    double p = load == null ? 0 : load.pMw();
                    double q = (load == null ? 0 : load.qMvar())
                            - f.capacitorMvarAt(bus) * (v[0] * v[0] + v[1] * v[1]) / (f.baseKv() * f.baseKv());
                    // I = conj(S / V) = (p - jq) / conj(V)
                    double d = v[0] * v[0] + v[1] * v[1];
                    double[] sum = {(p * v[0] + q * v[1]) / d, (p * v[1] - q * v[0]) / d};
                    for (Branch b : children.getOrDefault(bus, List.of())) {
                        double[] c = current.get(b.toBus());
                        sum[0] += c[0];
                        sum[1] += c[1];
                    }
                    current.put(bus, sum);
                }
                double change = 0;
                lossMw = 0;
                for (String bus : order) {
                    for (Branch b : children.getOrDefault(bus, List.of())) {
                        double[] c = current.get(b.toBus());
                        double[] vp = voltage.get(bus);
                        double[] next = {vp[0] - (b.rOhm() * c[0] - b.xOhm() * c[1]),
                                vp[1] - (b.rOhm() * c[1] + b.xOhm() * c[0])};
                        double[] old = voltage.get(b.toBus());
                        change = Math.max(change, Math.hypot(next[0] - old[0], next[1] - old[1]));
                        voltage.put(b.toBus(), next);
                        lossMw += b.rOhm() * (c[0] * c[0] + c[1] * c[1]);
                    }
                }
                if (change < 1e-13 * v0) {
                    return;
                }
            }
            throw new AssertionError("the sweep did not converge");
        }

        double magnitude(String bus) {
            double[] v = voltage.get(bus);
            return Math.hypot(v[0], v[1]);
        }
    }
}

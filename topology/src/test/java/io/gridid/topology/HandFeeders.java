package io.gridid.topology;

import io.gridid.feeders.PowerFlow;
import io.gridid.feeders.PowerFlowDivergedException;
import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixtures: feeders built by hand and exact AC meter data from the project's one power flow
 * ({@link PowerFlow}) with seeded random loads per interval.
 */
public final class HandFeeders {
    static final double BASE_KV = 12.47;

    private HandFeeders() {
    }

    /** Root 0, chain 0-1-2-3, bus 4 on 1, bus 5 on 4, bus 6 on 2: branching and depth. */
    static Feeder small() {
        List<Branch> b = List.of(
                Branch.ofImpedance("0", "1", 0.30, 0.25),
                Branch.ofImpedance("1", "2", 0.20, 0.30),
                Branch.ofImpedance("2", "3", 0.40, 0.20),
                Branch.ofImpedance("1", "4", 0.15, 0.10),
                Branch.ofImpedance("4", "5", 0.50, 0.35),
                Branch.ofImpedance("2", "6", 0.25, 0.25));
        return new Feeder("hand7", "test fixture", BASE_KV, "0", 1.0, b, loads(b, 0.15, 0.07));
    }

    /**
     * A random radial feeder: bus k (1..n) hangs on a uniformly chosen earlier bus; r uniform in
     * [0.05, 0.6] ohm, x = r &middot; (x/r) with x/r log-uniform in [xrMin, xrMax].
     */
    static Feeder random(int n, long seed, double xrMin, double xrMax) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Branch> b = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            int par = k == 1 ? 0 : rnd.nextInt(Math.max(1, k - 8), k); // local attachment: deeper trees
            double r = 0.05 + 0.55 * rnd.nextDouble();
            double xr = xrMin * Math.exp(Math.log(xrMax / xrMin) * rnd.nextDouble());
            b.add(Branch.ofImpedance("b" + par, "b" + k, r, r * xr));
        }
        Map<String, BusLoad> loads = new LinkedHashMap<>();
        for (Branch br : b) { // power factors differ between buses: Q/P uniform in [0.1, 0.8]
            loads.put(br.toBus(), new BusLoad(br.toBus(), 0.08, 0.08 * (0.1 + 0.7 * rnd.nextDouble())));
        }
        return new Feeder("rand" + n, "test fixture", BASE_KV, "b0", 1.0, b, loads);
    }

    private static Map<String, BusLoad> loads(List<Branch> branches, double p, double q) {
        Map<String, BusLoad> m = new LinkedHashMap<>();
        for (Branch br : branches) {
            m.put(br.toBus(), new BusLoad(br.toBus(), p, q));
        }
        return m;
    }

    /**
     * Exact hourly meter data: every load scaled by its own random factor in [0.2, 1.2] per
     * interval, Q by an independent factor (varying power factor) or by the same one
     * ({@code collinear}: fixed power factor, P and Q proportional).
     *
     * @param voltageNoisePu Gaussian sigma added to every |V| reading, per unit (0 = exact)
     */
    static MeterData simulate(Feeder feeder, int intervals, long seed, boolean collinear, double voltageNoisePu)
            throws PowerFlowDivergedException {
        return simulate(feeder, intervals, seed, collinear, voltageNoisePu, 0);
    }

    /**
     * The same with relative Gaussian noise on the metered P and Q of every non-root bus.
     *
     * @param powerNoiseRelative sigma of the relative P and Q errors (0 = exact)
     */
    public static MeterData simulate(Feeder feeder, int intervals, long seed, boolean collinear,
                                     double voltageNoisePu, double powerNoiseRelative)
            throws PowerFlowDivergedException {
        PowerFlow pf = new PowerFlow(feeder);
        List<String> buses = pf.buses();
        int n = buses.size();
        long[] time = new long[intervals];
        for (int t = 0; t < intervals; t++) {
            time[t] = 1_767_225_600L + 3600L * t;
        }
        MeterData.Builder b = MeterData.builder(buses, time);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] pl = new double[n];
        double[] ql = new double[n];
        for (int t = 0; t < intervals; t++) {
            for (int k = 1; k < n; k++) {
                BusLoad l = feeder.loadAt(buses.get(k));
                double f = 0.2 + rnd.nextDouble();
                pl[k] = l.pMw() * f;
                ql[k] = l.qMvar() * (collinear ? f : 0.2 + rnd.nextDouble());
            }
            PowerFlow.Solution s = pf.solve(feeder.rootVoltagePu() * feeder.baseKv(), pl, ql);
            for (int k = 0; k < n; k++) {
                double v = s.voltageKv(k) + voltageNoisePu * feeder.baseKv() * (voltageNoisePu > 0 ? gaussian(rnd) : 0);
                if (k == 0) {
                    b.set(0, t, v, s.headMw(), s.headMvar());
                } else {
                    double p = pl[k];
                    double q = ql[k];
                    if (powerNoiseRelative > 0) {
                        p *= 1 + powerNoiseRelative * gaussian(rnd);
                        q *= 1 + powerNoiseRelative * gaussian(rnd);
                    }
                    b.set(k, t, v, p, q);
                }
            }
        }
        return b.build();
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Number of edges of {@code found} that are edges of the truth (unordered bus pairs). */
    public static int correctEdges(io.gridid.model.RadialTree truth, io.gridid.model.RadialTree found) {
        int ok = 0;
        for (Map.Entry<String, String> e : found.parents().entrySet()) {
            String c = e.getKey();
            String par = e.getValue();
            boolean same = (truth.parents().containsKey(c) && truth.parentOf(c).equals(par))
                    || (truth.parents().containsKey(par) && truth.parentOf(par).equals(c));
            if (same) {
                ok++;
            }
        }
        return ok;
    }
}

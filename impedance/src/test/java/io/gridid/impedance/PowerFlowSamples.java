package io.gridid.impedance;

import io.gridid.feeders.PowerFlow;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Exact (noise-free) meter data of a feeder for tests: T operating points, each bus's nominal
 * load scaled by an independent random factor in [0.2, 1.2] with a power factor angle varying
 * &plusmn;0.25 rad around the nominal one (so r and x are separable), solved by the project's
 * {@link PowerFlow}. A bus without nominal load gets {@link #MIN_LOAD_MW} at power factor 0.9
 * (as meter-data synthesis does: a branch carrying no current cannot be identified). The root's
 * P and Q are the feeder-head flow. Deterministic for a seed.
 */
final class PowerFlowSamples {
    /** Load given to buses without one, MW. */
    static final double MIN_LOAD_MW = 0.01;

    private PowerFlowSamples() {
    }

    static MeterData exact(Feeder feeder, int intervals, long seed) throws Exception {
        PowerFlow pf = new PowerFlow(feeder);
        List<String> buses = pf.buses();
        int n = buses.size();
        long[] epoch = new long[intervals];
        for (int t = 0; t < intervals; t++) {
            epoch[t] = 1_767_225_600L + 3600L * t;
        }
        MeterData.Builder b = MeterData.builder(buses, epoch);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[n];
        double[] q = new double[n];
        for (int t = 0; t < intervals; t++) {
            for (int k = 1; k < n; k++) {
                BusLoad l = feeder.loadAt(buses.get(k));
                boolean none = l.pMw() == 0 && l.qMvar() == 0;
                double s = none ? MIN_LOAD_MW / 0.9 : Math.hypot(l.pMw(), l.qMvar());
                double angle = (none ? Math.acos(0.9) : Math.atan2(l.qMvar(), l.pMw())) + rnd.nextDouble(-0.25, 0.25);
                double scale = rnd.nextDouble(0.2, 1.2);
                p[k] = s * scale * Math.cos(angle);
                q[k] = s * scale * Math.sin(angle);
            }
            PowerFlow.Solution sol = pf.solve(feeder.rootVoltagePu() * feeder.baseKv(), p, q);
            for (int k = 0; k < n; k++) {
                double pk = k == 0 ? sol.headMw() : p[k];
                double qk = k == 0 ? sol.headMvar() : q[k];
                b.set(k, t, sol.voltageKv(k), pk, qk);
            }
        }
        return b.build();
    }
}

package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.HashMap;
import java.util.SplittableRandom;

public final class JointProbe2 {
    public static void main(String[] args) throws Exception {
        Feeder feeder = TestFeeders.load(args[0]);
        MeterData d = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(5).withIntervalMinutes(60)
                .withSeed(1).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        JointRefinement.Layout lay = new JointRefinement.Layout(feeder.tree());
        double[] r = new double[lay.n], x = new double[lay.n], cr = new double[lay.n], cx = new double[lay.n];
        java.util.Arrays.fill(cr, Double.NaN);
        java.util.Arrays.fill(cx, Double.NaN);
        for (int k = 1; k < lay.n; k++) { r[k] = feeder.branchTo(lay.buses.get(k)).rOhm(); x[k] = feeder.branchTo(lay.buses.get(k)).xOhm(); }
        JointRefinement.Linearised lin = JointRefinement.Linearised.of(d, feeder.tree(), lay, null, r, x, false);
        if (args.length > 1) lin.estimateNoise(r, x);
        JointRefinement.Params par = new JointRefinement.Params(lay, cr, cx);
        JointRefinement.DenseSystem sys = JointRefinement.DenseSystem.of(lin, par, false);
        double[] v = new SplittableRandom(3).doubles(par.m).toArray();
        double[] k1 = sys.times(v);
        double[] k2 = new JointRefinement(ImpedanceOptions.defaults()).apply(lin, par, v);
        double md = 0, mx = 0;
        for (int i = 0; i < par.m; i++) { md = Math.max(md, Math.abs(k1[i] - k2[i])); mx = Math.max(mx, Math.abs(k1[i])); }
        System.out.println("max diff " + md + " max " + mx);
        MeterData d2 = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(365).withIntervalMinutes(60)
                .withSeed(1).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        JointRefinement.Linearised l2 = JointRefinement.Linearised.of(d2, feeder.tree(), lay, null, r, x, false);
        for (int rep = 0; rep < 15; rep++) {
            long t0 = System.nanoTime();
            l2.gradient(r, x, true, false);
            long t1 = System.nanoTime();
            l2.gradient(r, x, true, true);
            long t2 = System.nanoTime();
            System.out.printf("seq %.1f ms par %.1f ms (%.1f ns/node seq)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t1 - t0) / (double) (lay.n * 8760L));
        }
    }
}

package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.HashMap;
import java.util.Map;

/** Scratch probe (not committed). */
public final class JointProbe {
    public static void main(String[] args) throws Exception {
        Feeder feeder = TestFeeders.load(args[0]);
        int days = Integer.parseInt(args[1]);
        double sv = Double.parseDouble(args[2]);
        double spq = Double.parseDouble(args[3]);
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults()
                .withDays(days).withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(sv).withNoisePowerRelative(spq));
        MeterData d = sim.meters();
        ImpedanceOptions o = ImpedanceOptions.defaults().withParallel(!Boolean.getBoolean("seq")).withJointRefinement(false).withBadDataSigmas(Double.parseDouble(args[4]));
        BottomUpSweep.Outcome out = new BottomUpSweep(o).run(d, feeder.tree(), SweepProgress.NONE);
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (SweptBranch b : out.branches().values()) {
            boolean truth = args.length > 5;
            Branch t = feeder.branchTo(b.toBus());
            starts.put(b.toBus(), truth ? JointRefinement.Start.free(t.rOhm(), t.xOhm())
                    : JointRefinement.Start.free(b.fit().rOhm(), b.fit().xOhm()));
        }
        for (int rep = 0; rep < Integer.getInteger("reps", 3); rep++) {
            long t0 = System.nanoTime();
            JointRefinement.Outcome j = new JointRefinement(o, Integer.getInteger("dense", 400)).refine(d, feeder.tree(), null, starts);
            System.out.printf("time %.3f s  iters %d rejected %d dense %s ss %.4g readings %d%n", (System.nanoTime() - t0) / 1e9,
                    j.iterations(), j.rejected(), j.dense(), j.sumOfSquares(), j.readings());
            System.out.printf("sigma2 %.4g kappa median %.4g max %.4g%n", j.voltageNoiseVariance(), med(new java.util.ArrayList<>(j.flowErrorRatio().values())), java.util.Collections.max(j.flowErrorRatio().values()));
            if (rep == Integer.getInteger("reps", 3) - 1) {
                java.util.List<Double> es = new java.util.ArrayList<>(), ej = new java.util.ArrayList<>(), xs = new java.util.ArrayList<>(), xj = new java.util.ArrayList<>();
                for (String bus : feeder.tree().topDown()) {
                    if (bus.equals(feeder.tree().root())) continue;
                    Branch t = feeder.branchTo(bus);
                    SweptBranch b = out.branches().get(bus);
                    JointRefinement.Branch jb = j.branches().get(bus);
                    es.add(Math.abs(b.fit().rOhm() / t.rOhm() - 1)); ej.add(Math.abs(jb.rOhm() / t.rOhm() - 1));
                    xs.add(Math.abs(b.fit().xOhm() / t.xOhm() - 1)); xj.add(Math.abs(jb.xOhm() / t.xOhm() - 1));
                    if (args.length > 6) {
                        System.out.printf("%s r %.5f sweep %.5f joint %.5f (se %.2g/%.2g) | x %.5f sweep %.5f joint %.5f%n", bus, t.rOhm(),
                                b.fit().rOhm(), jb.rOhm(), b.fit().rStdErr(), jb.rStdErr(), t.xOhm(), b.fit().xOhm(), jb.xOhm());
                    }
                }
                System.out.printf("r median sweep %.3f joint %.3f | x median sweep %.3f joint %.3f%n", 100 * med(es), 100 * med(ej), 100 * med(xs), 100 * med(xj));
            }
        }
    }

    static double med(java.util.List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}

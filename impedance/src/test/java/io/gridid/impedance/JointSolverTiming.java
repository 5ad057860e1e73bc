package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measurement runner (not a test): the joint refinement's dense solver against conjugate gradients
 * on the same problem, from the sweep's fits on the true tree. Synthesised hourly data, seed 1,
 * &sigma;_v = 1e-4 p.u., 0.5 % P/Q noise. Prints per solver the median wall time of three runs after
 * one warm-up, the work (refinement steps or CG iterations) and the largest difference between the
 * two estimates in dense standard errors. Arguments: FEEDER DAYS [FEEDER DAYS ...], e.g.
 * {@code random:200 90 random:500 90}. Used for docs/decisions/002.
 */
public final class JointSolverTiming {
    private JointSolverTiming() {
    }

    public static void main(String[] args) throws GrididException {
        for (int i = 0; i + 1 < args.length; i += 2) {
            run(args[i], Integer.parseInt(args[i + 1]));
        }
    }

    private static void run(String name, int days) throws GrididException {
        Feeder feeder = TestFeeders.load(name);
        MeterData d = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        ImpedanceOptions o = ImpedanceOptions.defaults();
        ImpedanceResult sweep = new ImpedanceEstimator(o.withJointRefinement(false)).estimate(d, feeder.tree());
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (BranchEstimate e : sweep.branches()) {
            starts.put(e.toBus(), JointRefinement.Start.free(e.rOhm(), e.xOhm()));
        }
        JointRefinement.Outcome[] out = new JointRefinement.Outcome[2];
        double[] seconds = new double[2];
        for (int s = 0; s < 2; s++) {
            JointRefinement j = new JointRefinement(o, s == 0 ? Integer.MAX_VALUE : 0);
            j.refine(d, feeder.tree(), null, starts);
            double[] t = new double[3];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                out[s] = j.refine(d, feeder.tree(), null, starts);
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(t);
            seconds[s] = t[1];
        }
        double worst = 0;
        for (Map.Entry<String, JointRefinement.Branch> e : out[0].branches().entrySet()) {
            JointRefinement.Branch a = e.getValue();
            JointRefinement.Branch c = out[1].branches().get(e.getKey());
            worst = Math.max(worst, Math.max(Math.abs(a.rOhm() - c.rOhm()) / a.rStdErr(),
                    Math.abs(a.xOhm() - c.xOhm()) / a.xStdErr()));
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f (%d steps) | %.2f (%d iterations) | %.3f |%n",
                name, days, d.intervalCount(), 2 * (feeder.tree().size() - 1), seconds[0], out[0].iterations(),
                seconds[1], out[1].iterations(), worst);
    }
}

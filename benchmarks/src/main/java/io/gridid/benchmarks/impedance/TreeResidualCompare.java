package io.gridid.benchmarks.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.JointResidual;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Can the joint model's residual tell the true tree from a near miss? (not a test). Synthesises
 * hourly data (0.5 % P/Q noise, seed 1) and prints {@link ImpedanceEstimator#jointResidual} for the
 * true tree and for the true tree with one bus re-hung on another parent.
 *
 * <p>Usage: {@code TreeResidualCompare FEEDER DAYS SIGMA BUS NEW_PARENT}, e.g.
 * {@code ieee69 365 1e-4 4 2} (ieee69 bus 4 hung on 2 instead of 3, across the 0.0005 + j0.0012 ohm
 * branch 2-3). {@code -Djoint=true} runs stage 2 with the joint refinement.
 */
public final class TreeResidualCompare {
    private TreeResidualCompare() {
    }

    public static void main(String[] args) throws Exception {
        Feeder feeder = TestFeeders.load(args[0]);
        int days = Integer.parseInt(args[1]);
        double sigma = Double.parseDouble(args[2]);
        String bus = args[3];
        String parent = args[4];
        MeterData meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005)).meters();
        Map<String, String> parents = new HashMap<>(feeder.tree().parents());
        String old = parents.put(bus, parent);
        RadialTree wrong = new RadialTree(feeder.tree().root(), parents);
        ImpedanceEstimator est = new ImpedanceEstimator(ImpedanceOptions.defaults()
                .withJointRefinement(Boolean.getBoolean("joint")));
        JointResidual truth = est.jointResidual(meters, feeder.tree());
        JointResidual moved = est.jointResidual(meters, wrong);
        System.out.println("| tree | sum of squares kV^4 | readings | intervals | variance per reading kV^4 |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("true", truth));
        System.out.println(row("bus " + bus + " on " + parent + " (was " + old + ")", moved));
        System.out.printf(Locale.ROOT, "difference %.6g kV^4 (%.4f %% of the truth's)%n",
                moved.sumOfSquares() - truth.sumOfSquares(),
                100 * (moved.sumOfSquares() - truth.sumOfSquares()) / truth.sumOfSquares());
    }

    private static String row(String name, JointResidual r) {
        return String.format(Locale.ROOT, "| %s | %.6g | %d | %d | %.6g |", name, r.sumOfSquares(), r.readings(),
                r.intervals(), r.variance());
    }
}

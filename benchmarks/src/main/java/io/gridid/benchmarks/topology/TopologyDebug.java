package io.gridid.benchmarks.topology;

import io.gridid.benchmarks.TreeBranches;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.topology.FeederSeries;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyOptions;

/** Lists the wrong edges of the default estimator on one case (exploration aid, a main). */
public final class TopologyDebug {
    private TopologyDebug() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "ieee69";
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        double sigma = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
        int cands = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Feeder f = TestFeeders.load(name);
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(days)
                .withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005));
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            Topology t = new io.gridid.topology.TopologyIdentifier(TopologyOptions.defaults().withSearch(
                    io.gridid.topology.PhysicsSearchOptions.defaults().withCandidates(cands))
                    .withStabilityRuns(Integer.getInteger("stability", 0))).identify(sim.meters(), f.rootBus());
            System.out.printf("run %d: %.3f s%n", rep, (System.nanoTime() - t0) / 1e9);
            if (rep == 2) {
                RadialTree truth = f.tree();
                for (var e : t.tree().parents().entrySet()) {
                    String c = e.getKey();
                    String tp = truth.parentOf(c);
                    if (!tp.equals(e.getValue())) {
                        var br = f.branchTo(c);
                        System.out.printf("bus %s: found parent %s (conf %.3f), true %s (r=%.4f x=%.4f)%n", c, e.getValue(),
                                t.confidenceOf(c), tp, br.rOhm(), br.xOhm());
                    }
                }
                System.out.println(t.diagnostics());
                int rightLow = 0, wrongLow = 0, wrong = 0;
                double rightSum = 0, wrongSum = 0;
                for (var e : t.tree().parents().entrySet()) {
                    String c = e.getKey();
                    boolean ok = TreeBranches.contains(truth, c, e.getValue());
                    double cf = t.confidenceOf(c);
                    if (ok) { rightSum += cf; if (cf < 0.99) rightLow++; } else { wrong++; wrongSum += cf; if (cf < 0.99) wrongLow++; }
                }
                int right = t.tree().size() - 1 - wrong;
                System.out.printf("confidence: right edges mean %.3f (%d of %d below 0.99), wrong edges mean %.3f (%d of %d below 0.99)%n",
                        rightSum / Math.max(1, right), rightLow, right, wrongSum / Math.max(1, wrong), wrongLow, wrong);
                FeederSeries fs = FeederSeries.of(sim.meters(), f.rootBus());
                System.out.printf("objective found %.6f, truth %.6f%n", io.gridid.topology.PhysicsSearch.objective(fs, t.tree()),
                        io.gridid.topology.PhysicsSearch.objective(fs, truth));
                Topology fromTruth = io.gridid.topology.PhysicsSearch.refine(fs, truth,
                        io.gridid.topology.PhysicsSearchOptions.defaults().withCandidates(cands));
                System.out.printf("from truth: %d wrong, objective %.6f, %s%n",
                        (truth.size() - 1) - fromTruth.tree().sharedEdges(truth),
                        io.gridid.topology.PhysicsSearch.objective(fs, fromTruth.tree()), fromTruth.diagnostics().warnings());
            }
        }
    }
}

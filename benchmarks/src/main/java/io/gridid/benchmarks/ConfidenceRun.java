package io.gridid.benchmarks;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyIdentifier;
import io.gridid.topology.TopologyOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well the stage-1 confidence separates right edges from wrong ones, and what it costs, for
 * the two ways of running the stability halves (each half's search started from nothing, or from
 * the tree found on all the data), beside the search's own figure (no halves: the likelihood of
 * each bus's parent against its other candidates). Simulated data with known trees; per cell: edges, wrong edges,
 * the area under the ROC curve of confidence as a score for "this edge is right" (ties count
 * half), the share of wrong edges among those of confidence 1, the mean confidence of right and
 * of wrong edges, and the seconds of stage 1 with and without the halves (in process, after one
 * warm-up estimate per cell; for diagnosis, not the whole-process figures).
 *
 * <p>{@code java -cp ... io.gridid.benchmarks.ConfidenceRun [runs=8] [days=365] [sigma=1e-4]
 * [pq=0.005] [seeds=1,2] FEEDER...} (FEEDER as {@code gridid simulate --feeder}).
 */
public final class ConfidenceRun {
    private ConfidenceRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArguments a = RunArguments.withOthers(args, "runs", "days", "sigma", "pq", "seeds");
        int runs = a.intValue("runs", 8);
        int days = a.intValue("days", 365);
        double sigma = a.doubleValue("sigma", 1e-4);
        double pq = a.doubleValue("pq", 0.005);
        long[] seeds = a.list("seeds", "1,2").stream().mapToLong(Long::parseLong).toArray();
        List<String> feeders = a.others();
        System.out.println("| data | start of the halves | edges | wrong | AUC | wrong among conf. 1 | mean conf. right / wrong"
                + " | stage 1 s without halves | with halves |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String name : feeders) {
            Feeder feeder = TestFeeders.load(name);
            for (long seed : seeds) {
                SynthesisOptions o = SynthesisOptions.defaults().withDays(days).withSeed(seed)
                        .withNoiseVoltagePu(sigma).withNoisePowerRelative(pq);
                SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, o);
                String root = feeder.rootBus();
                TopologyOptions base = TopologyOptions.defaults();
                new TopologyIdentifier(base).identify(sim.meters(), root); // warm-up
                long t0 = System.nanoTime();
                Topology own = new TopologyIdentifier(base).identify(sim.meters(), root);
                double plain = (System.nanoTime() - t0) / 1e9;
                row(String.format(Locale.ROOT, "%s, %d d, seed %d", name, days, seed), "no halves: the search's own",
                        own, feeder.tree(), plain, plain);
                for (boolean warm : new boolean[] {false, true}) {
                    TopologyOptions opt = base.withStabilityRuns(runs).withStabilityWarmStart(warm);
                    long t1 = System.nanoTime();
                    Topology t = new TopologyIdentifier(opt).identify(sim.meters(), root);
                    double with = (System.nanoTime() - t1) / 1e9;
                    row(String.format(Locale.ROOT, "%s, %d d, seed %d", name, days, seed), warm ? "full-data tree" : "nothing",
                            t, feeder.tree(), plain, with);
                }
            }
        }
    }

    private static void row(String data, String start, Topology t, RadialTree truth, double plain, double with) {
        List<double[]> right = new ArrayList<>();
        List<Double> rightConf = new ArrayList<>();
        List<Double> wrongConf = new ArrayList<>();
        for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
            double c = t.confidence().get(e.getKey());
            if (TreeBranches.contains(truth, e.getKey(), e.getValue())) {
                rightConf.add(c);
            } else {
                wrongConf.add(c);
            }
        }
        double auc = auc(rightConf, wrongConf);
        long ones = rightConf.stream().filter(c -> c >= 1).count() + wrongConf.stream().filter(c -> c >= 1).count();
        long wrongOnes = wrongConf.stream().filter(c -> c >= 1).count();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %d of %d | %.3f / %s | %.2f | %.2f |%n", data, start,
                rightConf.size() + wrongConf.size(), wrongConf.size(),
                wrongConf.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", auc), wrongOnes, ones,
                mean(rightConf), wrongConf.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", mean(wrongConf)),
                plain, with);
        System.out.flush();
    }

    /** P(confidence of a random right edge > that of a random wrong one), ties counted half. */
    static double auc(List<Double> right, List<Double> wrong) {
        double s = 0;
        for (double r : right) {
            for (double w : wrong) {
                s += r > w ? 1 : r == w ? 0.5 : 0;
            }
        }
        return s / ((double) right.size() * wrong.size());
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}

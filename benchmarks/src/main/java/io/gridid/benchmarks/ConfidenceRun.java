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
 * How well the stage-1 confidence separates right edges from wrong ones, and what it costs:
 * the default (no halves: each edge's posterior share against the trees the search's moves make
 * without it) and its evidence (the log-likelihood ratio against the best of them), beside the
 * stability halves started from nothing or from the tree found on all the data. Simulated data with
 * known trees; per row: edges, wrong edges, the area under the ROC curve of the figure as a score
 * for "this edge is right" (ties count half), the share of wrong edges among those of confidence 1,
 * the mean figure of right and of wrong edges, and the seconds of stage 1 with and without the
 * halves (in process, after one warm-up estimate per cell; for diagnosis, not the whole-process
 * figures). Under a confidence row, right / all edges per confidence band; under the evidence row,
 * the share of wrong edges below and of right edges at or above several thresholds.
 *
 * <p>{@code java -cp ... io.gridid.benchmarks.ConfidenceRun [runs=8] [days=365] [sigma=1e-4]
 * [pq=0.005] [seeds=1,2] [halves=true] FEEDER...} (FEEDER as {@code gridid simulate --feeder};
 * {@code halves=false} leaves the halves out).
 */
public final class ConfidenceRun {
    private ConfidenceRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArguments a = RunArguments.withOthers(args, "runs", "days", "sigma", "pq", "seeds", "halves");
        boolean halves = Boolean.parseBoolean(a.list("halves", "true").get(0));
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
                row(String.format(Locale.ROOT, "%s, %d d, seed %d", name, days, seed), "no halves: confidence (default)",
                        own, feeder.tree(), plain, plain);
                row(String.format(Locale.ROOT, "%s, %d d, seed %d", name, days, seed), "no halves: evidence",
                        own, evidenceScores(own), feeder.tree(), plain, plain);
                if (!halves) {
                    continue;
                }
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

    /** Under the evidence row: the share of wrong edges below and of right ones at or above each threshold. */
    private static void thresholds(Topology t, Map<String, Double> score, RadialTree truth) {
        StringBuilder b = new StringBuilder("    evidence threshold: wrong below / right at or above:");
        for (double th : new double[] {0, 1, 2, 4, 8, 16, 32, 64}) {
            int wrong = 0, wrongBelow = 0, right = 0, rightAbove = 0;
            for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
                double c = score.get(e.getKey());
                if (TreeBranches.contains(truth, e.getKey(), e.getValue())) {
                    right++;
                    rightAbove += c >= th ? 1 : 0;
                } else {
                    wrong++;
                    wrongBelow += c < th ? 1 : 0;
                }
            }
            b.append(String.format(Locale.ROOT, "  %g: %.0f%%/%.0f%%", th, 100.0 * wrongBelow / Math.max(1, wrong),
                    100.0 * rightAbove / Math.max(1, right)));
        }
        System.out.println(b);
    }

    /** The edges' evidence as a score, +infinity where no alternative was weighed. */
    private static Map<String, Double> evidenceScores(Topology t) {
        Map<String, Double> s = new java.util.LinkedHashMap<>();
        for (String child : t.tree().parents().keySet()) {
            double e = t.evidenceOf(child);
            s.put(child, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
        }
        return s;
    }

    private static void row(String data, String start, Topology t, RadialTree truth, double plain, double with) {
        row(data, start, t, t.confidence(), truth, plain, with);
        bands(t, truth);
    }

    /** Under a confidence row: right / all edges per confidence band. */
    private static void bands(Topology t, RadialTree truth) {
        double[] edges = {0, 0.5, 0.9, 0.99, 1};
        StringBuilder b = new StringBuilder("    right / all edges by confidence:");
        for (int k = 0; k + 1 < edges.length; k++) {
            int right = 0;
            int all = 0;
            for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
                double c = t.confidence().get(e.getKey());
                boolean last = k + 2 == edges.length;
                if (c >= edges[k] && (c < edges[k + 1] || last && c <= edges[k + 1])) {
                    all++;
                    right += TreeBranches.contains(truth, e.getKey(), e.getValue()) ? 1 : 0;
                }
            }
            b.append(String.format(Locale.ROOT, "  [%.2f, %.2f%s: %d / %d", edges[k], edges[k + 1],
                    k + 2 == edges.length ? "]" : ")", right, all));
        }
        System.out.println(b);
    }

    private static void row(String data, String start, Topology t, Map<String, Double> score, RadialTree truth,
                            double plain, double with) {
        List<Double> rightConf = new ArrayList<>();
        List<Double> wrongConf = new ArrayList<>();
        for (Map.Entry<String, String> e : t.tree().parents().entrySet()) {
            double c = score.get(e.getKey());
            if (TreeBranches.contains(truth, e.getKey(), e.getValue())) {
                rightConf.add(c);
            } else {
                wrongConf.add(c);
            }
        }
        double auc = auc(rightConf, wrongConf);

        long ones = rightConf.stream().filter(c -> c >= 1).count() + wrongConf.stream().filter(c -> c >= 1).count();
        long wrongOnes = wrongConf.stream().filter(c -> c >= 1).count();
        boolean isConfidence = score == t.confidence();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %.3f / %s | %.2f | %.2f |%n", data, start,
                rightConf.size() + wrongConf.size(), wrongConf.size(),
                wrongConf.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", auc),
                isConfidence ? wrongOnes + " of " + ones : "n/a (not a share)",
                mean(rightConf), wrongConf.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", mean(wrongConf)),
                plain, with);
        System.out.flush();
        if (!isConfidence) {
            thresholds(t, score, truth);
        }
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

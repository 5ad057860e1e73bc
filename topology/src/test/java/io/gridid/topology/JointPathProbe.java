package io.gridid.topology;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runner (a main, not a test) behind docs/decisions/006-joint-path-objective.md: stage 1's tree
 * against the truth under {@link JointPathModel}, the model's local search, and its per-edge
 * evidence as a confidence score.
 *
 * <p>Usage: {@code JointPathProbe FEEDER DAYS SIGMA_V SEED MODE}, MODE one of {@code search} (from
 * stage 1's tree, the loss offsets refreshed from the searched tree up to {@code -Douter=3} times),
 * {@code truth} (from the true tree with its own loss offsets; {@code -DfreeW=true} takes the
 * offsets' loss coefficient from the free fit), {@code evidence} (stage 1's tree: AUC and shares
 * below thresholds). Hourly, 0.5 % P/Q noise; {@code -Dk=4} tree steps for re-hang candidates.
 */
public final class JointPathProbe {
    private JointPathProbe() {
    }

    public static void main(String[] args) throws Exception {
        Feeder f = TestFeeders.load(args[0]);
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults()
                .withDays(Integer.parseInt(args[1])).withIntervalMinutes(60).withSeed(Long.parseLong(args[3]))
                .withNoiseVoltagePu(Double.parseDouble(args[2])).withNoisePowerRelative(0.005));
        FeederSeries series = FeederSeries.of(sim.meters(), f.rootBus());
        RadialTree truth = f.tree();
        int k = Integer.getInteger("k", 4);
        long t0 = System.nanoTime();
        RadialTree t1 = TopologyOptions.defaults().withStabilityRuns(0).estimator().estimate(series).tree();
        System.out.printf(Locale.ROOT, "%s %s d %s seed %s: stage 1 %d / %d edges, %.2f s%n", args[0], args[2], args[1],
                args[3], t1.sharedEdges(truth), truth.size() - 1, (System.nanoTime() - t0) / 1e9);
        switch (args[4]) {
            case "search" -> {
                RadialTree cur = t1;
                for (int outer = 0; outer < Integer.getInteger("outer", 3); outer++) {
                    t0 = System.nanoTime();
                    JointPathModel mo = JointPathModel.of(series, cur, false);
                    double jt = mo.objective(mo.parents(truth));
                    double s2 = mo.noiseVariance();
                    double jc = mo.objective(mo.parents(cur));
                    RadialTree next = mo.search(cur, k);
                    double jn = mo.objective(mo.parents(next));
                    System.out.printf(Locale.ROOT, "  offsets from the current tree (%d edges): start - truth %.1f sigma2;"
                                    + " searched %d edges, searched - truth %.1f sigma2, %.1f s%n", cur.sharedEdges(truth),
                            (jc - jt) / s2, next.sharedEdges(truth), (jn - jt) / s2, (System.nanoTime() - t0) / 1e9);
                    if (next.equals(cur)) {
                        break;
                    }
                    cur = next;
                }
            }
            case "truth" -> {
                JointPathModel mo = JointPathModel.of(series, truth, Boolean.getBoolean("freeW"));
                double jt = mo.objective(mo.parents(truth));
                double s2 = mo.noiseVariance();
                double j1 = mo.objective(mo.parents(t1));
                RadialTree s = mo.search(truth, k);
                System.out.printf(Locale.ROOT, "  offsets from the truth: stage 1 - truth %.1f sigma2; search from the"
                                + " truth: %d edges, searched - truth %.1f sigma2%n", (j1 - jt) / s2, s.sharedEdges(truth),
                        (mo.objective(mo.parents(s)) - jt) / s2);
            }
            case "evidence" -> evidence(series, truth, t1, k);
            default -> throw new IllegalArgumentException("mode: search, truth or evidence");
        }
    }

    private static void evidence(FeederSeries series, RadialTree truth, RadialTree t1, int k) {
        long t0 = System.nanoTime();
        JointPathModel mo = JointPathModel.of(series, t1, false);
        double[] ev = mo.evidence(t1, k);
        double secs = (System.nanoTime() - t0) / 1e9;
        List<double[]> rows = new ArrayList<>(); // evidence, 1 = right edge
        int wrong = 0;
        for (int j = 0; j < mo.n; j++) {
            String b = mo.buses.get(j);
            String p = t1.parentOf(b);
            boolean ok = p.equals(truth.parentOf(b)) || (truth.contains(p) && !p.equals(truth.root())
                    && truth.parentOf(p).equals(b));
            rows.add(new double[] {ev[j], ok ? 1 : 0});
            wrong += ok ? 0 : 1;
        }
        double auc = 0;
        long pairs = 0;
        for (double[] a : rows) {
            for (double[] b : rows) {
                if (a[1] == 1 && b[1] == 0) {
                    pairs++;
                    auc += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  evidence: %.1f s, AUC %.3f (%d wrong edges)%n", secs, auc / pairs, wrong);
        for (double th : new double[] {0, 2, 6, 10}) {
            int wb = 0;
            int ra = 0;
            for (double[] a : rows) {
                wb += a[1] == 0 && a[0] < th ? 1 : 0;
                ra += a[1] == 1 && a[0] >= th ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  below %.0f: %d of %d wrong edges; at or above: %d of %d right edges%n", th,
                    wb, wrong, ra, mo.n - wrong);
        }
    }
}

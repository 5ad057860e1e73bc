package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TopologyComparison} on data with gaps against the simulator's truth: ieee69, 90 days
 * hourly, 1e-4 p.u. voltage and 0.5 % P/Q noise, the true tree against the true tree with one
 * chain-end bus (a leaf whose parent has no other child) hung on its grandparent, the kind of
 * error stage 1 makes. The same seed gives the same readings with and without gaps (the
 * simulator drops whole rows: |V|, P and Q of a meter in an interval).
 */
class ComparisonWithGapsTest {
    /**
     * Where the complete data prefer the truth decisively (a deviance difference above
     * {@link TopologyComparison#DECISIVE_DEVIANCE}), the data with 1 %, 5 % and 10 % of the rows
     * missing at random still rank the truth first, using every interval and every voltage read.
     * At 10 % almost no interval has every reading (fewer than the 10 a branch fit needs), so
     * weighing on complete intervals could not have run at all.
     */
    @Test
    void gapsRankTheTruthFirstWhereCompleteDataDecide() throws GrididException {
        Feeder feeder = TestFeeders.load("ieee69");
        RadialTree truth = feeder.tree();
        SynthesisOptions sim = SynthesisOptions.defaults().withDays(90).withIntervalMinutes(60).withSeed(3)
                .withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005);
        MeterData complete = MeterDataSynthesizer.synthesize(feeder, sim).meters();
        TopologyComparison comparison = new TopologyComparison(ImpedanceOptions.defaults());
        List<RadialTree> decided = new ArrayList<>();
        for (RadialTree wrong : chainEndsOnGrandparents(truth)) {
            if (comparison.compare(complete, truth, wrong).devianceDifference() > TopologyComparison.DECISIVE_DEVIANCE) {
                decided.add(wrong);
            }
        }
        assertTrue(decided.size() >= 5, "chain ends the complete data decide: " + decided.size());
        for (double missing : new double[]{0.01, 0.05, 0.10}) {
            MeterData data = MeterDataSynthesizer.synthesize(feeder, sim.withMissingFraction(missing)).meters();
            if (missing == 0.10) {
                assertTrue(completeIntervals(data, truth) < ImpedanceOptions.DEFAULT_MIN_INTERVALS,
                        "complete intervals at 10 %: " + completeIntervals(data, truth));
            }
            for (RadialTree wrong : decided) {
                TopologyComparison.Result r = comparison.compare(data, truth, wrong);
                String what = String.format(java.util.Locale.ROOT, "%.0f %% missing, bus %s: difference %.2f",
                        100 * missing, r.differences().get(0).bus(), r.devianceDifference());
                assertTrue(r.devianceDifference() > 0, what);
                assertEquals(data.intervalCount(), r.first().intervals(), what);
                assertEquals(voltagesRead(data, truth), r.first().readings(), what);
                assertEquals(r.first().readings(), r.second().readings(), what);
            }
        }
    }

    /** The truth with each chain-end bus in turn hung on its grandparent. */
    static List<RadialTree> chainEndsOnGrandparents(RadialTree truth) {
        List<RadialTree> out = new ArrayList<>();
        for (String bus : truth.topDown()) {
            if (bus.equals(truth.root()) || !truth.childrenOf(bus).isEmpty()) {
                continue;
            }
            String parent = truth.parentOf(bus);
            if (parent.equals(truth.root()) || truth.childrenOf(parent).size() != 1) {
                continue;
            }
            Map<String, String> parents = new LinkedHashMap<>(truth.parents());
            parents.put(bus, truth.parentOf(parent));
            out.add(new RadialTree(truth.root(), parents));
        }
        return out;
    }

    private static long voltagesRead(MeterData data, RadialTree tree) {
        long n = 0;
        for (String bus : tree.topDown()) {
            int m = data.indexOf(bus);
            for (int t = 0; t < data.intervalCount(); t++) {
                n += Double.isNaN(data.vKv(m, t)) ? 0 : 1;
            }
        }
        return n;
    }

    /** Intervals with every voltage, and every P and Q below the root. */
    private static int completeIntervals(MeterData data, RadialTree tree) {
        int n = 0;
        for (int t = 0; t < data.intervalCount(); t++) {
            boolean all = true;
            for (String bus : tree.topDown()) {
                int m = data.indexOf(bus);
                all &= !Double.isNaN(data.vKv(m, t))
                        && (bus.equals(tree.root()) || !Double.isNaN(data.pMw(m, t)) && !Double.isNaN(data.qMvar(m, t)));
            }
            n += all ? 1 : 0;
        }
        return n;
    }
}

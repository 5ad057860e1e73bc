package io.gridid.pipeline;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.JointNoiseModel;
import io.gridid.impedance.LikelihoodReadings;
import io.gridid.impedance.TreeDeviance;
import io.gridid.impedance.TreeLikelihood;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of two topologies of the same feeder do the meters support? E.g. the utility's GIS model
 * against the identified tree. Both trees are scored by their deviance under the joint model
 * ({@link TreeLikelihood}) with one noise model, estimated on the first tree; then every bus that
 * hangs differently is moved alone in the second tree to its parent in the first, so the
 * engineer sees which differences the data decide and which they do not.
 *
 * <p>Gaps: both trees are weighed on the same readings, every interval used ({@link LikelihoodReadings}:
 * missing voltages integrated out, missing loads filled once from the P/Q readings for both).
 */
public final class TopologyComparison {
    /**
     * A deviance difference below this is "cannot tell apart": a likelihood ratio under e&sup2; = 7.4,
     * which is what chance gives between equally good trees (the topology README's information limit:
     * 9-15 of ieee69's buses have an alternative that close at σ_v = 1e-4).
     */
    public static final double DECISIVE_DEVIANCE = 4;

    private final ImpedanceOptions options;

    public TopologyComparison(ImpedanceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A bus whose parent differs between the trees.
     *
     * @param bus            the bus
     * @param parentInFirst  its parent in the first tree
     * @param parentInSecond its parent in the second tree
     * @param moveGain       deviance of the second tree minus that of the second tree with only this
     *                       bus (and its subtree) hung on {@code parentInFirst}: &gt; 0 means the data
     *                       prefer the first tree's parent; NaN when that move alone would close a loop
     */
    public record BusDifference(String bus, String parentInFirst, String parentInSecond, double moveGain) {
    }

    /**
     * @param noise       the noise model both trees were scored with (estimated on the first)
     * @param first       the first tree's deviance
     * @param second      the second tree's deviance
     * @param differences buses hanging differently, in the first tree's top-down order
     * @param gapTreatment what was missing and how it entered ({@link LikelihoodReadings#gapTreatment()}),
     *                    "" without gaps
     */
    public record Result(JointNoiseModel noise, TreeDeviance first, TreeDeviance second, List<BusDifference> differences,
                         String gapTreatment) {
        public Result {
            differences = List.copyOf(differences);
        }

        /** Deviance of the second tree minus the first's: &gt; 0 means the first is the likelier. */
        public double devianceDifference() {
            return second.deviance() - first.deviance();
        }

        /** Whether the difference exceeds {@link #DECISIVE_DEVIANCE}. */
        public boolean decisive() {
            return Math.abs(devianceDifference()) > DECISIVE_DEVIANCE;
        }
    }

    /**
     * Compares two trees over the same buses and root.
     *
     * @throws GrididException when the trees differ in root or buses, or on data stage 2 cannot use
     */
    public Result compare(MeterData data, RadialTree first, RadialTree second) throws GrididException {
        return compare(data, first, second, ProgressListener.NONE);
    }

    /**
     * As {@link #compare(MeterData, RadialTree, RadialTree)}, telling {@code progress} after each
     * tree scored (the two trees, then one per bus that hangs differently).
     */
    public Result compare(MeterData data, RadialTree first, RadialTree second, ProgressListener progress)
            throws GrididException {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        String mismatch = mismatch(first, second);
        if (mismatch != null) {
            throw new GrididException(mismatch);
        }
        // prepared once: both trees (same buses) are weighed on the same readings and filled loads
        LikelihoodReadings readings = LikelihoodReadings.of(data, first);
        TreeLikelihood likelihood = new TreeLikelihood(options);
        JointNoiseModel noise = likelihood.noiseModel(readings, first);
        int differing = 0;
        for (String bus : first.topDown()) {
            if (!bus.equals(first.root()) && !first.parentOf(bus).equals(second.parentOf(bus))) {
                differing++;
            }
        }
        int total = 2 + differing;
        TreeDeviance d1 = likelihood.deviance(readings, first, noise);
        progress.stepDone("first tree", 1, total);
        TreeDeviance d2 = likelihood.deviance(readings, second, noise);
        progress.stepDone("second tree", 2, total);
        List<BusDifference> diffs = new ArrayList<>();
        for (String bus : first.topDown()) {
            if (bus.equals(first.root()) || first.parentOf(bus).equals(second.parentOf(bus))) {
                continue;
            }
            String target = first.parentOf(bus);
            double gain = Double.NaN;
            if (!second.isInSubtree(target, bus)) {
                Map<String, String> parents = new LinkedHashMap<>(second.parents());
                parents.put(bus, target);
                gain = d2.deviance() - likelihood.deviance(readings, new RadialTree(second.root(), parents), noise).deviance();
            }
            diffs.add(new BusDifference(bus, target, second.parentOf(bus), gain));
            progress.stepDone("bus " + bus, 2 + diffs.size(), total);
        }
        return new Result(noise, d1, d2, diffs, readings.gapTreatment());
    }

    /**
     * Why two trees cannot be compared (different roots or buses), or null when they can.
     */
    public static String mismatch(RadialTree first, RadialTree second) {
        if (!first.root().equals(second.root())) {
            return "the trees have different roots: " + first.root() + " and " + second.root();
        }
        Set<String> a = new HashSet<>(first.topDown());
        Set<String> b = new HashSet<>(second.topDown());
        if (a.equals(b)) {
            return null;
        }
        Set<String> onlyFirst = new TreeSet<>(a);
        onlyFirst.removeAll(b);
        Set<String> onlySecond = new TreeSet<>(b);
        onlySecond.removeAll(a);
        return "the trees cover different buses: only in the first " + shortList(onlyFirst)
                + ", only in the second " + shortList(onlySecond);
    }

    private static String shortList(Set<String> buses) {
        if (buses.isEmpty()) {
            return "none";
        }
        List<String> l = new ArrayList<>(buses);
        return l.size() > 10 ? l.subList(0, 10) + " and " + (l.size() - 10) + " more" : l.toString();
    }
}

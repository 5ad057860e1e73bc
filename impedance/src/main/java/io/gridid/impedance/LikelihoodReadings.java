package io.gridid.impedance;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The readings every tree over one set of buses is weighed on by {@link TreeLikelihood}, gaps and
 * all, prepared once so that each tree answers for the same observations with the same inputs.
 *
 * <p><b>Missing voltages</b> are integrated out: the joint model is Gaussian, so the likelihood of
 * an interval's readings is that of the voltages read, whatever the unread buses' latent voltages
 * (the smoother's sums run over the buses read and the log-determinant uses each interval's own
 * readings). Every voltage read enters, in every interval with at least two of them.
 *
 * <p><b>Missing loads</b> (P or Q of a non-root bus) are filled once, from the P and Q readings
 * alone ({@link io.gridid.solvers.gaps.LoadImputation}: the bus's daily profile scaled to the
 * interval's present loads, the feeder head's flow sharing out what is missing), and their error is
 * integrated out: each filled load is taken as off by a standard normal multiple of 30 % of itself
 * ({@link FilledLoads}), an error that shifts the drop of every branch above it, one latent per
 * filled load in the joint model ({@link TreeSmoother}). The fill depends on the buses only, never
 * on how they are connected, and uses no voltage, so every tree explains the same voltage readings
 * from the same loads and the same error model: a deviance difference stays a likelihood ratio.
 * Stage 2's own fill ({@link ImpedanceResult#completedLoads()}) re-estimates the loads from the
 * voltages through one tree's impedances, which would let each tree explain readings it had helped
 * to shape; dropping the equations of the branches above a missing load instead would leave each
 * tree a different set of readings (those branches differ from tree to tree); and taking the fill
 * as exact favours a tree that hangs an unread bus with a filled load as a leaf, where its error
 * touches no reading (docs/decisions/008-likelihood-with-gaps.md).
 *
 * <p>Missing loss-term voltages (the branch equation's current term needs u at the receiving
 * end) are filled from correlated meters ({@link io.gridid.solvers.gaps.VoltageImputation}) the
 * same tree-independent way. O(N&middot;T) plus the fills' cost.
 */
public final class LikelihoodReadings {
    private final MeterData data;
    private final FilledReadings gaps;
    private final String root;
    private final Set<String> buses;
    private final long missingVoltages;
    private final long filledLoads;
    private final long readings;

    private LikelihoodReadings(MeterData data, FilledReadings gaps, String root, Set<String> buses,
                               long missingVoltages, long filledLoads, long readings) {
        this.data = data;
        this.gaps = gaps;
        this.root = root;
        this.buses = buses;
        this.missingVoltages = missingVoltages;
        this.filledLoads = filledLoads;
        this.readings = readings;
    }

    /**
     * The readings of {@code tree}'s buses (its root's P and Q are not used).
     *
     * @param data readings; not modified
     * @param tree gives the buses and the root; its edges are not used
     * @throws GrididException a bus without a meter
     */
    public static LikelihoodReadings of(MeterData data, RadialTree tree) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        Set<String> buses = new HashSet<>(tree.topDown());
        List<String> nonRoot = new ArrayList<>();
        // the data's meter order, not the tree's: the same fill for every tree over these buses
        for (String id : data.meterIds()) {
            if (buses.contains(id) && !id.equals(tree.root())) {
                nonRoot.add(id);
            }
        }
        for (String bus : tree.topDown()) {
            if (!data.hasMeter(bus)) {
                throw new GrididException("no meter for bus " + bus);
            }
        }
        long missingV = 0;
        long missingLoads = 0;
        long read = 0;
        int tCount = data.intervalCount();
        for (String bus : tree.topDown()) {
            int m = data.indexOf(bus);
            boolean load = !bus.equals(tree.root());
            for (int t = 0; t < tCount; t++) {
                if (Double.isFinite(data.vKv(m, t))) {
                    read++;
                } else {
                    missingV++;
                }
                if (load && (!Double.isFinite(data.pMw(m, t)) || !Double.isFinite(data.qMvar(m, t)))) {
                    missingLoads++;
                }
            }
        }
        if (missingV == 0 && missingLoads == 0) {
            return new LikelihoodReadings(data, null, tree.root(), Set.copyOf(buses), 0, 0, read);
        }
        FilledReadings gaps = FilledReadings.of(data, tree.root(), nonRoot);
        MeterData filled = missingLoads == 0 ? data : withLoads(data, gaps);
        return new LikelihoodReadings(filled, gaps, tree.root(), Set.copyOf(buses), missingV, missingLoads, read);
    }

    /** The readings with the missing loads filled (voltages as read, NaN where missing). */
    public MeterData data() {
        return data;
    }

    /** The root. */
    public String root() {
        return root;
    }

    /** Voltage readings of the buses, summed over the intervals. */
    public long voltageReadings() {
        return readings;
    }

    /** Bus-intervals without a voltage reading (integrated out). */
    public long missingVoltages() {
        return missingVoltages;
    }

    /** Bus-intervals of non-root buses whose P or Q was missing and is filled. */
    public long filledLoads() {
        return filledLoads;
    }

    /**
     * One line saying what was missing and how it entered, or "" without gaps: how many voltage
     * readings were missing (integrated out), how many loads were filled (from the loads' profiles
     * and the feeder head, the same for every tree), and that every interval with two or more
     * voltages was used.
     */
    public String gapTreatment() {
        if (missingVoltages == 0 && filledLoads == 0) {
            return "";
        }
        String v = missingVoltages + " of " + (readings + missingVoltages) + " voltage readings missing (integrated out)";
        String l = filledLoads + " loads (P or Q) missing, filled from the loads' profiles and the feeder head, the"
                + " same for every tree";
        return (missingVoltages > 0 && filledLoads > 0 ? v + " and " + l
                : missingVoltages > 0 ? v : l) + "; every interval with two or more voltages used";
    }

    /** Filled loss-term voltages and loads for the joint model, or null without gaps. */
    FilledReadings gaps() {
        return gaps;
    }

    /**
     * @throws GrididException when {@code tree} has another root or other buses than these readings
     */
    void requireCovers(RadialTree tree) throws GrididException {
        if (!tree.root().equals(root) || !buses.equals(new HashSet<>(tree.topDown()))) {
            throw new GrididException("the tree's buses or root differ from those the readings were prepared for");
        }
    }

    private static MeterData withLoads(MeterData data, FilledReadings gaps) {
        MeterData.Builder b = MeterData.builder(data.meterIds(), data.epochSeconds());
        for (int m = 0; m < data.meterCount(); m++) {
            for (int t = 0; t < data.intervalCount(); t++) {
                b.set(m, t, data.vKv(m, t), data.pMw(m, t), data.qMvar(m, t));
            }
        }
        for (java.util.Map.Entry<String, Integer> e : gaps.row().entrySet()) {
            int m = data.indexOf(e.getKey());
            double[] p = gaps.pMw()[e.getValue()];
            double[] q = gaps.qMvar()[e.getValue()];
            for (int t = 0; t < data.intervalCount(); t++) {
                if (!Double.isFinite(data.pMw(m, t))) {
                    b.setActiveMw(m, t, p[t]);
                }
                if (!Double.isFinite(data.qMvar(m, t))) {
                    b.setReactiveMvar(m, t, q[t]);
                }
            }
        }
        return b.build();
    }
}

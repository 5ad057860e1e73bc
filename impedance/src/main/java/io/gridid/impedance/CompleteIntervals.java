package io.gridid.impedance;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.Objects;

/**
 * The intervals a tree likelihood ({@link TreeLikelihood}) can use: those with every voltage of the
 * tree's buses and every P and Q below the root. Gaps in real data (a reading missing here and there)
 * drop their intervals; trees over the same buses are then compared on the same intervals, so their
 * likelihoods stay comparable. O(buses &times; intervals).
 */
public final class CompleteIntervals {
    private CompleteIntervals() {
    }

    /**
     * @param data    readings; not modified
     * @param tree    the buses to look at (its root's P and Q are not needed)
     * @param atLeast fewest complete intervals to accept
     * @return {@code data} itself when every interval is complete, else a copy of the complete intervals
     * @throws GrididException a bus without a meter, or fewer than {@code atLeast} complete intervals
     */
    public static MeterData of(MeterData data, RadialTree tree, int atLeast) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        int tCount = data.intervalCount();
        boolean[] keep = new boolean[tCount];
        java.util.Arrays.fill(keep, true);
        for (String bus : tree.topDown()) {
            int m = data.indexOf(bus);
            if (m < 0) {
                throw new GrididException("no meter for bus " + bus);
            }
            boolean load = !bus.equals(tree.root());
            for (int t = 0; t < tCount; t++) {
                keep[t] &= Double.isFinite(data.vKv(m, t))
                        && (!load || (Double.isFinite(data.pMw(m, t)) && Double.isFinite(data.qMvar(m, t))));
            }
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        if (kept == tCount) {
            return data;
        }
        if (kept < atLeast) {
            throw new GrididException("only " + kept + " of " + tCount + " intervals have every reading of the tree's"
                    + " buses (at least " + atLeast + " needed to weigh trees by likelihood)");
        }
        long[] epochs = new long[kept];
        int[] from = new int[kept];
        for (int t = 0, k = 0; t < tCount; t++) {
            if (keep[t]) {
                epochs[k] = data.epochSecond(t);
                from[k++] = t;
            }
        }
        MeterData.Builder b = MeterData.builder(data.meterIds(), epochs);
        for (int m = 0; m < data.meterCount(); m++) {
            for (int k = 0; k < kept; k++) {
                b.set(m, k, data.vKv(m, from[k]), data.pMw(m, from[k]), data.qMvar(m, from[k]));
            }
        }
        return b.build();
    }
}

package io.gridid.feeders;

import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Places shunt capacitor banks on a feeder, as utilities do to hold the voltage up: {@code count}
 * distinct non-root buses drawn by the seed, each bank rated 0.5&ndash;1.5 &times; the feeder's
 * total nominal reactive load divided by {@code count}, rounded to 50 kvar (the smallest common
 * bank step), at least 50 kvar. Downstream of such a bank the reactive flow into a subtree is
 * negative whenever the bank exceeds the subtree's own reactive load, and the voltage can rise
 * along a branch. Banks already on the feeder are kept; a drawn bus that has one gets a second
 * rating added.
 */
public final class CapacitorPlacement {
    /** The kvar step of bank ratings, in Mvar. */
    public static final double STEP_MVAR = 0.05;

    private CapacitorPlacement() {
    }

    /**
     * @param feeder the feeder (not modified)
     * @param count  banks to place, 0 &le; count &lt; buses
     * @param seed   random seed: the same feeder, count and seed give the same banks
     */
    public static Feeder place(Feeder feeder, int count, long seed) {
        List<String> candidates = new ArrayList<>(feeder.tree().topDown());
        candidates.remove(feeder.rootBus());
        if (count < 0 || count > candidates.size()) {
            throw new IllegalArgumentException("capacitor banks must number 0.." + candidates.size() + ", got " + count);
        }
        if (count == 0) {
            return feeder;
        }
        double totalMvar = 0;
        for (BusLoad l : feeder.loads().values()) {
            totalMvar += Math.max(0, l.qMvar());
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Double> banks = new LinkedHashMap<>(feeder.capacitorsMvar());
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(candidates.size() - i);
            String bus = candidates.get(j);
            candidates.set(j, candidates.get(i));
            candidates.set(i, bus);
            double rating = (0.5 + rnd.nextDouble()) * totalMvar / count;
            rating = Math.max(STEP_MVAR, Math.rint(rating / STEP_MVAR) * STEP_MVAR);
            banks.merge(bus, rating, Double::sum);
        }
        return feeder.withCapacitors(banks);
    }
}

package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Simulated feeders whose junctions carry no meter: the chosen buses draw nothing (no load, no
 * PV) and their columns are left out of the meter data, while the feeder (the truth) keeps them.
 * Only junctions are eligible: non-root buses with at least one child and no capacitor bank, so
 * that an unmetered bus injects nothing (a customer without a meter is a different case).
 */
public final class UnmeteredBuses {
    private UnmeteredBuses() {
    }

    /** Which junctions lose their meter. */
    public sealed interface Selection permits ZeroLoad, Share {
    }

    /** Every junction without a load in the feeder's own data (e.g. ieee37's unloaded junctions). */
    public record ZeroLoad() implements Selection {
    }

    /**
     * round(fraction &middot; (N &minus; 1)) buses (N buses, root included), drawn by the seed among
     * the eligible junctions; all of them when there are fewer.
     */
    public record Share(double fraction, long seed) implements Selection {
        public Share {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the unmetered share must be in [0, 1]: " + fraction);
            }
        }
    }

    /**
     * Parses the CLI's form: {@code zero-load} or a share in [0, 1].
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Selection parse(String text, long seed) {
        Objects.requireNonNull(text, "text");
        if (text.equalsIgnoreCase("zero-load")) {
            return new ZeroLoad();
        }
        double share;
        try {
            share = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--unmetered takes zero-load or a share in [0, 1], not " + text);
        }
        return new Share(share, seed);
    }

    /** The buses the selection unmeters, in the feeder's top-down order. */
    public static Set<String> choose(Feeder feeder, Selection selection) {
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(selection, "selection");
        RadialTree tree = feeder.tree();
        List<String> eligible = new ArrayList<>();
        for (String bus : tree.topDown()) {
            if (!bus.equals(tree.root()) && !tree.childrenOf(bus).isEmpty()
                    && feeder.capacitorMvarAt(bus) == 0) {
                eligible.add(bus);
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (selection instanceof ZeroLoad) {
            for (String bus : eligible) {
                if (!(feeder.loadAt(bus).pMw() > 0) && !(feeder.loadAt(bus).qMvar() != 0)) {
                    chosen.add(bus);
                }
            }
            return chosen;
        }
        Share share = (Share) selection;
        int want = Math.min(eligible.size(), (int) Math.round(share.fraction() * (tree.size() - 1)));
        String[] pool = eligible.toArray(new String[0]);
        SplittableRandom rnd = new SplittableRandom(share.seed() ^ 0x5DEECE66DL);
        for (int i = 0; i < want; i++) {
            int j = i + rnd.nextInt(pool.length - i);
            String tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        Set<String> picked = Set.of(java.util.Arrays.copyOf(pool, want));
        for (String bus : eligible) {
            if (picked.contains(bus)) {
                chosen.add(bus);
            }
        }
        return chosen;
    }

    /**
     * Simulates the feeder with the chosen buses drawing nothing, then drops their meters.
     *
     * @return the simulation: its feeder is the whole truth, its meter data (noisy and true)
     *         hold the metered buses only
     */
    public static SimulatedData simulate(Feeder feeder, SynthesisOptions options, Set<String> unmetered)
            throws GrididException {
        SimulatedData all = MeterDataSynthesizer.synthesize(feeder, options, unmetered);
        return new SimulatedData(feeder, without(all.meters(), unmetered), without(all.truthMeters(), unmetered),
                options);
    }

    /** The same readings without the given meters. */
    public static MeterData without(MeterData data, Set<String> drop) {
        List<String> keep = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int m = 0; m < data.meterCount(); m++) {
            if (!drop.contains(data.meterIds().get(m))) {
                keep.add(data.meterIds().get(m));
                cols.add(m);
            }
        }
        MeterData.Builder b = MeterData.builder(keep, data.epochSeconds());
        for (int i = 0; i < keep.size(); i++) {
            int m = cols.get(i);
            for (int t = 0; t < data.intervalCount(); t++) {
                b.set(i, t, data.vKv(m, t), data.pMw(m, t), data.qMvar(m, t));
            }
        }
        return b.build();
    }
}

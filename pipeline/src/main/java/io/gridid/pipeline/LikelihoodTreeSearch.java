package io.gridid.pipeline;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.JointNoiseModel;
import io.gridid.impedance.LikelihoodReadings;
import io.gridid.impedance.TreeLikelihood;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A tree improved by likelihood: starting from stage 1's tree, single-bus moves are scored by the
 * deviance of {@link TreeLikelihood} (the joint model of all branches, noise model estimated once
 * on the start tree and then held fixed, so every tree answers to the same function of the data)
 * and kept when they lower it by more than {@link LikelihoodSearchOptions#minGain()}.
 *
 * <p>Moves per bus j: hang j (with its subtree) on any bus within {@code radius} tree steps that
 * is not below it; insert j into the branch above such a bus; swap j with its parent (each
 * side's other children staying or following, in every combination for up to four of them). A round scores every bus's moves
 * against the round's tree, then applies the improving ones best first, each checked again on the
 * tree as it stands and skipped when it touches a bus an earlier move of the round moved.
 *
 * <p>Stage 1 ranks parents by the sum of its branch fits' squared residuals, every branch weighted
 * alike; the likelihood weighs each branch by its noise (both meters' voltage noise and the flow
 * errors of the loads below) and fits all branches together. Where the data decide (ieee69 with a
 * year of hourly readings at 1e-5 p.u.) it corrects the chain-end buses stage 1 hangs on their
 * grandparents (seed 1: 65 &rarr; 68 of 68 edges); where they barely do (1e-4 p.u.) the gain
 * threshold keeps most undecidable choices as stage 1 made them (+1 to +4 edges in 9 of 12
 * measured ieee69 cases, none in one, &minus;1 in two). Each score is a stage-2 sweep and joint solve (about
 * 0.07 s of CPU on ieee69 &times; 8760), some 330-450 per round there (20-33 s in all for a year of hourly
 * data on two cores; random:200 &times; 90 days took five minutes on a busy machine): a finishing
 * step for feeders of up to a few hundred buses, not a search from scratch.
 *
 * <p>Takes data with gaps as {@link TreeLikelihood} does (every candidate weighed on the same
 * {@link LikelihoodReadings}), and needs noisy voltages (exact ones leave
 * nothing but rounding to weigh trees by: {@link #EXACT_VOLTAGES}). Deterministic: the candidates
 * are scored independently and chosen in a fixed order, whatever the thread count.
 */
public final class LikelihoodTreeSearch {
    /**
     * Voltage noise (p.u.) below which the readings count as exact and the search does not run:
     * exact data leave rounding (ieee13 / ieee69: 2e-14 / 1e-15 p.u. estimated), where the deviance
     * weighs trees by rounding and model error (ieee69, 90 days, exact: 68 of 68 edges before the
     * search, 63 after); with 1e-7 p.u. of real noise it kept all 68.
     */
    static final double EXACT_VOLTAGES = 1e-9;
    /** Children of a swapped pair up to which every subset of them may follow (2^4 = 16 variants). */
    private static final int SWAP_SUBSETS_UP_TO = 4;
    /** Candidates scored between two progress reports (a few seconds' work on ieee69). */
    private static final int PROGRESS_BATCH = 64;

    private final TreeLikelihood likelihood;
    /** The same on one thread: the candidates themselves are scored concurrently. */
    private final TreeLikelihood sequential;
    private final LikelihoodSearchOptions search;

    /**
     * @param options stage-2 settings for the fits (always least squares, without a conductor
     *                library, as {@link TreeLikelihood})
     * @param search  the search's own settings
     */
    public LikelihoodTreeSearch(ImpedanceOptions options, LikelihoodSearchOptions search) {
        this.likelihood = new TreeLikelihood(options);
        this.sequential = new TreeLikelihood(options.withParallel(false));
        this.search = Objects.requireNonNull(search, "search");
    }

    /**
     * One kept move.
     *
     * @param parents  the buses whose parent changed, with their new parents
     * @param gain     the deviance fall it brought on the tree it was applied to (&gt; minGain)
     */
    public record Move(Map<String, String> parents, double gain) {
        public Move {
            parents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parents));
        }
    }

    /**
     * What the search did.
     *
     * @param tree            the improved tree (the start tree when nothing helped)
     * @param moves           the kept moves, in the order applied
     * @param startDeviance   deviance of the start tree
     * @param deviance        deviance of the returned tree (both under the start tree's noise model)
     * @param evaluations     trees scored
     * @param rounds          rounds run
     */
    public record Result(RadialTree tree, List<Move> moves, double startDeviance, double deviance, int evaluations,
                         int rounds) {
        public Result {
            moves = List.copyOf(moves);
        }

        /** Buses whose parent differs between the start tree and the returned one. */
        public Set<String> movedBuses(RadialTree start) {
            Set<String> out = new LinkedHashSet<>();
            for (String bus : tree.topDown()) {
                if (!bus.equals(tree.root()) && !tree.parentOf(bus).equals(start.parentOf(bus))) {
                    out.add(bus);
                }
            }
            return out;
        }
    }

    /** A tree and its deviance. */
    private record Scored(RadialTree tree, double deviance) {
    }

    /**
     * @param data  readings of every bus of {@code start} (gaps as {@link LikelihoodReadings} treats them)
     * @param start the tree to improve (e.g. stage 1's)
     * @throws GrididException on data stage 2 cannot use, or no measurable voltage noise
     */
    public Result improve(MeterData data, RadialTree start) throws GrididException {
        return improve(data, start, Progress.NONE);
    }

    /** Told how far a round has got (on the calling thread, between batches of candidates). */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (round, scored, candidates) -> { };

        /**
         * @param round      the round, from 1
         * @param scored     candidate trees of the round scored so far
         * @param candidates candidate trees of the round
         */
        void scored(int round, int scored, int candidates);
    }

    /** The same, telling {@code progress} as the candidates of each round are scored. */
    public Result improve(MeterData data, RadialTree start, Progress progress) throws GrididException {
        return improve(LikelihoodReadings.of(data, start), start, progress);
    }

    /** The same on readings prepared for {@code start}'s buses. */
    public Result improve(LikelihoodReadings data, RadialTree start, Progress progress) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(progress, "progress");
        JointNoiseModel noise = likelihood.noiseModel(data, start);
        double relativeNoise = relativeVoltageNoise(data.data(), start.root(), noise);
        if (relativeNoise < EXACT_VOLTAGES) {
            throw new GrididException(String.format(java.util.Locale.ROOT, "the voltages are exact to rounding"
                    + " (noise %.2g p.u.): the likelihood has no noise to weigh trees by", relativeNoise));
        }
        Scored current = new Scored(start, likelihood.deviance(data, start, noise).deviance());
        double startDeviance = current.deviance();
        List<Move> moves = new ArrayList<>();
        int evaluations = 1;
        int rounds = 0;
        while (rounds < search.maxRounds()) {
            rounds++;
            Scored base = current;
            List<RadialTree> candidates = candidates(base.tree());
            double[] deviance = new double[candidates.size()];
            for (int from = 0; from < candidates.size(); from += PROGRESS_BATCH) {
                int to = Math.min(candidates.size(), from + PROGRESS_BATCH);
                IntStream indices = IntStream.range(from, to);
                (search.parallel() ? indices.parallel() : indices).forEach(k ->
                        deviance[k] = score(noise, data, candidates.get(k)));
                progress.scored(rounds, to, candidates.size());
            }
            evaluations += candidates.size();
            Integer[] order = new Integer[candidates.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(deviance[a], deviance[b])); // stable: ties by index
            Set<String> touched = new HashSet<>();
            int kept = 0;
            for (int k : order) {
                if (!(deviance[k] < base.deviance() - search.minGain())) {
                    break;
                }
                Map<String, String> change = changedParents(base.tree(), candidates.get(k));
                if (touches(change, touched)) {
                    continue;
                }
                RadialTree moved = apply(current.tree(), change);
                if (moved == null) {
                    continue;
                }
                Scored next = new Scored(moved, score(noise, data, moved));
                evaluations++;
                double gain = current.deviance() - next.deviance();
                if (gain > search.minGain()) {
                    moves.add(new Move(change, gain));
                    touched.addAll(change.keySet());
                    touched.addAll(change.values());
                    current = next;
                    kept++;
                }
            }
            if (kept == 0) {
                break;
            }
        }
        return new Result(current.tree(), moves, startDeviance, current.deviance(), evaluations, rounds);
    }

    /**
     * The noise model's voltage noise in p.u. of the root's mean voltage: the squared-voltage noise
     * &sigma;_u over 2 u (u = |V|&sup2;, so &sigma;_u = 2 |V|&sup2; &sigma;_V).
     */
    private static double relativeVoltageNoise(MeterData data, String root, JointNoiseModel noise) {
        int m = data.indexOf(root);
        double sum = 0;
        int read = 0;
        for (int t = 0; t < data.intervalCount(); t++) {
            double v = data.vKv(m, t);
            if (Double.isFinite(v)) {
                sum += v * v;
                read++;
            }
        }
        double meanU = sum / read;
        return Math.sqrt(noise.voltageNoiseVariance()) / (2 * meanU);
    }

    /** Every move of every bus of {@code tree}, without repeats, in a fixed order. */
    List<RadialTree> candidates(RadialTree tree) {
        Set<RadialTree> out = new LinkedHashSet<>();
        String root = tree.root();
        for (String j : tree.topDown()) {
            if (j.equals(root)) {
                continue;
            }
            String p = tree.parentOf(j);
            if (!p.equals(root)) {
                swaps(tree, j, p, out);
            }
            for (String c : near(tree, j, search.radius())) {
                if (tree.isInSubtree(c, j)) {
                    continue;
                }
                if (!c.equals(p)) {
                    Map<String, String> parents = new LinkedHashMap<>(tree.parents());
                    parents.put(j, c);
                    out.add(new RadialTree(root, parents));
                }
                if (!c.equals(root) && !c.equals(p)) {
                    String above = tree.parentOf(c);
                    if (!tree.isInSubtree(above, j)) { // j into the branch above c
                        Map<String, String> parents = new LinkedHashMap<>(tree.parents());
                        parents.put(j, above);
                        parents.put(c, j);
                        out.add(new RadialTree(root, parents));
                    }
                }
            }
        }
        out.remove(tree);
        return new ArrayList<>(out);
    }

    /**
     * j takes its parent p's place and p hangs below j; each of j's children and each of p's other
     * children stays or follows to the other bus: every subset when they are at most
     * {@link #SWAP_SUBSETS_UP_TO} together, else all or none on each side. (ieee69 at 1e-5: the
     * trunk buses 3 and 28 swapped back with one of 3's three children moving along.)
     */
    private static void swaps(RadialTree tree, String j, String p, Set<RadialTree> out) {
        String g = tree.parentOf(p);
        List<String> jKids = tree.childrenOf(j);
        List<String> pKids = new ArrayList<>(tree.childrenOf(p));
        pKids.remove(j);
        boolean subsets = jKids.size() + pKids.size() <= SWAP_SUBSETS_UP_TO;
        int jChoices = subsets ? 1 << jKids.size() : jKids.isEmpty() ? 1 : 2;
        int pChoices = subsets ? 1 << pKids.size() : pKids.isEmpty() ? 1 : 2;
        for (int jc = 0; jc < jChoices; jc++) {
            for (int pc = 0; pc < pChoices; pc++) {
                Map<String, String> parents = new LinkedHashMap<>(tree.parents());
                parents.put(j, g);
                parents.put(p, j);
                for (int k = 0; k < jKids.size(); k++) {
                    if (follows(jc, k, subsets)) {
                        parents.put(jKids.get(k), p);
                    }
                }
                for (int k = 0; k < pKids.size(); k++) {
                    if (follows(pc, k, subsets)) {
                        parents.put(pKids.get(k), j);
                    }
                }
                out.add(new RadialTree(tree.root(), parents));
            }
        }
    }

    /** Whether child k follows under choice {@code choice}: bit k of a subset, or all when choice 1 of all-or-none. */
    private static boolean follows(int choice, int k, boolean subsets) {
        return subsets ? (choice >> k & 1) != 0 : choice == 1;
    }

    /** Buses within {@code radius} tree steps of j (j excluded), nearest first, in tree order. */
    private static List<String> near(RadialTree tree, String j, int radius) {
        Map<String, Integer> dist = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        dist.put(j, 0);
        queue.add(j);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            int d = dist.get(v);
            if (d == radius) {
                continue;
            }
            List<String> next = new ArrayList<>();
            if (!v.equals(tree.root())) {
                next.add(tree.parentOf(v));
            }
            next.addAll(tree.childrenOf(v));
            for (String w : next) {
                if (!dist.containsKey(w)) {
                    dist.put(w, d + 1);
                    queue.add(w);
                }
            }
        }
        dist.remove(j);
        return new ArrayList<>(dist.keySet());
    }

    private static Map<String, String> changedParents(RadialTree from, RadialTree to) {
        Map<String, String> change = new LinkedHashMap<>();
        for (String bus : to.topDown()) {
            if (!bus.equals(to.root()) && !to.parentOf(bus).equals(from.parentOf(bus))) {
                change.put(bus, to.parentOf(bus));
            }
        }
        return change;
    }

    private static boolean touches(Map<String, String> change, Set<String> touched) {
        for (Map.Entry<String, String> e : change.entrySet()) {
            if (touched.contains(e.getKey()) || touched.contains(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** {@code tree} with the parents of {@code change}, or null when that is no longer a tree. */
    private static RadialTree apply(RadialTree tree, Map<String, String> change) {
        Map<String, String> parents = new LinkedHashMap<>(tree.parents());
        parents.putAll(change);
        try {
            return new RadialTree(tree.root(), parents);
        } catch (IllegalArgumentException cycle) {
            return null;
        }
    }

    /**
     * A candidate's deviance ({@link TreeLikelihood#deviance}: linearised around its own sweep
     * fits, so a moved bus's losses are those of its new branch); infinite for a tree stage 2
     * cannot fit (never kept).
     */
    private double score(JointNoiseModel noise, LikelihoodReadings data, RadialTree tree) {
        try {
            return sequential.deviance(data, tree, noise).deviance();
        } catch (GrididException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}

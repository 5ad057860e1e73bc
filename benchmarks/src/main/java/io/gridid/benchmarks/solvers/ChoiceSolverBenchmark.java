package io.gridid.benchmarks.solvers;

import io.gridid.solvers.milp.ChoiceOption;
import io.gridid.solvers.milp.ChoiceProblem;
import io.gridid.solvers.milp.ChoiceSolution;
import io.gridid.solvers.milp.ChoiceSolver;
import io.gridid.solvers.milp.ChoiceSolverOptions;
import io.gridid.solvers.milp.ItemLink;
import io.gridid.solvers.milp.KindPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Timing main (not a test): the conductor-choice MILP at feeder size, N branches in a random
 * tree, each with 5 of 8 conductor types (always including the smallest, so a choice exists), at most 3 distinct types, and "no larger
 * conductor below a smaller one" (kind index = size rank) across every parent&ndash;child link.
 * Prints the first solve (includes loading the OR-Tools natives) and the median of the rest.
 * {@code java -cp <benchmarks classpath> io.gridid.benchmarks.solvers.ChoiceSolverBenchmark [REPEATS]}
 * (default 11; the classpath as in benchmarks/README.md).
 */
public final class ChoiceSolverBenchmark {
    private ChoiceSolverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        ChoiceSolver solver = new ChoiceSolver(ChoiceSolverOptions.defaults());
        System.out.println("branches  first_ms  median_ms  status    solver  cost");
        boolean first = true;
        for (int branches : new int[] {69, 200, 1000}) {
            double[] ms = new double[repeats];
            ChoiceSolution last = null;
            double firstMs = Double.NaN;
            for (int i = 0; i < repeats; i++) {
                ChoiceProblem problem = instance(branches, 100 + i);
                long t0 = System.nanoTime();
                last = solver.solve(problem);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (i == 0) {
                    firstMs = ms[i];
                }
            }
            double[] rest = Arrays.copyOfRange(ms, 1, repeats);
            Arrays.sort(rest);
            System.out.printf(Locale.ROOT, "%-9d %-9.1f %-10.2f %-9s %-7s %.3f%s%n", branches, firstMs,
                    rest[rest.length / 2], last.status(), last.solver(), last.totalCost(),
                    first ? "  (first includes native load)" : "");
            first = false;
        }
    }

    static ChoiceProblem instance(int branches, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int types = 8;
        List<List<ChoiceOption>> items = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            List<Integer> kinds = new ArrayList<>();
            for (int k = 0; k < types; k++) {
                kinds.add(k);
            }
            List<ChoiceOption> options = new ArrayList<>();
            kinds.remove(Integer.valueOf(0));
            options.add(new ChoiceOption(0, 0.5 + rnd.nextDouble())); // smallest type: always feasible
            for (int o = 1; o < 5; o++) {
                options.add(new ChoiceOption(kinds.remove(rnd.nextInt(kinds.size())), rnd.nextDouble()));
            }
            items.add(options);
        }
        List<ItemLink> links = new ArrayList<>();
        for (int i = 1; i < branches; i++) {
            links.add(new ItemLink(rnd.nextInt(Math.max(0, i - 5), i), i));
        }
        Set<KindPair> forbidden = new HashSet<>();
        for (int p = 0; p < types; p++) {
            for (int c = p + 1; c < types; c++) {
                forbidden.add(new KindPair(p, c)); // child larger than parent
            }
        }
        return ChoiceProblem.of(items).withMaxDistinctKinds(3).withLinks(links).withForbiddenPairs(forbidden);
    }
}

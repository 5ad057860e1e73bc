package io.gridid.solvers.milp;

import io.gridid.model.GrididException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every instance is checked against brute-force enumeration of all assignments. */
class ChoiceSolverTest {
    /** Costs are sums of at most 7 numbers below 100: round-off far below 1e-9. */
    private static final double COST_TOLERANCE = 1e-9;
    private static final ChoiceSolver SOLVER = new ChoiceSolver(ChoiceSolverOptions.defaults());

    @Test
    void handMadeInstanceWithAKindLimit() throws GrididException {
        // item 0 prefers kind 0 (1.0) over kind 1 (1.5); item 1 prefers kind 1 (1.0) over kind 0 (3.0);
        // item 2 prefers kind 2 (0.5) over kind 1 (0.7).
        List<List<ChoiceOption>> items = List.of(
                List.of(new ChoiceOption(0, 1.0), new ChoiceOption(1, 1.5)),
                List.of(new ChoiceOption(1, 1.0), new ChoiceOption(0, 3.0)),
                List.of(new ChoiceOption(2, 0.5), new ChoiceOption(1, 0.7)));
        ChoiceSolution free = SOLVER.solve(ChoiceProblem.of(items));
        assertEquals(List.of(0, 0, 0), free.chosen());
        assertEquals(2.5, free.totalCost(), COST_TOLERANCE);
        assertEquals("argmin", free.solver());
        // one kind only: kind 1 everywhere = 1.5 + 1.0 + 0.7 = 3.2 (kind 0 impossible for item 2)
        ChoiceSolution one = SOLVER.solve(ChoiceProblem.of(items).withMaxDistinctKinds(1));
        assertEquals(ChoiceStatus.OPTIMAL, one.status());
        assertEquals(List.of(1, 0, 1), one.chosen());
        assertEquals(3.2, one.totalCost(), COST_TOLERANCE);
        // two kinds: {1, 2}: 1.5 + 1.0 + 0.5 = 3.0; {0, 1}: 1.0 + 1.0 + 0.7 = 2.7 -> best
        ChoiceSolution two = SOLVER.solve(ChoiceProblem.of(items).withMaxDistinctKinds(2));
        assertEquals(List.of(0, 0, 1), two.chosen());
        assertEquals(2.7, two.totalCost(), COST_TOLERANCE);
    }

    @Test
    void handMadeInstanceWithAForbiddenPair() throws GrididException {
        // chain 0 -> 1: a kind-0 parent may not feed a kind-1 child ("no larger conductor below")
        List<List<ChoiceOption>> items = List.of(
                List.of(new ChoiceOption(0, 1.0), new ChoiceOption(1, 1.4)),
                List.of(new ChoiceOption(1, 1.0), new ChoiceOption(0, 1.2)));
        ChoiceProblem problem = ChoiceProblem.of(items).withLinks(List.of(new ItemLink(0, 1)))
                .withForbiddenPairs(Set.of(new KindPair(0, 1)));
        // (0,1)=2.0 forbidden; (0,0)=2.2; (1,1)=2.4; (1,0)=2.6
        ChoiceSolution s = SOLVER.solve(problem);
        assertEquals(List.of(0, 1), s.chosen());
        assertEquals(2.2, s.totalCost(), COST_TOLERANCE);
    }

    @Test
    void infeasiblePriorsAreReportedNotThrown() throws GrididException {
        List<List<ChoiceOption>> items = List.of(List.of(new ChoiceOption(0, 1)), List.of(new ChoiceOption(1, 1)));
        ChoiceSolution s = SOLVER.solve(ChoiceProblem.of(items).withMaxDistinctKinds(1));
        assertEquals(ChoiceStatus.INFEASIBLE, s.status());
        assertTrue(!s.feasible() && s.chosen().isEmpty());
    }

    @Test
    void randomInstancesMatchBruteForce() throws GrididException {
        SplittableRandom rnd = new SplittableRandom(7);
        int checked = 0;
        for (int instance = 0; instance < 40; instance++) {
            int nItems = 2 + rnd.nextInt(6);           // 2..7 items
            int nKinds = 2 + rnd.nextInt(3);           // 2..4 kinds
            List<List<ChoiceOption>> items = new ArrayList<>();
            for (int i = 0; i < nItems; i++) {
                List<ChoiceOption> options = new ArrayList<>();
                int nOptions = 1 + rnd.nextInt(3);     // 1..3 options, distinct kinds
                List<Integer> kinds = new ArrayList<>();
                for (int k = 0; k < nKinds; k++) {
                    kinds.add(k);
                }
                for (int o = 0; o < Math.min(nOptions, nKinds); o++) {
                    int kind = kinds.remove(rnd.nextInt(kinds.size()));
                    options.add(new ChoiceOption(kind, Math.round(rnd.nextDouble() * 10000) / 100.0));
                }
                items.add(options);
            }
            List<ItemLink> links = new ArrayList<>();
            for (int i = 1; i < nItems; i++) {
                links.add(new ItemLink(rnd.nextInt(i), i)); // a random tree over the items
            }
            Set<KindPair> forbidden = new HashSet<>();
            for (int p = 0; p < nKinds; p++) {
                for (int c = 0; c < nKinds; c++) {
                    if (rnd.nextDouble() < 0.3) {
                        forbidden.add(new KindPair(p, c));
                    }
                }
            }
            int maxKinds = rnd.nextInt(nKinds + 1); // 0 = no limit
            for (ChoiceProblem problem : List.of(
                    ChoiceProblem.of(items).withMaxDistinctKinds(maxKinds),
                    ChoiceProblem.of(items).withLinks(links).withForbiddenPairs(forbidden),
                    ChoiceProblem.of(items).withMaxDistinctKinds(maxKinds).withLinks(links).withForbiddenPairs(forbidden))) {
                double best = bruteForce(problem);
                ChoiceSolution s = SOLVER.solve(problem);
                if (Double.isInfinite(best)) {
                    assertEquals(ChoiceStatus.INFEASIBLE, s.status(), () -> "instance " + problem);
                } else {
                    assertEquals(ChoiceStatus.OPTIMAL, s.status());
                    assertEquals(best, s.totalCost(), COST_TOLERANCE, () -> "instance " + problem);
                    assertTrue(feasible(problem, s.chosen()), "solution violates a prior");
                    checked++;
                }
            }
        }
        assertTrue(checked > 60, "too few feasible instances to be a test: " + checked);
    }

    /** Minimum total cost over every assignment that respects the priors (+inf when none does). */
    private static double bruteForce(ChoiceProblem problem) {
        int n = problem.size();
        int[] pick = new int[n];
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            List<Integer> chosen = new ArrayList<>();
            double cost = 0;
            for (int i = 0; i < n; i++) {
                chosen.add(pick[i]);
                cost += problem.items().get(i).get(pick[i]).cost();
            }
            if (cost < best && feasible(problem, chosen)) {
                best = cost;
            }
            int i = 0;
            while (i < n && ++pick[i] == problem.items().get(i).size()) {
                pick[i] = 0;
                i++;
            }
            if (i == n) {
                return best;
            }
        }
    }

    private static boolean feasible(ChoiceProblem problem, List<Integer> chosen) {
        Set<Integer> kinds = new HashSet<>();
        for (int i = 0; i < problem.size(); i++) {
            kinds.add(problem.items().get(i).get(chosen.get(i)).kind());
        }
        if (problem.maxDistinctKinds() > 0 && kinds.size() > problem.maxDistinctKinds()) {
            return false;
        }
        for (ItemLink link : problem.links()) {
            int pk = problem.items().get(link.parent()).get(chosen.get(link.parent())).kind();
            int ck = problem.items().get(link.child()).get(chosen.get(link.child())).kind();
            if (problem.forbiddenPairs().contains(new KindPair(pk, ck))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ChoiceProblem.of(List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> ChoiceProblem.of(List.of(List.of(new ChoiceOption(0, 1))))
                .withLinks(List.of(new ItemLink(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> new ChoiceOption(0, Double.NaN));
    }
}

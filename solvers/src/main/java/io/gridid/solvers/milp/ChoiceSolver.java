package io.gridid.solvers.milp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.gridid.model.GrididException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Solves a {@link ChoiceProblem} exactly as a 0/1 MILP with OR-Tools' MPSolver (SCIP, falling back to
 * CBC; both ship in the ortools-java 9.15 Linux x86-64 jar).
 *
 * <p>Formulation: a binary x_io per item i and option o with sum_o x_io = 1; when the kind limit K
 * binds, a binary z_k per kind with sum_{o of kind k} x_io &le; z_k for every item and sum_k z_k &le; K;
 * for every link (p, c) and parent kind kp with forbidden child kinds F(kp), one clique row
 * sum_{o of p with kind kp} x_po + sum_{o of c with kind in F(kp)} x_co &le; 1 (equivalent to one row per
 * pair, and a tighter LP relaxation: on 69 branches x 5 options with a monotone-size prior the
 * per-pair rows took ~0.8 s in SCIP). Objective: minimise sum cost_io x_io.
 *
 * <p>When no prior binds, the cheapest option per item is optimal and is returned without a MILP
 * (solver "argmin"), so the native libraries are loaded only when a MILP is really solved.
 * Instances are immutable; each solve builds and frees its own native model.
 */
public final class ChoiceSolver {
    private static final String[] BACKENDS = {"SCIP", "CBC"};

    private final ChoiceSolverOptions options;

    public ChoiceSolver(ChoiceSolverOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @throws GrididException when the MILP backend is unavailable or fails (abnormal termination,
     *                         or the time limit reached without any feasible choice)
     */
    public ChoiceSolution solve(ChoiceProblem problem) throws GrididException {
        Objects.requireNonNull(problem, "problem");
        if (problem.unconstrained()) {
            return cheapestPerItem(problem);
        }
        OrToolsNatives.ensureLoaded();
        MPSolver solver = null;
        String backend = null;
        for (String name : BACKENDS) {
            solver = MPSolver.createSolver(name);
            if (solver != null) {
                backend = name;
                break;
            }
        }
        if (solver == null) {
            throw new GrididException("no OR-Tools MILP backend available (tried SCIP, CBC)");
        }
        try {
            return solveWith(solver, backend, problem);
        } finally {
            solver.delete();
        }
    }

    private ChoiceSolution solveWith(MPSolver solver, String backend, ChoiceProblem problem) throws GrididException {
        List<List<ChoiceOption>> items = problem.items();
        List<MPVariable[]> x = new ArrayList<>(items.size());
        MPObjective objective = solver.objective();
        for (int i = 0; i < items.size(); i++) {
            List<ChoiceOption> options = items.get(i);
            MPVariable[] vars = new MPVariable[options.size()];
            MPConstraint one = solver.makeConstraint(1, 1, "one_" + i);
            for (int o = 0; o < vars.length; o++) {
                vars[o] = solver.makeBoolVar("x_" + i + "_" + o);
                one.setCoefficient(vars[o], 1);
                objective.setCoefficient(vars[o], options.get(o).cost());
            }
            x.add(vars);
        }
        objective.setMinimization();
        int limit = problem.maxDistinctKinds();
        if (limit > 0 && limit < problem.kinds().size()) {
            Map<Integer, MPVariable> used = new HashMap<>();
            MPConstraint count = solver.makeConstraint(0, limit, "max_kinds");
            for (int kind : problem.kinds()) {
                MPVariable z = solver.makeBoolVar("z_" + kind);
                used.put(kind, z);
                count.setCoefficient(z, 1);
            }
            for (int i = 0; i < items.size(); i++) {
                Map<Integer, MPConstraint> perKind = new HashMap<>();
                List<ChoiceOption> options = items.get(i);
                for (int o = 0; o < options.size(); o++) {
                    int kind = options.get(o).kind();
                    MPConstraint c = perKind.computeIfAbsent(kind, k -> {
                        MPConstraint made = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                        made.setCoefficient(used.get(k), -1);
                        return made;
                    });
                    c.setCoefficient(x.get(i)[o], 1);
                }
            }
        }
        Map<Integer, Set<Integer>> forbiddenBelow = new TreeMap<>();
        for (KindPair pair : problem.forbiddenPairs()) {
            forbiddenBelow.computeIfAbsent(pair.parentKind(), k -> new TreeSet<>()).add(pair.childKind());
        }
        for (ItemLink link : problem.links()) {
            List<ChoiceOption> parent = items.get(link.parent());
            List<ChoiceOption> child = items.get(link.child());
            for (Map.Entry<Integer, Set<Integer>> entry : forbiddenBelow.entrySet()) {
                // parent takes kind kp => child takes none of the kinds forbidden below kp; as one
                // clique row: x(parent, kp) + sum x(child, forbidden kinds) <= 1
                List<MPVariable> row = new ArrayList<>();
                for (int o = 0; o < parent.size(); o++) {
                    if (parent.get(o).kind() == entry.getKey()) {
                        row.add(x.get(link.parent())[o]);
                    }
                }
                int parentCount = row.size();
                for (int o = 0; o < child.size(); o++) {
                    if (entry.getValue().contains(child.get(o).kind())) {
                        row.add(x.get(link.child())[o]);
                    }
                }
                if (parentCount > 0 && row.size() > parentCount) {
                    MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1);
                    for (MPVariable v : row) {
                        c.setCoefficient(v, 1);
                    }
                }
            }
        }
        solver.setTimeLimit(Math.max(1L, Math.round(options.timeLimitSeconds() * 1000)));
        MPSolver.ResultStatus status = solver.solve();
        switch (status) {
            case INFEASIBLE:
                return new ChoiceSolution(ChoiceStatus.INFEASIBLE, List.of(), Double.NaN, backend);
            case OPTIMAL:
            case FEASIBLE:
                break;
            default:
                throw new GrididException("conductor choice MILP (" + backend + ") ended " + status);
        }
        List<Integer> chosen = new ArrayList<>(items.size());
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            MPVariable[] vars = x.get(i);
            int best = 0;
            for (int o = 1; o < vars.length; o++) {
                if (vars[o].solutionValue() > vars[best].solutionValue()) {
                    best = o;
                }
            }
            chosen.add(best);
            total += items.get(i).get(best).cost();
        }
        ChoiceStatus outcome = status == MPSolver.ResultStatus.OPTIMAL ? ChoiceStatus.OPTIMAL : ChoiceStatus.FEASIBLE;
        return new ChoiceSolution(outcome, chosen, total, backend);
    }

    private static ChoiceSolution cheapestPerItem(ChoiceProblem problem) {
        List<Integer> chosen = new ArrayList<>(problem.size());
        double total = 0;
        for (List<ChoiceOption> options : problem.items()) {
            int best = 0;
            for (int o = 1; o < options.size(); o++) {
                if (options.get(o).cost() < options.get(best).cost()) {
                    best = o;
                }
            }
            chosen.add(best);
            total += options.get(best).cost();
        }
        return new ChoiceSolution(ChoiceStatus.OPTIMAL, chosen, total, "argmin");
    }
}

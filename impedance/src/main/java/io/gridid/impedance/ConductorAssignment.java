package io.gridid.impedance;

import io.gridid.model.ConductorType;
import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.FitNorm;
import io.gridid.solvers.milp.ChoiceOption;
import io.gridid.solvers.milp.ChoiceProblem;
import io.gridid.solvers.milp.ChoiceSolution;
import io.gridid.solvers.milp.ChoiceSolver;
import io.gridid.solvers.milp.ChoiceSolverOptions;
import io.gridid.solvers.milp.ChoiceStatus;
import io.gridid.solvers.milp.ItemLink;
import io.gridid.solvers.milp.KindPair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The joint choice of one conductor type per branch: each branch offers its best-fitting types
 * (cost = that type's length-fit objective, or, when every candidate carries one, its
 * {@link TypeFit#cost()} in &chi;&sup2; units: &minus;2 log of its posterior weight, least squares with
 * {@link TypeTreePrior}), and an OR-Tools MILP ({@link ChoiceProblem}) picks
 * one per branch minimising the total, honouring "at most K distinct types" and "tapered" (a
 * child's type never has a larger ampacity than its feeding branch's type).
 *
 * <p>A branch that no type fits well (see {@link ImpedanceOptions#fallbackResidualRatio()}) does
 * not enter the choice: it keeps its unconstrained fit and is marked. Under "tapered" a branch is
 * linked to its nearest ancestor branch that does enter (a transformer between two lines does
 * not break the rule for the lines around it).
 *
 * <p>If the priors cannot be met with the pruned candidate lists, the choice is repeated with
 * every type as a candidate for every branch, and a branch that gets a type that does not fit
 * it is marked as forced.
 */
final class ConductorAssignment {
    /** Costs are objectives in parts per million of the feeder's total signal, so the MILP sees O(1..1e6) numbers. */
    private static final double COST_SCALE = 1e6;

    /** Outcome for one branch: the chosen type's fit, or null (fallback); and a note. */
    record Choice(TypeFit type, String note) {
    }

    private final ImpedanceOptions options;

    ConductorAssignment(ImpedanceOptions options) {
        this.options = options;
    }

    /**
     * @param swept    the sweep's branches, keyed by child bus
     * @param tree     the topology
     * @param warnings receives feeder-level remarks (modified)
     * @return choice per child bus
     */
    Map<String, Choice> choose(Map<String, SweptBranch> swept, RadialTree tree, List<Warning> warnings)
            throws GrididException {
        List<ConductorType> lib = options.conductors();
        Map<String, Choice> out = new HashMap<>();
        List<String> items = new ArrayList<>();
        for (String bus : tree.topDown()) {
            if (bus.equals(tree.root())) {
                continue;
            }
            SweptBranch b = swept.get(bus);
            if (b.typeFits().get(0).fitsWell()) {
                items.add(bus);
            } else {
                TypeFit best = b.typeFits().get(0);
                double ratio = best.fit().rmsResidual() / b.fit().rmsResidual();
                out.put(bus, new Choice(null, String.format(java.util.Locale.ROOT,
                        "no conductor type fits (best %s leaves %.3g x the unconstrained rms residual): "
                                + "unconstrained fit kept (transformer or regulator?)",
                        lib.get(best.typeIndex()).name(), ratio)));
            }
        }
        if (items.isEmpty()) {
            return out;
        }
        double scale = 0;
        for (String bus : items) {
            SweptBranch b = swept.get(bus);
            scale += options.norm() == FitNorm.LS ? b.usable() * b.signalRms() * b.signalRms()
                    : b.usable() * b.signalRms();
        }
        ChoiceSolution sol = solve(items, swept, tree, scale, true);
        boolean widened = false;
        if (sol == null) {
            sol = solve(items, swept, tree, scale, false);
            widened = true;
            if (sol == null) {
                warnings.add(Warning.of(WarningCode.CONDUCTOR_PRIORS_INFEASIBLE, "the conductor priors (max types "
                        + options.maxTypes() + ", tapered " + options.tapered()
                        + ") cannot be met: unconstrained fits kept for every branch"));
                for (String bus : items) {
                    out.put(bus, new Choice(null, "conductor priors infeasible: unconstrained fit kept"));
                }
                return out;
            }
            warnings.add(Warning.of(WarningCode.CONDUCTOR_PRIORS_FORCED, "the conductor priors (max types "
                    + options.maxTypes() + ", tapered " + options.tapered() + ") needed types that fit some branches poorly; those"
                    + " branches are marked 'forced'"));
        }
        for (int k = 0; k < items.size(); k++) {
            String bus = items.get(k);
            TypeFit chosen = candidates(swept.get(bus), !widened).get(sol.optionOf(k));
            String note = "";
            if (!chosen.fitsWell()) {
                note = "conductor type forced by the priors although it fits poorly";
            }
            out.put(bus, new Choice(chosen, note));
        }
        return out;
    }

    private List<TypeFit> candidates(SweptBranch b, boolean pruned) {
        if (!pruned) {
            return b.typeFits();
        }
        List<TypeFit> c = new ArrayList<>();
        for (TypeFit tf : b.typeFits()) {
            if (tf.fitsWell() && c.size() < options.candidatesPerBranch()) {
                c.add(tf);
            }
        }
        return c;
    }

    /** @return the solution, or null when infeasible */
    private ChoiceSolution solve(List<String> items, Map<String, SweptBranch> swept, RadialTree tree,
                                 double scale, boolean pruned) throws GrididException {
        List<List<ChoiceOption>> itemOptions = new ArrayList<>(items.size());
        Map<String, Integer> itemOf = new HashMap<>();
        boolean chi2Costs = true;
        for (String bus : items) {
            for (TypeFit tf : candidates(swept.get(bus), pruned)) {
                chi2Costs &= Double.isFinite(tf.cost());
            }
        }
        for (String bus : items) {
            List<TypeFit> cands = candidates(swept.get(bus), pruned);
            List<ChoiceOption> opts = new ArrayList<>(cands.size());
            for (TypeFit tf : cands) {
                opts.add(new ChoiceOption(tf.typeIndex(), chi2Costs ? tf.cost()
                        : tf.fit().objective() / scale * COST_SCALE));
            }
            itemOf.put(bus, itemOptions.size());
            itemOptions.add(opts);
        }
        ChoiceProblem problem = ChoiceProblem.of(itemOptions);
        if (options.tapered()) {
            List<ItemLink> links = new ArrayList<>();
            for (String bus : items) {
                String anc = tree.parentOf(bus);
                while (!anc.equals(tree.root()) && !itemOf.containsKey(anc)) {
                    anc = tree.parentOf(anc);
                }
                if (itemOf.containsKey(anc)) {
                    links.add(new ItemLink(itemOf.get(anc), itemOf.get(bus)));
                }
            }
            List<ConductorType> lib = options.conductors();
            Set<KindPair> forbidden = new HashSet<>();
            for (int pk = 0; pk < lib.size(); pk++) {
                for (int ck = 0; ck < lib.size(); ck++) {
                    if (lib.get(ck).ampacityAmps() > lib.get(pk).ampacityAmps()) {
                        forbidden.add(new KindPair(pk, ck));
                    }
                }
            }
            problem = problem.withLinks(links).withForbiddenPairs(forbidden);
        }
        if (options.maxTypes() > 0) {
            problem = problem.withMaxDistinctKinds(options.maxTypes());
        }
        ChoiceSolution sol = new ChoiceSolver(ChoiceSolverOptions.defaults()).solve(problem);
        return sol.status() == ChoiceStatus.INFEASIBLE ? null : sol;
    }
}

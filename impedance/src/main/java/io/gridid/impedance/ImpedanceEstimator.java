package io.gridid.impedance;

import io.gridid.model.ConductorType;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.MeterInformation;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.FitNorm;
import io.gridid.solvers.fit.LengthFit;
import io.gridid.solvers.fit.Median;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Stage 2 of gridid: the series impedance r + jx (ohm per phase) of every branch of a known
 * radial topology, from aligned meter readings (|V| kV line-to-line, P MW, Q Mvar at every bus).
 *
 * <p>Method (see the design notes, "Stage 2"): a bottom-up sweep fits each branch i&rarr;j to the
 * exact branch equation u_i = u_j + 2(rP'_j + xQ'_j) + (r&sup2; + x&sup2;)(P'_j&sup2; + Q'_j&sup2;)/u_j
 * by a convexly relaxed LAD or LS fit, with P'_j, Q'_j its subtree's loads plus the losses of the
 * branches below. With a conductor library every branch is also fitted as a length of each type,
 * and a small MILP chooses one type per branch jointly under the optional priors; with LS each
 * type's cost is &minus;2 ln of its posterior probability given the neighbours' types and the feeder's
 * type frequencies ({@link TypeTreePrior}), and the reported errors include what the data leave open
 * about the type ({@link TypeAmbiguity}) and, after the joint refinement, how far the feeder's
 * conductors sit from the library's rays ({@link LibraryMismatch}).
 *
 * <p><b>When is a type "not fitting"?</b> A type fits a branch when its length fit's rms residual
 * is at most {@code fallbackResidualRatio} (default 1.5) times the unconstrained fit's, plus
 * {@code residualFloor} (default 1e-4) times the rms of the branch's voltage-drop signal. The
 * true type costs one degree of freedom, so its residual ratio is 1 + O(1/T) under noise and
 * both residuals are at rounding level without noise (hence the floor: a relative misfit of
 * 0.01 % is far below meter resolution). A transformer forced onto a line type misses by a sizeable
 * share of its voltage drop whenever the power factor varies enough to separate r from x.
 * If the load power factor is nearly constant the data cannot tell the x/r ratio and every
 * type fits: that case is visible as large standard errors (see below), not as a fallback.
 *
 * <p><b>Missing readings.</b> A branch's fit leaves out the intervals where the voltage at either
 * end is missing. Missing loads in its subtree are estimated ({@link FilledReadings}), then
 * re-estimated from the recorded voltages given the fitted impedances
 * ({@link LoadStateEstimation}) in rounds alternating with the sweep; a fit uses intervals with an
 * estimate in its subtree only when fewer than 50 have none. The result carries the estimated
 * loads ({@link ImpedanceResult#completedLoads()}).
 *
 * <p><b>Bad data.</b> LS fits drop intervals whose residual exceeds
 * {@code badDataSigmas} (default 5) robust standard deviations and refit (see
 * {@link BadDataRejection}); the count is in the branch's note. LAD is robust by itself.
 *
 * <p><b>Joint refinement</b> ({@link ImpedanceOptions#jointRefinement()}, LS only): after the sweep
 * all branches are refitted together on the latent-root-voltage model, so every voltage meter
 * informs every branch on its path ({@link JointRefinement}); with a library the types are then
 * judged from the joint estimates and their covariance ({@link JointTypeFits}) and the typed
 * branches' lengths refitted jointly. The reported unconstrained (r, x), standard errors (where
 * the dense solver formed them), rms residuals (of each branch's own equation at the joint values)
 * and intervals used are the joint ones. It runs where it was measured to help: complete loads
 * (with loads estimated for missing readings it is skipped, with a warning: their errors, shared
 * by neighbouring branches, are not in its noise model) and up to 200 branches (above, its
 * iterative solver costs seconds to minutes; skipped with a warning).
 *
 * <p><b>Uncertainty.</b> The standard errors come from the fitter (residual variance times the
 * inverse normal matrix at the solution). A branch whose r or x has a relative standard error
 * above {@code weakRelativeStdErr} (default 20 %) gets a warning: the data do not pin it down
 * (typically short branches carrying little current, or nearly constant power factors for x).
 *
 * <p>Thread-safe: instances hold only their options. Deterministic: the same input and options
 * give the same result, sequential or parallel.
 */
public final class ImpedanceEstimator {
    /**
     * Feeder-head check: warn when the root meter's P and the sum of the metered loads plus the
     * estimated losses differ by more than 2 % (median over intervals). Meter P noise of 0.5 %
     * gives a median mismatch of about 0.35 % (the root's own error dominates), so 2 % is a
     * physical discrepancy, not noise.
     */
    static final double HEAD_MISMATCH_WARNING = 0.02;

    private final ImpedanceOptions options;

    public ImpedanceEstimator(ImpedanceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ImpedanceOptions options() {
        return options;
    }

    /**
     * Estimates every branch of {@code tree}.
     *
     * @param data meter readings with a meter for every bus of the tree (the root's P and Q are
     *             not used and may be missing); not modified
     * @param tree the radial topology, rooted at the feeder head; not modified
     * @return estimates top-down, and warnings
     * @throws GrididException a bus without meter, or a branch with fewer complete intervals than
     *                         {@link ImpedanceOptions#minIntervals()}
     */
    public ImpedanceResult estimate(MeterData data, RadialTree tree) throws GrididException {
        return estimate(data, tree, SweepProgress.NONE);
    }

    /**
     * As {@link #estimate(MeterData, RadialTree)}, reporting progress after each tree level.
     *
     * @param progress called on this thread; not null
     */
    public ImpedanceResult estimate(MeterData data, RadialTree tree, SweepProgress progress) throws GrididException {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        if (tree.size() < 2) {
            throw new GrididException("the topology has no branch (only the root " + tree.root() + ")");
        }
        if (data.hasMeter(tree.root())) {
            MeterInformation.require(data, tree.root());
        }
        Swept run = sweep(data, tree, progress);
        BottomUpSweep.Outcome sweep = run.outcome();
        Map<String, SweptBranch> swept = sweep.branches();
        List<Warning> warnings = new ArrayList<>();
        double head = sweep.headFlowMismatch();
        if (head > HEAD_MISMATCH_WARNING) {
            warnings.add(Warning.of(WarningCode.HEAD_POWER_MISMATCH, String.format(Locale.ROOT,
                    "the feeder-head active power differs from the metered loads plus "
                    + "estimated losses by %.1f %% (median over intervals): unmetered load, a meter scaling error or "
                    + "a wrong topology?", 100 * head)));
        }
        boolean joint = options.jointRefinement() && options.norm() == FitNorm.LS;
        JointRefinementReport report = JointRefinementReport.notRun(JointRefinementReport.Status.NOT_REQUESTED);
        if (joint && hasEstimatedLoads(run.filled())) {
            joint = false;
            report = JointRefinementReport.notRun(JointRefinementReport.Status.SKIPPED_ESTIMATED_LOADS);
            warnings.add(Warning.of(WarningCode.JOINT_SKIPPED_ESTIMATED_LOADS, "joint refinement skipped: loads were"
                    + " estimated for missing readings, and their errors (shared by neighbouring branches) are not in"
                    + " its noise model; the sweep's fits stand"));
        } else if (joint && tree.size() - 1 > JOINT_MAX_BRANCHES) {
            joint = false;
            report = JointRefinementReport.notRun(JointRefinementReport.Status.SKIPPED_LARGE_TREE);
            warnings.add(Warning.of(WarningCode.JOINT_SKIPPED_LARGE_TREE, "joint refinement skipped: "
                    + (tree.size() - 1) + " branches, above "
                    + JOINT_MAX_BRANCHES + " its iterative solver costs seconds to minutes"
                    + " (measured: +14.6 s on 999 branches); the sweep's fits stand"));
        }
        Map<String, JointRefinement.Branch> free = Map.of();
        Map<String, JointRefinement.Branch> typed = Map.of();
        JointRefinement refinement = new JointRefinement(options);
        Map<String, SweptBranch> forTypes = swept;
        if (joint) {
            Map<String, JointRefinement.Start> starts = new HashMap<>();
            for (SweptBranch b : swept.values()) {
                starts.put(b.toBus(), JointRefinement.Start.free(b.fit().rOhm(), b.fit().xOhm()));
            }
            JointRefinement.Outcome pass = refinement.refine(data, tree, run.filled(), starts);
            free = pass.branches();
            joint = !free.isEmpty(); // empty: voltage noise negligible, the sweep's fits stand
            report = new JointRefinementReport(joint ? JointRefinementReport.Status.POOLED
                    : JointRefinementReport.Status.NOTHING_TO_POOL, pass.report(), null);
        }
        if (joint) {
            if (options.usesLibrary()) {
                // types judged from the joint estimates and their covariance where it was formed
                Map<String, SweptBranch> judged = new HashMap<>();
                for (SweptBranch b : swept.values()) {
                    SweptBranch j = JointTypeFits.of(b, free.get(b.toBus()), options.conductors(),
                            options.residualFloor());
                    judged.put(b.toBus(), j != null ? j : b);
                }
                // types judged with the neighbours': the feeder's own runs and frequencies (empirical Bayes)
                forTypes = TypeTreePrior.apply(judged, tree, options.conductors().size());
            }
        } else if (options.usesLibrary() && options.norm() == FitNorm.LS) {
            // the same on the sweep's own fits: costs = length-fit objectives over the free fit's
            // residual variance (chi-square units for least squares; not for LAD, whose choice is unchanged)
            forTypes = TypeTreePrior.apply(swept, tree, options.conductors().size());
        }
        Map<String, ConductorAssignment.Choice> choices = options.usesLibrary()
                ? new ConductorAssignment(options).choose(forTypes, tree, warnings)
                : Map.of();
        if (joint) {
            if (!choices.isEmpty()) {
                // the library's lengths inside the joint model: types as chosen, lengths refitted jointly
                Map<String, JointRefinement.Start> typedStarts = new HashMap<>();
                for (Map.Entry<String, JointRefinement.Branch> e : free.entrySet()) {
                    ConductorAssignment.Choice c = choices.get(e.getKey());
                    if (c != null && c.type() != null) {
                        ConductorType type = options.conductors().get(c.type().typeIndex());
                        double len = c.type().fit().lengthKm();
                        typedStarts.put(e.getKey(), new JointRefinement.Start(len * type.rOhmPerKm(),
                                len * type.xOhmPerKm(), type, len));
                    } else {
                        typedStarts.put(e.getKey(), JointRefinement.Start.free(e.getValue().rOhm(), e.getValue().xOhm()));
                    }
                }
                JointRefinement.Outcome pass = refinement.refine(data, tree, run.filled(), typedStarts);
                typed = pass.branches();
                report = report.withLengths(pass.report());
            }
        }
        // how far the feeder's conductors sit from the chosen library rays (0 when the library holds them)
        double mismatch = joint && !typed.isEmpty()
                ? LibraryMismatch.relative(free, choices, options.conductors(), options.weakRelativeStdErr()) : 0;
        List<BranchEstimate> out = new ArrayList<>(tree.size() - 1);
        for (String bus : tree.topDown()) {
            if (bus.equals(tree.root())) {
                continue;
            }
            SweptBranch b = swept.get(bus);
            BranchEstimate e = estimateOf(b, choices.get(bus), free.get(bus), typed.get(bus), forTypes.get(bus),
                    mismatch);
            out.add(e);
            if (!e.note().isEmpty() && e.conductor() == null && options.usesLibrary()) {
                String id = Warning.branch(e.fromBus(), e.toBus());
                warnings.add(Warning.of(WarningCode.NO_CONDUCTOR_TYPE, "branch " + id + ": " + e.note(), id));
            }
            Warning weak = WeakBranchWarning.of(unconstrained(b.fit(), free.get(bus)), Warning.branch(e.fromBus(), e.toBus()),
                    options.weakRelativeStdErr());
            if (weak != null) {
                warnings.add(weak);
            }
        }
        if (run.filled() != null && run.rounds() >= 0) {
            warnings.add(Warning.of(WarningCode.LOADS_ESTIMATED, String.format(Locale.ROOT,
                    "missing loads estimated from the recorded voltages given the"
                    + " fitted impedances (%d round(s) of state estimation and refit)", run.rounds())));
        } else if (run.filled() != null) {
            warnings.add(Warning.of(WarningCode.LOAD_ESTIMATE_BUDGET, "too many missing loads for the state estimate's"
                    + " work budget: flows use the profile-based estimates only, so impedances near the root may be"
                    + " off by several per cent"));
        }
        boolean loadsEstimated = run.filled() != null && java.util.Arrays.stream(run.filled().estimated())
                .anyMatch(java.util.Objects::nonNull);
        return new ImpedanceResult(out, warnings, loadsEstimated ? completed(data, run.filled()) : null, report);
    }

    /**
     * The joint model's misfit of a tree: stage 2 is run on {@code tree} with these options, then
     * every interval's squared voltages are compared with the root-voltage-plus-drops model at the
     * estimated impedances (flows from the branch equation, each interval centred over its buses
     * with a reading, every meter weighted alike). A wrong topology cannot explain the voltages
     * as well as the right one, so two candidate trees over the same buses can be compared by
     * {@link JointResidual#sumOfSquares()} (same readings, so the counts agree).
     *
     * @throws GrididException as {@link #estimate(MeterData, RadialTree)}
     */
    public JointResidual jointResidual(MeterData data, RadialTree tree) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        if (tree.size() < 2) {
            throw new GrididException("the topology has no branch (only the root " + tree.root() + ")");
        }
        ImpedanceResult result = estimate(data, tree);
        Map<String, double[]> z = new HashMap<>();
        for (BranchEstimate e : result.branches()) {
            z.put(e.toBus(), new double[]{e.rOhm(), e.xOhm()});
        }
        FilledReadings filled = anyGap(data, tree) ? completedReadings(data, tree, result) : null;
        JointMisfit m = new JointRefinement(options).misfitOf(data, tree, filled, z);
        return new JointResidual(m.sumOfSquares(), m.readings(), m.intervals());
    }

    /** The filled readings with the result's completed loads where the meters missed them. */
    private static FilledReadings completedReadings(MeterData data, RadialTree tree, ImpedanceResult result) {
        return FilledReadings.of(result.completedLoads() != null ? result.completedLoads() : data, tree);
    }

    /** Most refinement rounds with gaps (each: a state estimate of the missing loads, then a sweep). */
    static final int MAX_GAP_ROUNDS = 30;
    /**
     * Largest feeder refined jointly by default: up to it the free refinement's two unknowns per
     * branch stay within {@link NormalEquationsSolver#DENSE_MAX_UNKNOWNS}, so it is solved densely
     * with standard errors; beyond it only the iterative solver applies, which cost more than the
     * rest of stage 2 where measured (docs/decisions/002).
     */
    static final int JOINT_MAX_BRANCHES = 200;
    /**
     * Work budget of one state-estimation round, in {@link LoadStateEstimation#work} units (about
     * floating-point operations): 1e10 is a few seconds here. ieee69 with 20 % of rows missing
     * over 180 days needs 3e8; a 1000-bus feeder with 10 % missing over a year would need 3e11.
     */
    static final double MAX_STATE_ESTIMATION_WORK = 1e10;
    /**
     * Refinement stops when no branch's r or x moves by more than this, relative to |z|, or by
     * more than {@link #STDERR_SHARE} of its standard error (noisy data: the rounds then stop
     * after one or two instead of chasing the noise).
     */
    static final double GAP_ROUND_TOLERANCE = 1e-4;
    /** Share of a branch's standard error below which a round's change counts as settled. */
    static final double STDERR_SHARE = 0.1;
    /** The scale of a change of a branch fitted at r = x = 0 (else a division by zero), ohm: far below any conductor's. */
    static final double MIN_CHANGE_SCALE_OHM = 1e-12;

    private static double finiteOr0(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /**
     * The sweep; with missing readings, alternated with {@link LoadStateEstimation} until the
     * impedances settle: a branch's flow needs every load of its subtree, and the loads the meters
     * missed are best judged from the voltages they did record, given the impedances.
     */
    private Swept sweep(MeterData data, RadialTree tree, SweepProgress progress) throws GrididException {
        BottomUpSweep sweeper = new BottomUpSweep(options);
        if (!anyGap(data, tree)) {
            return new Swept(sweeper.run(data, tree, progress), null, 0);
        }
        FilledReadings prior = FilledReadings.of(data, tree);
        FilledReadings filled = prior;
        BottomUpSweep.Outcome out = sweeper.run(data, tree, filled, progress);
        if (LoadStateEstimation.work(prior, tree.size()) > MAX_STATE_ESTIMATION_WORK) {
            return new Swept(out, filled, -1);
        }
        int rounds = 0;
        for (int round = 0; round < MAX_GAP_ROUNDS; round++) {
            rounds++;
            // from the first estimates each round (no drift across rounds), two Gauss-Newton steps
            double headSigma = Median.MAD_TO_SIGMA * out.headFlowMismatch();
            filled = LoadStateEstimation.refine(data, tree, prior, prior, out.branches(), headSigma);
            filled = LoadStateEstimation.refine(data, tree, filled, prior, out.branches(), headSigma);
            BottomUpSweep.Outcome next = sweeper.run(data, tree, filled, SweepProgress.NONE);
            boolean settled = true;
            for (Map.Entry<String, SweptBranch> e : next.branches().entrySet()) {
                BranchFit a = e.getValue().fit();
                BranchFit b = out.branches().get(e.getKey()).fit();
                double z = Math.max(Math.hypot(a.rOhm(), a.xOhm()), MIN_CHANGE_SCALE_OHM);
                double change = Math.max(Math.abs(a.rOhm() - b.rOhm()), Math.abs(a.xOhm() - b.xOhm())) / z;
                // moves well inside the branch's own standard error are noise, not progress
                double noise = STDERR_SHARE * Math.max(finiteOr0(a.rStdErr()), finiteOr0(a.xStdErr())) / z;
                settled &= change < Math.max(GAP_ROUND_TOLERANCE, noise);
            }
            out = next;
            if (settled) {
                break;
            }
        }
        return new Swept(out, filled, rounds);
    }

    /** True when the sweep ran on loads estimated for missing P or Q readings. */
    private static boolean hasEstimatedLoads(FilledReadings filled) {
        if (filled == null || filled.estimated() == null) {
            return false;
        }
        for (boolean[] row : filled.estimated()) {
            if (row != null) {
                for (boolean e : row) {
                    if (e) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A sweep's outcome, with the filled readings it ended on (null without gaps) and its rounds
     * of state estimation (-1: skipped for the work budget).
     */
    private record Swept(BottomUpSweep.Outcome outcome, FilledReadings filled, int rounds) {
    }

    /** Whether a voltage of a bus of the tree, or a load (P or Q) of a non-root bus, is missing anywhere. */
    private static boolean anyGap(MeterData data, RadialTree tree) {
        if (data.missingCount() == 0) {
            return false;
        }
        for (String bus : tree.topDown()) {
            int m = data.indexOf(bus);
            for (int t = 0; t < data.intervalCount(); t++) {
                if (!Double.isFinite(data.vKv(m, t))
                        || (!bus.equals(tree.root()) && (!Double.isFinite(data.pMw(m, t)) || !Double.isFinite(data.qMvar(m, t))))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The readings with the estimated loads put where the meters missed them. */
    private static MeterData completed(MeterData data, FilledReadings filled) {
        MeterData.Builder b = MeterData.builder(data.meterIds(), data.epochSeconds());
        for (int m = 0; m < data.meterCount(); m++) {
            for (int t = 0; t < data.intervalCount(); t++) {
                b.set(m, t, data.vKv(m, t), data.pMw(m, t), data.qMvar(m, t));
            }
        }
        for (Map.Entry<String, Integer> e : filled.row().entrySet()) {
            int m = data.indexOf(e.getKey());
            boolean[] est = filled.estimated()[e.getValue()];
            if (est == null) {
                continue;
            }
            for (int t = 0; t < data.intervalCount(); t++) {
                if (est[t]) {
                    if (!Double.isFinite(data.pMw(m, t))) {
                        b.setActiveMw(m, t, filled.pMw()[e.getValue()][t]);
                    }
                    if (!Double.isFinite(data.qMvar(m, t))) {
                        b.setReactiveMvar(m, t, filled.qMvar()[e.getValue()][t]);
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * The unconstrained (r, x) reported: the joint refinement's when it ran, else the sweep's fit.
     * Standard errors: the joint model's when formed (dense solver), else the sweep's pairwise ones,
     * which are larger (the pairwise fit uses two meters per branch, the joint model all of them).
     */
    private static BranchFit unconstrained(BranchFit f, JointRefinement.Branch j) {
        if (j == null) {
            return f;
        }
        double rSe = Double.isNaN(j.rStdErr()) ? f.rStdErr() : j.rStdErr();
        double xSe = Double.isNaN(j.xStdErr()) ? f.xStdErr() : j.xStdErr();
        return new BranchFit(j.rOhm(), j.xOhm(), f.w(), f.relaxationGap(), f.polished(), f.objective(),
                j.rmsResidual(), rSe, xSe, f.cuts(), j.intervalsUsed());
    }

    /**
     * @param judged the branch as the type choice saw it (its type fits carry posterior costs on the
     *               joint path, see {@link TypeTreePrior}), for the type-ambiguity part of the errors
     * @param mismatch the feeder's relative library mismatch ({@link LibraryMismatch}), added to a
     *                 jointly refitted library branch's errors as that share of its r and x
     */
    private BranchEstimate estimateOf(SweptBranch b, ConductorAssignment.Choice choice, JointRefinement.Branch free,
                                      JointRefinement.Branch typed, SweptBranch judged, double mismatch) {
        BranchFit f = unconstrained(b.fit(), free);
        List<String> notes = new ArrayList<>();
        if (f.polished()) {
            notes.add(String.format(Locale.ROOT, "relaxation not exact (gap %.3g ohm^2): projected and polished",
                    f.relaxationGap()));
        }
        if (b.rejected() > 0) {
            notes.add(b.rejected() + " intervals rejected as bad data");
        }
        if (choice != null && !choice.note().isEmpty()) {
            notes.add(choice.note());
        }
        String note = String.join("; ", notes);
        if (choice == null || choice.type() == null) {
            return new BranchEstimate(b.fromBus(), b.toBus(), f.rOhm(), f.xOhm(), f.rStdErr(), f.xStdErr(),
                    f.relaxationGap(), f.polished(), null, Double.NaN, f.rOhm(), f.xOhm(), f.rmsResidual(),
                    f.intervalsUsed(), note);
        }
        ConductorType type = options.conductors().get(choice.type().typeIndex());
        LengthFit lf = choice.type().fit();
        double[] spread = TypeAmbiguity.spread(judged, choice.type(), options.conductors());
        if (typed != null) {
            double lenSe = Double.isNaN(typed.lengthStdErr()) ? lf.lengthStdErr() : typed.lengthStdErr();
            double rSe = Math.hypot(Math.hypot(lenSe * type.rOhmPerKm(), spread[0]), mismatch * typed.rOhm());
            double xSe = Math.hypot(Math.hypot(lenSe * type.xOhmPerKm(), spread[1]), mismatch * typed.xOhm());
            return new BranchEstimate(b.fromBus(), b.toBus(), typed.rOhm(), typed.xOhm(), rSe, xSe,
                    f.relaxationGap(), f.polished(), type.name(), typed.lengthKm(),
                    f.rOhm(), f.xOhm(), typed.rmsResidual(), typed.intervalsUsed(), note);
        }
        return new BranchEstimate(b.fromBus(), b.toBus(), lf.lengthKm() * type.rOhmPerKm(),
                lf.lengthKm() * type.xOhmPerKm(), Math.hypot(lf.lengthStdErr() * type.rOhmPerKm(), spread[0]),
                Math.hypot(lf.lengthStdErr() * type.xOhmPerKm(), spread[1]), f.relaxationGap(), f.polished(),
                type.name(), lf.lengthKm(), f.rOhm(), f.xOhm(), lf.rmsResidual(), lf.intervalsUsed(), note);
    }
}

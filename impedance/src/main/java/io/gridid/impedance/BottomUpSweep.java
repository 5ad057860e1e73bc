package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.ConductorType;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.VoltageResolution;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.BranchFitData;
import io.gridid.solvers.fit.BranchFitOptions;
import io.gridid.solvers.fit.BranchFitter;
import io.gridid.solvers.fit.FitNorm;
import io.gridid.solvers.fit.LengthFit;
import io.gridid.solvers.gaps.LoadImputation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The bottom-up sweep of stage 2: leaves first, each branch i&rarr;j is fitted on the flows its
 * subtree draws (the loads metered in the subtree plus the losses of the branches below, those
 * computed with {@link BranchEquation} from impedances already estimated), then passes its
 * sending-end flows up to its parent.
 *
 * <p>Missing readings: an interval with a missing voltage at i or j is left out of branch
 * i&rarr;j's fit (a voltage is never estimated for a fit's target). A missing load is estimated
 * ({@link LoadImputation}; never zero-filled) so the flows above it can be formed; a branch uses
 * intervals with an estimated load in its subtree only when fewer than
 * {@link LoadImputation#MIN_CLEAN_INTERVALS} intervals have none. Loss terms use estimated
 * voltages where measured ones are missing ({@link VoltageImputation}).
 *
 * <p>A branch depends only on the branches below it; with {@code parallel} each branch is fitted
 * on a worker thread as soon as all its children's branches are (not a whole tree level at a
 * time: deep, narrow feeders have levels of one to five branches, and the wait for each level's
 * slowest branch made the parallel sweep no faster than the sequential one on ieee69). Each
 * branch's arithmetic is the same in both modes (children are summed in the tree's fixed order),
 * so the results are bit-identical, and so are the progress reports (after each level, counting
 * that level and the deeper ones) and the error reported (the deepest failing branch's, the first
 * of its level).
 *
 * <p>Memory: O(N&middot;T) doubles at worst (one pair of sending-flow columns per branch whose
 * parent is not done yet). Time: one relaxed fit per branch, plus one length fit per branch and
 * library type.
 */
final class BottomUpSweep {
    private final BranchFitOptions fitOptions;
    private final List<ConductorType> library;
    private final ImpedanceOptions options;

    BottomUpSweep(ImpedanceOptions options) {
        this.options = options;
        BranchFitOptions d = BranchFitOptions.defaults();
        this.fitOptions = new BranchFitOptions(options.norm(), d.coneTolerance(), d.maxCuts(), d.polish());
        this.library = options.conductors();
    }

    /**
     * Sending-end flow columns of a fitted branch, MW and Mvar, per interval, and where they hold
     * an estimated load (null: nowhere).
     */
    private record SendingFlows(double[] pMw, double[] qMvar, boolean[] estimated) {
    }

    private record Step(SweptBranch branch, SendingFlows flows) {
    }

    /**
     * Runs the sweep.
     *
     * @param progress told after each level
     * @throws GrididException a bus of the tree has no meter, or a branch has too few complete intervals
     */
    Outcome run(MeterData data, RadialTree tree, SweepProgress progress) throws GrididException {
        return run(data, tree, null, progress);
    }

    /**
     * Runs the sweep on data with gaps filled by {@code gaps} (null: the data have none).
     */
    Outcome run(MeterData data, RadialTree tree, FilledReadings gaps, SweepProgress progress) throws GrididException {
        for (String bus : tree.topDown()) {
            if (!data.hasMeter(bus)) {
                throw new GrididException("bus " + bus + " of the topology has no meter readings"
                        + " (stage 2 needs |V|, P and Q at every bus, |V| at the root)");
            }
        }
        List<List<String>> levels = new ArrayList<>();
        for (String bus : tree.topDown()) {
            int d = tree.depthOf(bus);
            while (levels.size() <= d) {
                levels.add(new ArrayList<>());
            }
            levels.get(d).add(bus);
        }
        Map<String, SendingFlows> pending = new HashMap<>();
        Map<String, SweptBranch> out = new HashMap<>();
        double[] rounding = VoltageResolution.squaredVoltageRoundingVariance(data);
        ExecutorService pool = options.parallel() && Runtime.getRuntime().availableProcessors() > 1
                ? Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads())
                : null;
        if (pool != null) {
            try {
                runAsReady(data, gaps, rounding, tree, levels, pending, out, pool, progress);
                return new Outcome(out, headMismatch(data, tree, pending));
            } finally {
                pool.shutdownNow();
            }
        }
        for (int d = levels.size() - 1; d >= 1; d--) {
            List<String> level = levels.get(d);
            List<Step> steps = new ArrayList<>(level.size());
            for (String bus : level) {
                steps.add(step(data, gaps, rounding, tree, bus, pending));
            }
            for (String bus : level) {
                for (String c : tree.childrenOf(bus)) {
                    pending.remove(c);
                }
            }
            for (int k = 0; k < level.size(); k++) {
                pending.put(level.get(k), steps.get(k).flows());
                out.put(level.get(k), steps.get(k).branch());
            }
            progress.branchesFitted(out.size(), tree.size() - 1);
        }
        return new Outcome(out, headMismatch(data, tree, pending));
    }

    /** A branch's fit from a worker: its step, or what it threw. */
    private record Done(String bus, Step step, Throwable error) {
    }

    /**
     * The parallel sweep: each branch is handed to the pool once its children's branches are
     * fitted (their sending flows given to it in a map of its own); the bookkeeping and the
     * progress reports stay on this thread. On failures the branches that can still be fitted
     * are, and the deepest failure, the first in its level's order, is thrown: the one the
     * level-by-level sweep meets first.
     */
    private void runAsReady(MeterData data, FilledReadings gaps, double[] rounding, RadialTree tree, List<List<String>> levels,
                            Map<String, SendingFlows> pending, Map<String, SweptBranch> out, ExecutorService pool,
                            SweepProgress progress) throws GrididException {
        BlockingQueue<Done> done = new LinkedBlockingQueue<>();
        Map<String, Integer> waiting = new HashMap<>();
        int[] fitted = new int[levels.size()];
        int[] below = new int[levels.size() + 1]; // branches at this depth or deeper
        for (int d = levels.size() - 1; d >= 1; d--) {
            below[d] = below[d + 1] + levels.get(d).size();
        }
        int running = 0;
        for (int d = levels.size() - 1; d >= 1; d--) {
            for (String bus : levels.get(d)) {
                int children = tree.childrenOf(bus).size();
                if (children == 0) {
                    submit(pool, done, data, gaps, rounding, tree, bus, pending);
                    running++;
                } else {
                    waiting.put(bus, children);
                }
            }
        }
        List<Done> failures = new ArrayList<>();
        int reported = levels.size() - 1; // the deepest level not reported yet
        while (running > 0) {
            Done d;
            try {
                d = done.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GrididException("interrupted while fitting branches", e);
            }
            running--;
            if (d.error() != null) {
                failures.add(d); // its parent never becomes ready
                continue;
            }
            String bus = d.bus();
            for (String c : tree.childrenOf(bus)) {
                pending.remove(c);
            }
            pending.put(bus, d.step().flows());
            out.put(bus, d.step().branch());
            fitted[tree.depthOf(bus)]++;
            while (reported >= 1 && fittedBelow(fitted, reported) == below[reported]) {
                progress.branchesFitted(below[reported], tree.size() - 1);
                reported--;
            }
            String parent = tree.parentOf(bus);
            if (!parent.equals(tree.root())) {
                int left = waiting.merge(parent, -1, Integer::sum);
                if (left == 0) {
                    submit(pool, done, data, gaps, rounding, tree, parent, pending);
                    running++;
                }
            }
        }
        if (!failures.isEmpty()) {
            throw firstOf(failures, levels, tree);
        }
    }

    private static int fittedBelow(int[] fitted, int depth) {
        int sum = 0;
        for (int d = depth; d < fitted.length; d++) {
            sum += fitted[d];
        }
        return sum;
    }

    private void submit(ExecutorService pool, BlockingQueue<Done> done, MeterData data, FilledReadings gaps,
                        double[] rounding, RadialTree tree, String bus, Map<String, SendingFlows> pending) {
        Map<String, SendingFlows> children = new HashMap<>();
        for (String c : tree.childrenOf(bus)) {
            children.put(c, pending.get(c));
        }
        pool.execute(() -> {
            try {
                done.add(new Done(bus, step(data, gaps, rounding, tree, bus, children), null));
            } catch (Throwable e) {
                done.add(new Done(bus, null, e));
            }
        });
    }

    /** The failure the level-by-level sweep meets first: the deepest, the first in its level. */
    private static GrididException firstOf(List<Done> failures, List<List<String>> levels, RadialTree tree) {
        Done first = null;
        for (Done f : failures) {
            if (first == null || before(f.bus(), first.bus(), levels, tree)) {
                first = f;
            }
        }
        Throwable c = first.error();
        if (c instanceof GrididException g) {
            return g;
        }
        if (c instanceof RuntimeException re) {
            throw re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(c);
    }

    private static boolean before(String a, String b, List<List<String>> levels, RadialTree tree) {
        int da = tree.depthOf(a);
        int db = tree.depthOf(b);
        if (da != db) {
            return da > db;
        }
        List<String> level = levels.get(da);
        return level.indexOf(a) < level.indexOf(b);
    }

    /**
     * What a sweep found.
     *
     * @param branches         one entry per non-root bus (keyed by it, the branch's child end)
     * @param headFlowMismatch median over intervals of |P_head &minus; &Sigma; P_sent| / |P_head|: the
     *                         root meter's active power against the sum of the sending-end flows of
     *                         the root's branches (loads plus estimated losses); NaN when the root
     *                         has no P readings. A large value means load the meters do not see,
     *                         or a wrong topology.
     */
    record Outcome(Map<String, SweptBranch> branches, double headFlowMismatch) {
    }

    private static double headMismatch(MeterData data, RadialTree tree, Map<String, SendingFlows> rootChildren) {
        int m0 = data.indexOf(tree.root());
        int n = data.intervalCount();
        double[] rel = new double[n];
        int k = 0;
        for (int t = 0; t < n; t++) {
            double head = data.pMw(m0, t);
            double sent = 0;
            for (String c : tree.childrenOf(tree.root())) {
                sent += rootChildren.get(c).pMw()[t];
            }
            double r = Math.abs(head - sent) / Math.abs(head);
            if (Double.isFinite(r)) {
                rel[k++] = r;
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        double[] v = java.util.Arrays.copyOf(rel, k);
        java.util.Arrays.sort(v);
        return k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "gridid-impedance-fit");
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Fits the branch feeding {@code bus}. Takes over its children's sending-flow columns (only
     * the parent ever reads them): the first child's become this branch's receiving flows and
     * then its sending flows, written in place, so a chain of branches shares one pair of
     * columns instead of allocating four per branch.
     * With gaps (non-null {@code gaps}): loads are the filled ones, the interval is left out
     * where V at either end is missing, and also where the subtree holds an estimate (a load, or
     * a loss computed with an estimated voltage) when at least
     * {@link LoadImputation#MIN_CLEAN_INTERVALS} intervals hold none.
     */
    private Step step(MeterData data, FilledReadings gaps, double[] rounding, RadialTree tree, String bus,
                      Map<String, SendingFlows> pending)
            throws GrididException {
        String parent = tree.parentOf(bus);
        int mj = data.indexOf(bus);
        int mi = data.indexOf(parent);
        int n = data.intervalCount();
        int row = gaps == null ? -1 : gaps.row().get(bus);
        List<String> children = tree.childrenOf(bus);
        double[] pRecv;
        double[] qRecv;
        if (children.isEmpty()) {
            pRecv = gaps == null ? data.activeMw(mj) : gaps.pMw()[row].clone();
            qRecv = gaps == null ? data.reactiveMvar(mj) : gaps.qMvar()[row].clone();
        } else {
            // the load plus the first child's sending flow (the sum as if the load came first)
            SendingFlows first = pending.get(children.get(0));
            pRecv = first.pMw();
            qRecv = first.qMvar();
            for (int t = 0; t < n; t++) {
                pRecv[t] = (gaps == null ? data.pMw(mj, t) : gaps.pMw()[row][t]) + pRecv[t];
                qRecv[t] = (gaps == null ? data.qMvar(mj, t) : gaps.qMvar()[row][t]) + qRecv[t];
            }
        }
        boolean[] estimated = null;
        if (gaps != null) {
            if (gaps.estimated()[row] != null) {
                estimated = gaps.estimated()[row].clone();
            }
            // a missing voltage here makes this branch's loss, and so every flow above, an estimate too
            for (int t = 0; t < n; t++) {
                if (!Double.isFinite(data.vKv(mj, t))) {
                    if (estimated == null) {
                        estimated = new boolean[n];
                    }
                    estimated[t] = true;
                }
            }
        }
        for (int k = 0; k < children.size(); k++) {
            SendingFlows s = pending.get(children.get(k));
            if (k > 0) {
                for (int t = 0; t < n; t++) {
                    pRecv[t] += s.pMw()[t];
                    qRecv[t] += s.qMvar()[t];
                }
            }
            if (s.estimated() != null) {
                if (estimated == null) {
                    estimated = new boolean[n];
                }
                for (int t = 0; t < n; t++) {
                    estimated[t] |= s.estimated()[t];
                }
            }
        }
        boolean cleanOnly = estimated != null && LoadImputation.fitsCleanIntervalsOnly(estimated,
                t -> Double.isFinite(data.vKv(mj, t)) && Double.isFinite(data.vKv(mi, t)));
        double[] y = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        int usable = 0;
        double sumY2 = 0;
        for (int t = 0; t < n; t++) {
            double vj = data.vKv(mj, t);
            double vi = data.vKv(mi, t);
            double uj = vj * vj;
            y[t] = vi * vi - uj;
            a[t] = BranchEquation.resistanceRegressor(pRecv[t]);
            b[t] = BranchEquation.reactanceRegressor(qRecv[t]);
            c[t] = BranchEquation.squaredCurrentTerm(pRecv[t], qRecv[t], uj);
            if (Double.isFinite(y[t]) && Double.isFinite(c[t]) && !(cleanOnly && estimated[t])) {
                usable++;
                sumY2 += y[t] * y[t];
            } else {
                y[t] = Double.NaN; // one NaN marks the whole interval unusable for the fitter
                a[t] = Double.NaN;
                b[t] = Double.NaN;
                c[t] = Double.NaN;
            }
        }
        if (usable < options.minIntervals()) {
            throw new GrididException("branch " + parent + "-" + bus + ": only " + usable
                    + " intervals with the voltage at both ends and the loads of its subtree (need at least "
                    + options.minIntervals() + ")");
        }
        BranchFitter fitter = new BranchFitter(fitOptions);
        BranchFit fit = fitter.fit(y, a, b, c);
        double signalRms = Math.sqrt(sumY2 / usable);
        int[] rejected = {0};
        if (options.norm() == FitNorm.LS && options.badDataSigmas() > 0) {
            // the scale is at least the rounding of the two ends' readings: where the drop is below their
            // resolution most residuals tie and their median absolute deviation is zero (VoltageResolution)
            double floor = Math.max(options.residualFloor() * signalRms, Math.sqrt(rounding[mi] + rounding[mj]));
            fit = BadDataRejection.fit(fitter, options.badDataSigmas(), floor, y, a, b, c, fit, rejected);
        }
        List<TypeFit> typeFits = new ArrayList<>(library.size());
        if (!library.isEmpty()) {
            BranchFitData fitData = new BranchFitData(y, a, b, c);
            for (int k = 0; k < library.size(); k++) {
                ConductorType type = library.get(k);
                LengthFit lf = fitter.fitLength(fitData, type.rOhmPerKm(), type.xOhmPerKm());
                boolean fits = lf.rmsResidual() <= options.fallbackResidualRatio() * fit.rmsResidual()
                        + options.residualFloor() * signalRms;
                typeFits.add(new TypeFit(k, lf, fits));
            }
            typeFits.sort(Comparator.comparingDouble((TypeFit tf) -> tf.fit().objective())
                    .thenComparingInt(TypeFit::typeIndex));
        }
        double r = fit.rOhm();
        double x = fit.xOhm();
        // the sending flows, in place of the receiving ones (no longer needed)
        for (int t = 0; t < n; t++) {
            double p = pRecv[t];
            double q = qRecv[t];
            double uLoss;
            if (gaps == null) {
                double vj = data.vKv(mj, t);
                uLoss = vj * vj;
            } else {
                uLoss = gaps.uFilled()[row][t];
            }
            pRecv[t] = BranchEquation.sendingActiveMw(r, p, q, uLoss);
            qRecv[t] = BranchEquation.sendingReactiveMvar(x, p, q, uLoss);
        }
        return new Step(new SweptBranch(parent, bus, fit, typeFits, signalRms, usable, rejected[0]),
                new SendingFlows(pRecv, qRecv, estimated));
    }
}

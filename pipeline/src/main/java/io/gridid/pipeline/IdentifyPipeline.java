package io.gridid.pipeline;

import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.Units;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyDiagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole identification: meter data and the root meter in; stage 1 (topology) then stage 2
 * (impedances on that topology) out, as one {@link IdentificationResult} with per-stage wall
 * times, data-quality figures and the mean measured voltage of every bus (for the profile).
 * Each branch carries stage 1's confidence beside stage 2's estimate ({@link IdentifiedBranch}).
 *
 * <p>With missing loads, stage 2 returns its estimates of them; stage 1 is rerun on those (at
 * most {@link #MAX_PASSES} passes; if the passes cycle, the tree whose stage-2 fits leave the
 * least residual is kept), and {@link GapTreeRefinement} makes a last local check of the tree by
 * stage 2's misfit. Every such step is one line in the warnings; the stage times include them.
 *
 * <p>Each stage also runs alone: {@link #identifyTopology} (stage 1 as {@code identify} runs it
 * first) and {@link #estimateImpedances} (stage 2 on a given tree).
 */
public final class IdentifyPipeline {
    /** Stage 1's name in {@link IdentificationResult#stageSeconds()} and {@link IdentificationResult#stageStatus()}. */
    public static final String TOPOLOGY = "topology";
    /** Stage 2's name in {@link IdentificationResult#stageSeconds()} and {@link IdentificationResult#stageStatus()}. */
    public static final String IMPEDANCE = "impedance";

    private final TopologyStage topology;
    private final ImpedanceStage impedance;

    /**
     * gridid's own stages with the given options.
     *
     * @param options both stages' parameters
     */
    public IdentifyPipeline(IdentifyOptions options) {
        this(GrididStages.topology(options), GrididStages.impedance(options));
    }

    /**
     * Any two stages (e.g. a known topology, or another estimator).
     *
     * @param topology  stage 1
     * @param impedance stage 2
     */
    public IdentifyPipeline(TopologyStage topology, ImpedanceStage impedance) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.impedance = Objects.requireNonNull(impedance, "impedance");
    }

    /**
     * Stage 1 alone, as {@link #identify} runs it first (with the likelihood search when the options
     * ask for it), without the reruns that need stage 2's estimates of missing loads.
     *
     * @param data     readings of every bus, root included (kV, MW, Mvar; not modified)
     * @param rootBus  the root meter id
     * @param progress told as the likelihood search scores candidate trees
     * @return the topology and the stage's status
     * @throws GrididException when the data cannot give a topology
     */
    public TopologyRun identifyTopology(MeterData data, String rootBus, ProgressListener progress)
            throws GrididException {
        checkRoot(data, rootBus);
        Topology t = topology.identify(data, rootBus, progress);
        return new TopologyRun(t, StageStatus.of(t.diagnostics().warnings()));
    }

    /**
     * Stage 2 alone on a given tree.
     *
     * @param data     readings of every metered bus, root included (kV, MW, Mvar; not modified)
     * @param tree     the topology, rooted at a meter of the data
     * @param progress told as branches are fitted (label "impedance")
     * @return the estimates and the stage's status
     * @throws GrididException when the data cannot give the impedances on this tree
     */
    public ImpedanceRun estimateImpedances(MeterData data, RadialTree tree, ProgressListener progress)
            throws GrididException {
        checkRoot(data, tree.root());
        ImpedanceResult r = impedance.estimate(data, tree, progress);
        return new ImpedanceRun(r, StageStatus.of(r.warnings()));
    }

    private static void checkRoot(MeterData data, String rootBus) {
        Objects.requireNonNull(data, "data");
        if (!data.hasMeter(rootBus)) {
            throw new IllegalArgumentException("root " + rootBus + " is not a meter of the data");
        }
    }

    /**
     * Both stages.
     *
     * @param data           readings of every bus, root included (kV, MW, Mvar; not modified)
     * @param rootBus        the root meter id
     * @param baseKv         nominal line-to-line voltage, kV (for the per-unit voltage profile)
     * @param inputWarnings  warnings from reading the input, carried into the report
     * @throws GrididException when a stage cannot identify the feeder from these data
     */
    public IdentificationResult identify(MeterData data, String rootBus, double baseKv, List<Warning> inputWarnings)
            throws GrididException {
        return identify(data, rootBus, baseKv, inputWarnings, ProgressListener.NONE);
    }

    /**
     * The same, telling {@code progress} as the likelihood search scores candidate trees, when
     * asked for ({@link GrididStages#LIKELIHOOD_SEARCH}), when stage 1 is done (label "topology",
     * 0 of the branch count) and as stage 2 fits branches (label "impedance", branches fitted of all).
     *
     * @param data           readings of every bus, root included (kV, MW, Mvar; not modified)
     * @param rootBus        the root meter id
     * @param baseKv         nominal line-to-line voltage, kV (for the per-unit voltage profile)
     * @param inputWarnings  warnings from reading the input, carried into the report
     * @param progress       told after each step
     * @return both stages' results, typed, with diagnostics and stage times
     * @throws GrididException when a stage cannot identify the feeder from these data
     */
    public IdentificationResult identify(MeterData data, String rootBus, double baseKv, List<Warning> inputWarnings,
                                         ProgressListener progress) throws GrididException {
        checkRoot(data, rootBus);
        if (!(baseKv > 0)) {
            throw new IllegalArgumentException("baseKv must be positive");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Topology topo = topology.identify(data, rootBus, progress);
        long t1 = System.nanoTime();
        progress.stepDone(TOPOLOGY, 0, topo.tree().size() - 1);
        ImpedanceResult imp = impedance.estimate(data, topo.tree(), progress);
        long t2 = System.nanoTime();
        double topologySeconds = (t1 - t0) / 1e9;
        double impedanceSeconds = (t2 - t1) / 1e9;
        List<Warning> passNotes = new ArrayList<>();
        // with missing loads: stage 1 again on stage 2's estimates of them, until the tree holds;
        // if the passes cycle or run out, the tree whose stage-2 fits leave the least residual wins
        List<Topology> topos = new ArrayList<>(List.of(topo));
        List<ImpedanceResult> imps = new ArrayList<>(List.of(imp));
        int passes = imp.completedLoads() != null && GapTreeRefinement.precise(imp, data) ? MAX_PASSES : NOISY_PASSES;
        for (int pass = 2; pass <= passes && imp.completedLoads() != null; pass++) {
            long s0 = System.nanoTime();
            Topology again = topology.identify(data, rootBus, imp.completedLoads());
            long s1 = System.nanoTime();
            topologySeconds += (s1 - s0) / 1e9;
            List<String> movedBuses = moved(topo.tree(), again.tree());
            int moved = movedBuses.size();
            if (moved == 0) {
                break;
            }
            boolean cycle = false;
            for (Topology earlier : topos) {
                cycle |= earlier.tree().equals(again.tree());
            }
            if (cycle) {
                passNotes.add(Warning.of(WarningCode.STAGE1_RERUN, "pass " + pass + ": stage 1 returned to an earlier tree"));
                break;
            }
            passNotes.add(Warning.about(WarningCode.STAGE1_RERUN, movedBuses, "pass " + pass + ": stage 1 rerun on stage"
                    + " 2's estimates of the missing loads moved " + moved + " bus(es); stage 2 refitted on the new tree"));
            topo = again;
            imp = impedance.estimate(data, topo.tree(), ProgressListener.NONE);
            impedanceSeconds += (System.nanoTime() - s1) / 1e9;
            topos.add(topo);
            imps.add(imp);
        }
        if (topos.size() > 1) {
            int best = topos.size() - 1; // a stage that reports no residuals: the last pass
            if (!Double.isNaN(GapTreeRefinement.misfit(imps.get(0), null))) {
                best = 0;
                for (int k = 1; k < topos.size(); k++) {
                    if (GapTreeRefinement.misfit(imps.get(k), null) < GapTreeRefinement.misfit(imps.get(best), null)) {
                        best = k;
                    }
                }
            }
            if (best != topos.size() - 1) {
                passNotes.add(Warning.of(WarningCode.STAGE1_RERUN, "kept the tree of pass " + (best + 1) + " of "
                        + topos.size() + ": its stage-2 fits leave the least residual"));
            }
            topo = topos.get(best);
            imp = imps.get(best);
        }
        if (imp.completedLoads() != null && data.meterCount() == topo.tree().size()) {
            // (moves of buses by stage 2's misfit are tried on fully metered trees only)
            long s0 = System.nanoTime();
            GapTreeRefinement.Outcome refined = new GapTreeRefinement(impedance.forTreeComparison())
                    .refine(imp.completedLoads(), topo.tree());
            if (refined.moves() > 0) {
                List<String> movedBuses = moved(topo.tree(), refined.tree());
                passNotes.add(Warning.about(WarningCode.MISFIT_MOVES, movedBuses, "stage 2's misfit moved "
                        + movedBuses.size() + " bus(es) after stage 1 (" + refined.evaluations()
                        + " trees tried); their confidence is not known"));
                Map<String, Double> confidence = new LinkedHashMap<>(topo.confidence());
                for (String bus : refined.tree().topDown()) {
                    if (!bus.equals(rootBus) && !refined.tree().parentOf(bus).equals(topo.tree().parentOf(bus))) {
                        confidence.put(bus, Double.NaN);
                    }
                }
                topo = topo.revised(refined.tree(), confidence, topo.diagnostics());
                imp = impedance.estimate(data, topo.tree(), ProgressListener.NONE);
            }
            topologySeconds += (System.nanoTime() - s0) / 1e9;
        }
        seconds.put(TOPOLOGY, topologySeconds);
        seconds.put(IMPEDANCE, impedanceSeconds);

        List<IdentifiedBranch> rows = new ArrayList<>(imp.branches().size());
        for (BranchEstimate b : imp.branches()) {
            Double c = topo.confidence().get(b.toBus());
            rows.add(IdentifiedBranch.of(b, c == null ? Double.NaN : c));
        }
        Map<String, Double> meanV = new LinkedHashMap<>();
        for (int m = 0; m < data.meterCount(); m++) {
            meanV.put(data.meterIds().get(m), Units.kvToPu(nanMean(data.voltagesKv(m)), baseKv));
        }
        List<Warning> warnings = new ArrayList<>(inputWarnings);
        TopologyDiagnostics d = topo.diagnostics();
        warnings.addAll(d.warnings());
        warnings.addAll(imp.warnings());
        warnings.addAll(passNotes);
        Map<String, StageStatus> status = new LinkedHashMap<>();
        status.put(TOPOLOGY, StageStatus.of(d.warnings()));
        status.put(IMPEDANCE, StageStatus.of(imp.warnings()));
        long[] times = data.epochSeconds();
        IdentificationDiagnostics diag = new IdentificationDiagnostics(d.method().name(),
                d.regressionPath() == null ? "n/a" : d.regressionPath().name(),
                d.conditionNumber(), data.meterCount(), data.intervalCount(), d.intervalsUsed(),
                data.missingCount(), times.length == 0 ? IdentificationDiagnostics.UNKNOWN : times[0],
                times.length == 0 ? IdentificationDiagnostics.UNKNOWN : times[times.length - 1],
                IdentificationDiagnostics.commonStep(times));
        return new IdentificationResult(rootBus, baseKv, rows, topo.confidence(), diag, meanV, warnings, seconds,
                List.of(), status, imp.jointRefinement(), topo.evidence());
    }

    /**
     * Most identification passes with missing loads and precise data: stage 1 reruns on stage 2's estimates of the
     * loads the meters missed (its own first guesses come from daily profiles alone) until the
     * tree stops changing (measured on ieee69 with 20 % of rows missing: one or two passes; one
     * draw of six cycled between two trees).
     */
    static final int MAX_PASSES = 6;
    /**
     * Passes when stage 2's fits are not precise ({@link GapTreeRefinement#precise}): with noise
     * the tree keeps changing by a few buses from pass to pass without getting better (measured on
     * random:300, σ_v = 1e-4, 5 % missing: 28 s for 6 passes against 1.8 s without gaps).
     */
    static final int NOISY_PASSES = 2;

    /** Buses whose parent differs between two trees of the same buses. */
    private static List<String> moved(RadialTree a, RadialTree b) {
        List<String> out = new ArrayList<>();
        for (String bus : a.topDown()) {
            if (!bus.equals(a.root()) && !a.parentOf(bus).equals(b.parentOf(bus))) {
                out.add(bus);
            }
        }
        return out;
    }

    private static double nanMean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}

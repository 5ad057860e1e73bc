package io.gridid.pipeline;

import io.gridid.impedance.HiddenJunctionImpedance;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.impedance.LikelihoodReadings;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.pipeline.LikelihoodSearchOptions;
import io.gridid.pipeline.LikelihoodTreeSearch;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyIdentifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** gridid's own stages behind the pipeline's interfaces: {@link TopologyIdentifier} and {@link ImpedanceEstimator}. */
public final class GrididStages {
    /** Progress label of the likelihood search (followed by ", round R"). */
    public static final String LIKELIHOOD_SEARCH = "likelihood search";
    private GrididStages() {
    }

    /**
     * Stage 1 with the topology options, every run (also the reruns on stage 2's estimates of missing
     * loads) finished by the likelihood search when the options ask for it.
     */
    public static TopologyStage topology(IdentifyOptions options) {
        TopologyIdentifier identifier = new TopologyIdentifier(options.topology());
        LikelihoodSearchOptions search = options.likelihoodSearch();
        return new TopologyStage() {
            /** The last search run, reused by a rerun that starts it from the same tree on the same data. */
            private final AtomicReference<Searched> last = new AtomicReference<>();

            @Override
            public Topology identify(MeterData data, String root) throws GrididException {
                return identify(data, root, ProgressListener.NONE);
            }

            @Override
            public Topology identify(MeterData data, String root, ProgressListener progress)
                    throws GrididException {
                Topology found = identifier.identify(data, root);
                return search == null ? found : finish(found, data, options.impedance(), search, progress, last);
            }

            @Override
            public Topology identify(MeterData data, String root, MeterData loadEstimates) throws GrididException {
                // the rerun on stage 2's load estimates is finished by the search too, else it would
                // undo the search's moves; the search weighs trees on the readings themselves
                Topology found = identifier.identify(data, root, loadEstimates);
                return search == null ? found
                        : finish(found, data, options.impedance(), search, ProgressListener.NONE, last);
            }
        };
    }

    /**
     * Stage 1's outcome finished by {@link LikelihoodTreeSearch}: the improved tree, a moved bus's
     * confidence replaced by the share of the likelihood its move won against stage 1's choice
     * (1 / (1 + e^(&minus;gain/2))), and one warning line saying what the search did and, with gaps,
     * how the missing readings entered (or why it did not run: buses without a meter, exact voltages).
     */
    public static Topology finish(Topology found, MeterData data, ImpedanceOptions fit,
                                         LikelihoodSearchOptions search) throws GrididException {
        return finish(found, data, fit, search, ProgressListener.NONE);
    }

    /**
     * The same, telling {@code progress} as the search scores candidate trees (label
     * "likelihood search, round R", candidates scored of the round's).
     */
    public static Topology finish(Topology found, MeterData data, ImpedanceOptions fit,
                                         LikelihoodSearchOptions search, ProgressListener progress)
            throws GrididException {
        return finish(found, data, fit, search, progress, new AtomicReference<>());
    }

    /**
     * A search's outcome on {@code data} from stage 1's tree {@code start}: the result, the readings'
     * gap line, or why it did not run. The search is deterministic, so the same data and start tree
     * give the same outcome.
     */
    private record Searched(MeterData data, RadialTree start, LikelihoodTreeSearch.Result result, String gapTreatment,
                            String failure) {
    }

    /** As {@link #finish(Topology, MeterData, ImpedanceOptions, LikelihoodSearchOptions, ProgressListener)}, reusing {@code last} when it searched the same data from the same tree. */
    private static Topology finish(Topology found, MeterData data, ImpedanceOptions fit,
                                          LikelihoodSearchOptions search, ProgressListener progress,
                                          AtomicReference<Searched> last) throws GrididException {
        List<Warning> warnings = new ArrayList<>();
        for (String bus : found.tree().topDown()) {
            if (!data.hasMeter(bus)) {
                warnings.add(Warning.of(WarningCode.LIKELIHOOD_SEARCH_NOT_RUN, "likelihood search not run: the tree has"
                        + " buses without a meter (" + bus + "), and the joint model needs a meter at every bus", bus));
                return found.revised(found.tree(), found.confidence(), found.diagnostics().withWarnings(warnings));
            }
        }
        Searched done = last.get();
        if (done == null || done.data() != data || !done.start().equals(found.tree())) {
            try {
                // prepared once: every candidate tree (same buses) is weighed on the same readings and filled loads
                LikelihoodReadings readings = LikelihoodReadings.of(data, found.tree());
                LikelihoodTreeSearch.Result r = new LikelihoodTreeSearch(fit, search).improve(readings, found.tree(),
                        (round, scored, candidates) -> progress.stepDone(LIKELIHOOD_SEARCH + ", round " + round,
                                scored, candidates));
                done = new Searched(data, found.tree(), r, readings.gapTreatment(), null);
            } catch (GrididException e) {
                // no voltage noise to weigh the trees by, or data stage 2 cannot fit: stage 1's tree stands
                // (data stage 2 cannot use at all fail again, with their own message, in stage 2)
                done = new Searched(data, found.tree(), null, "", e.getMessage());
            }
            last.set(done);
        }
        if (done.failure() != null) {
            warnings.add(Warning.of(WarningCode.LIKELIHOOD_SEARCH_NOT_RUN, "likelihood search not run: " + done.failure()));
            return found.revised(found.tree(), found.confidence(), found.diagnostics().withWarnings(warnings));
        }
        LikelihoodTreeSearch.Result r = done.result();
        Map<String, Double> confidence = new LinkedHashMap<>(found.confidence());
        for (LikelihoodTreeSearch.Move m : r.moves()) {
            double share = 1 / (1 + Math.exp(-m.gain() / 2));
            m.parents().keySet().forEach(bus -> confidence.put(bus, share));
        }
        List<String> movedBuses = List.copyOf(r.movedBuses(found.tree()));
        int moved = movedBuses.size();
        warnings.add(Warning.about(WarningCode.LIKELIHOOD_SEARCH_MOVES, movedBuses, String.format(Locale.ROOT,
                "likelihood search: %d bus(es) moved by %d move(s) gaining more than"
                        + " %.3g in deviance each (%.4g in all), %d candidate trees scored in %d round(s); a moved bus's"
                        + " confidence is the likelihood share its move won against stage 1's parent", moved,
                r.moves().size(), search.minGain(), r.startDeviance() - r.deviance(), r.evaluations(), r.rounds())
                + (done.gapTreatment().isEmpty() ? "" : "; " + done.gapTreatment())));
        return found.revised(r.tree(), confidence, found.diagnostics().withWarnings(warnings));
    }

    /** Stage 2 with the impedance options: {@link HiddenJunctionImpedance}, which fits trees with buses without a meter too. */
    public static ImpedanceStage impedance(IdentifyOptions options) {
        return impedance(options.impedance());
    }

    private static ImpedanceStage impedance(ImpedanceOptions options) {
        HiddenJunctionImpedance hidden = new HiddenJunctionImpedance(options);
        return new ImpedanceStage() {
            @Override
            public ImpedanceStage forTreeComparison() {
                return options.jointRefinement() ? impedance(options.withJointRefinement(false)) : this;
            }

            @Override
            public ImpedanceResult estimate(MeterData data, RadialTree tree) throws GrididException {
                return estimate(data, tree, ProgressListener.NONE);
            }

            @Override
            public ImpedanceResult estimate(MeterData data, RadialTree tree, ProgressListener progress)
                    throws GrididException {
                return hidden.estimate(data, tree,
                        (done, total) -> progress.stepDone(IdentifyPipeline.IMPEDANCE, done, total));
            }
        };
    }
}

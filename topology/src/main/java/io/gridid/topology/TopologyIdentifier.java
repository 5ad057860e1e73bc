package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.MeterInformation;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.Objects;

/**
 * Stage 1 entry point: meter data and the root's id in, an immutable {@link Topology} out.
 * Uses the intervals where the root's voltage and every bus's V, P and Q are present.
 * Assumes a meter with load variation at every non-root bus, unless the hidden-junction search
 * is on ({@link HiddenJunctionOptions}): then junctions without a meter are placed where the data
 * show them, with ids from {@link io.gridid.model.HiddenBusIds}.
 */
public final class TopologyIdentifier {
    private final TopologyOptions options;

    public TopologyIdentifier(TopologyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param data   readings of every bus including the root (kV, MW, Mvar); not modified
     * @param rootId the feeder head's meter id
     * @throws GrididException when the root is missing, the data carry no information
     *                         ({@link MeterInformation}), too few intervals are complete, or the
     *                         chosen estimator cannot work with the data
     */
    public Topology identify(MeterData data, String rootId) throws GrididException {
        return identify(data, rootId, null);
    }

    /**
     * The same, with estimates of the missing loads to use instead of the profile-based ones
     * (e.g. stage 2's state estimates: {@code loadEstimates} holds the same meters and intervals
     * with missing P and Q filled; null = none). The estimated entries stay marked as estimates.
     */
    public Topology identify(MeterData data, String rootId, MeterData loadEstimates) throws GrididException {
        if (data.hasMeter(rootId)) {
            MeterInformation.require(data, rootId);
        }
        FeederSeries series = FeederSeries.of(data, rootId, loadEstimates);
        TopologyEstimator estimator = options.estimator();
        Topology full = estimator.estimate(series);
        Topology metered = options.stabilityRuns() == 0 ? full
                : EdgeStability.apply(estimator, series, full, options.stabilityRuns(), options.stabilityWarmStart(),
                        STABILITY_SEED);
        if (!options.hidden().enabled()) {
            return metered;
        }
        return withHidden(metered, new HiddenJunctionSearch(options.hidden()).place(series, metered.tree()));
    }

    /**
     * The metered topology with the hidden junctions placed: a metered bus keeps its edge's
     * confidence; a hidden bus's edge gets the smallest confidence of its children's edges.
     */
    static Topology withHidden(Topology metered, HiddenJunctions hidden) {
        io.gridid.model.RadialTree tree = hidden.tree();
        java.util.Map<String, Double> confidence = new java.util.HashMap<>();
        for (String bus : tree.bottomUp()) {
            if (bus.equals(tree.root())) {
                continue;
            }
            Double own = metered.confidence().get(bus);
            if (own == null) {
                double min = 1;
                for (String c : tree.childrenOf(bus)) {
                    min = Math.min(min, confidence.get(c));
                }
                own = min;
            }
            confidence.put(bus, own);
        }
        java.util.Map<String, Double> ordered = new java.util.LinkedHashMap<>();
        for (String bus : tree.topDown()) {
            if (!bus.equals(tree.root())) {
                ordered.put(bus, confidence.get(bus));
            }
        }
        java.util.List<Warning> notes = new java.util.ArrayList<>(hidden.warnings());
        if (!hidden.hidden().isEmpty()) {
            notes.add(Warning.about(WarningCode.HIDDEN_JUNCTIONS_PLACED, hidden.hidden(), hidden.hidden().size()
                    + " hidden junction(s) placed where no meter is: " + hidden.hidden()));
        }
        return metered.revised(tree, ordered, metered.diagnostics().withWarnings(notes));
    }

    /** Seed of the random halves for the stability confidence (fixed: same data, same figures). */
    static final long STABILITY_SEED = 20261124L;
}

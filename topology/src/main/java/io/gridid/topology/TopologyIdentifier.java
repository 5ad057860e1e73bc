package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.MeterInformation;

import java.util.Objects;

/**
 * Stage 1 entry point: meter data and the root's id in, an immutable {@link Topology} out.
 * Uses the intervals where the root's voltage and every bus's V, P and Q are present.
 * Assumes (v1) a meter with load variation at every non-root bus.
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
        if (options.stabilityRuns() == 0) {
            return full;
        }
        return EdgeStability.apply(estimator, series, full, options.stabilityRuns(), options.stabilityWarmStart(),
                STABILITY_SEED);
    }

    /** Seed of the random halves for the stability confidence (fixed: same data, same figures). */
    static final long STABILITY_SEED = 20261124L;
}

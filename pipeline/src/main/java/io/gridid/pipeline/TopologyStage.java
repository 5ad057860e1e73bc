package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;

/**
 * Stage 1 as the pipeline sees it: meter data and the root in, a radial tree with per-edge
 * confidences out. {@link GrididStages#topology} wires gridid's own topology identifier; tests
 * and other tools may plug in their own.
 */
@FunctionalInterface
public interface TopologyStage {
    TopologyOutcome identify(MeterData data, String rootBus) throws GrididException;

    /**
     * The same, with better estimates of the loads the meters missed (stage 2's, in
     * {@code loadEstimates}: the readings with missing P and Q filled); a stage that cannot use
     * them ignores them, which is the default.
     */
    default TopologyOutcome identify(MeterData data, String rootBus, MeterData loadEstimates) throws GrididException {
        return identify(data, rootBus);
    }

    /**
     * The same as {@link #identify(MeterData, String)}, telling {@code progress} about steps that
     * take long (gridid's stages: the likelihood search's candidates); the default tells nothing.
     */
    default TopologyOutcome identify(MeterData data, String rootBus, ProgressListener progress) throws GrididException {
        return identify(data, rootBus);
    }
}

package io.gridid.reports;

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
}

package io.gridid.topology;

import io.gridid.model.GrididException;

/** One way of turning meter series into a radial topology. Implementations are immutable. */
public interface TopologyEstimator {
    /**
     * @param series the root's and every bus's readings over the usable intervals (not modified)
     * @return the estimated tree rooted at {@link FeederSeries#root()}, a confidence per edge
     * @throws GrididException when the data cannot support the estimate (too few intervals,
     *                         a bus without load variation, a singular estimate)
     */
    Topology estimate(FeederSeries series) throws GrididException;
}

package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;

/** One way of turning meter series into a radial topology. Implementations are immutable. */
public interface TopologyEstimator {
    /**
     * @param series the root's and every bus's readings over the usable intervals (not modified)
     * @return the estimated tree rooted at {@link FeederSeries#root()}, a confidence per edge
     * @throws GrididException when the data cannot support the estimate (too few intervals,
     *                         a bus without load variation, a singular estimate)
     */
    Topology estimate(FeederSeries series) throws GrididException;

    /**
     * An estimate on {@code series} that may start from {@code start} (a tree of the same buses,
     * e.g. the one found on all the data when this runs on a part of them): an estimator with a
     * local search begins there instead of building a tree from nothing, which costs less and
     * finds the same tree wherever the data decide it. This default ignores the start.
     *
     * @throws GrididException as {@link #estimate(FeederSeries)}
     */
    default Topology estimateFrom(FeederSeries series, RadialTree start) throws GrididException {
        return estimate(series);
    }

    /**
     * This estimator without the per-edge evidence ({@link Topology#evidence()}), for runs whose
     * trees alone are used (the stability halves). This default is the estimator itself.
     */
    default TopologyEstimator withoutEvidence() {
        return this;
    }
}

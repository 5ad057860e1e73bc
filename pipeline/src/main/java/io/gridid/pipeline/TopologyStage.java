package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.topology.Topology;

/**
 * Stage 1 as the pipeline sees it: meter data and the root in, a {@link Topology} (radial tree,
 * per-edge confidences, diagnostics and warnings) out. {@link GrididStages#topology} wires gridid's
 * own topology identifier; tests and other tools may plug in their own.
 */
@FunctionalInterface
public interface TopologyStage {
    /**
     * @param data    readings of every bus, root included (not modified)
     * @param rootBus the root meter id
     * @return the identified topology
     * @throws GrididException when the data cannot give a topology
     */
    Topology identify(MeterData data, String rootBus) throws GrididException;

    /**
     * The same, with better estimates of the loads the meters missed (stage 2's, in
     * {@code loadEstimates}: the readings with missing P and Q filled); a stage that cannot use
     * them ignores them, which is the default.
     *
     * @param data          readings of every bus, root included (not modified)
     * @param rootBus       the root meter id
     * @param loadEstimates the readings with missing loads filled
     * @return the identified topology
     * @throws GrididException when the data cannot give a topology
     */
    default Topology identify(MeterData data, String rootBus, MeterData loadEstimates) throws GrididException {
        return identify(data, rootBus);
    }

    /**
     * The same as {@link #identify(MeterData, String)}, telling {@code progress} about steps that
     * take long (gridid's stages: the likelihood search's candidates); the default tells nothing.
     *
     * @param data     readings of every bus, root included (not modified)
     * @param rootBus  the root meter id
     * @param progress told after each long step
     * @return the identified topology
     * @throws GrididException when the data cannot give a topology
     */
    default Topology identify(MeterData data, String rootBus, ProgressListener progress) throws GrididException {
        return identify(data, rootBus);
    }
}

package io.gridid.pipeline;

import io.gridid.topology.Topology;

import java.util.Objects;

/**
 * Stage 1 alone ({@link IdentifyPipeline#identifyTopology}): the topology as the stage gave it
 * and how far the stage got.
 *
 * @param topology the identified topology, its diagnostics and warnings
 * @param status   the stage's status
 */
public record TopologyRun(Topology topology, StageStatus status) {
    /** Checks that both are given. */
    public TopologyRun {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(status, "status");
    }
}

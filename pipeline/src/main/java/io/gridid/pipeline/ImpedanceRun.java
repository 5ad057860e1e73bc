package io.gridid.pipeline;

import io.gridid.impedance.ImpedanceResult;

import java.util.Objects;

/**
 * Stage 2 alone on a given tree ({@link IdentifyPipeline#estimateImpedances}): the estimates as
 * the stage gave them and how far the stage got.
 *
 * @param result the branch estimates and warnings
 * @param status the stage's status
 */
public record ImpedanceRun(ImpedanceResult result, StageStatus status) {
    /** Checks that both are given. */
    public ImpedanceRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
    }
}

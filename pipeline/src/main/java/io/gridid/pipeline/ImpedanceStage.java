package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

/**
 * Stage 2 as the pipeline sees it: meter data and a tree in, one {@code branches.csv} row per
 * branch (contract columns plus {@link BranchColumns} extras) out. {@link GrididStages#impedance}
 * wires gridid's own estimator.
 */
@FunctionalInterface
public interface ImpedanceStage {
    ImpedanceOutcome estimate(MeterData data, RadialTree tree) throws GrididException;

    /**
     * The same, telling {@code progress} about branches fitted ({@code label} "impedance");
     * by default no progress is reported.
     */
    default ImpedanceOutcome estimate(MeterData data, RadialTree tree, ProgressListener progress)
            throws GrididException {
        return estimate(data, tree);
    }

    /**
     * The stage {@link GapTreeRefinement} compares trees with, on loads completed by estimates:
     * residuals of each branch's own fit. By default this stage; gridid's own turns its joint
     * refinement off there (it would pool the estimates' errors into every branch's residual).
     */
    default ImpedanceStage forTreeComparison() {
        return this;
    }
}

package io.gridid.pipeline;

import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

/**
 * Stage 2 as the pipeline sees it: meter data and a tree in, an {@link ImpedanceResult} (one
 * estimate per branch, warnings, estimates of missing loads) out. {@link GrididStages#impedance}
 * wires gridid's own estimator.
 */
@FunctionalInterface
public interface ImpedanceStage {
    /**
     * @param data readings of every bus, root included (not modified)
     * @param tree the topology to fit
     * @return one estimate per branch of the tree
     * @throws GrididException when the data cannot give the impedances
     */
    ImpedanceResult estimate(MeterData data, RadialTree tree) throws GrididException;

    /**
     * The same, telling {@code progress} about branches fitted ({@code label} "impedance");
     * by default no progress is reported.
     *
     * @param data     readings of every bus, root included (not modified)
     * @param tree     the topology to fit
     * @param progress told as branches are fitted
     * @return one estimate per branch of the tree
     * @throws GrididException when the data cannot give the impedances
     */
    default ImpedanceResult estimate(MeterData data, RadialTree tree, ProgressListener progress)
            throws GrididException {
        return estimate(data, tree);
    }

    /**
     * The stage {@link GapTreeRefinement} compares trees with, on loads completed by estimates:
     * residuals of each branch's own fit. By default this stage; gridid's own turns its joint
     * refinement off there (it would pool the estimates' errors into every branch's residual).
     *
     * @return the stage to compare trees with
     */
    default ImpedanceStage forTreeComparison() {
        return this;
    }
}

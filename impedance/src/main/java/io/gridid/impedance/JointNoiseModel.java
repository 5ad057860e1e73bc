package io.gridid.impedance;

import java.util.Map;
import java.util.Objects;

/**
 * The joint model's noise (see {@link TreeLikelihood}): the variance of one squared-voltage reading
 * and, per branch (keyed by its child bus), the variance the P/Q meters' errors leave in the
 * branch's drop, as a ratio to it. Estimated on one tree and then held fixed, it makes the
 * deviances of different trees over the same readings comparable.
 *
 * @param voltageNoiseVariance &sigma;&sup2; of u = |V|&sup2; per reading, kV&#8308; (&gt; 0)
 * @param flowErrorRatio       per child bus: &kappa; = the branch's flow-error variance over &sigma;&sup2;
 *                             (&ge; 0; a bus not in the map has &kappa; = 0)
 */
public record JointNoiseModel(double voltageNoiseVariance, Map<String, Double> flowErrorRatio) {
    public JointNoiseModel {
        if (!(voltageNoiseVariance > 0) || Double.isInfinite(voltageNoiseVariance)) {
            throw new IllegalArgumentException("voltageNoiseVariance must be positive and finite: " + voltageNoiseVariance);
        }
        Objects.requireNonNull(flowErrorRatio, "flowErrorRatio");
        for (Map.Entry<String, Double> e : flowErrorRatio.entrySet()) {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("flow-error ratio of " + e.getKey() + " must be >= 0: " + e.getValue());
            }
        }
        flowErrorRatio = Map.copyOf(flowErrorRatio);
    }

    /** &kappa; of the branch feeding {@code childBus} (0 when not in the map). */
    public double flowErrorRatioOf(String childBus) {
        return flowErrorRatio.getOrDefault(childBus, 0.0);
    }
}

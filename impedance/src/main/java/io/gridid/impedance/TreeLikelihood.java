package io.gridid.impedance;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.solvers.fit.FitNorm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares candidate trees by how likely they make the voltage readings under the joint model
 * ({@link JointRefinement}: u_k(t) = v(t) &minus; &Sigma; path drops &minus; flow errors + meter noise), with one
 * noise model held fixed for every tree. For each tree the branch impedances are refitted by
 * generalised least squares (linearised around the sweep's fits on that tree, r and x unbounded,
 * no reading rejected), so every tree answers to the same objective; the result is the deviance
 * (&minus;2 log-likelihood up to a common constant), whose difference between two trees is a
 * likelihood ratio. Every tree has two unknowns per branch, so no penalty for size is needed.
 *
 * <p>Use: the likelihood of the true tree against the found one, or of a utility's GIS model
 * against the identified tree; and to measure what the data can tell apart at all (the topology
 * README's "information limit"). One evaluation costs a stage-2 sweep plus a joint solve, at least
 * O(N&middot;T), so it is not a search engine.
 *
 * <p>Gaps: every voltage read enters, missing voltages integrated out and missing loads filled
 * once for all trees ({@link LikelihoodReadings}, which says why); prepare the readings once with
 * {@link LikelihoodReadings#of} to weigh many trees, the {@link MeterData} overloads prepare them
 * per call.
 */
public final class TreeLikelihood {
    private final ImpedanceOptions options;

    /** With the options' fit settings, always LS; the library and the joint-refinement switch are not used. */
    public TreeLikelihood(ImpedanceOptions options) {
        this.options = Objects.requireNonNull(options, "options").withNorm(FitNorm.LS).withConductors(List.of())
                .withJointRefinement(false);
    }

    /**
     * The noise model estimated on {@code tree} at the sweep's fits ({@link JointNoiseEstimator}:
     * &sigma;&sup2; from sibling residual covariances, &kappa; per branch from its excess residual
     * variance; no &kappa; where the voltage noise is negligible), without a joint fit.
     *
     * @throws GrididException on data stage 2 cannot use, or no measurable voltage noise
     */
    public JointNoiseModel noiseModel(MeterData data, RadialTree tree) throws GrididException {
        return noiseModel(LikelihoodReadings.of(data, tree), tree);
    }

    /**
     * As {@link #noiseModel(MeterData, RadialTree)} on prepared readings.
     *
     * @throws GrididException also when {@code tree}'s buses are not those of {@code readings}
     */
    public JointNoiseModel noiseModel(LikelihoodReadings readings, RadialTree tree) throws GrididException {
        Map<String, JointRefinement.Start> starts = sweepStarts(readings, tree);
        JointNoiseModel noise = new JointRefinement(options).noiseModel(readings.data(), tree, readings.gaps(), starts);
        if (noise == null) {
            throw new GrididException("no voltage noise measurable on this tree: the trees cannot be compared by likelihood");
        }
        return noise;
    }

    /**
     * The deviance of {@code tree} under {@code noise}.
     *
     * @throws GrididException on data stage 2 cannot use
     */
    public TreeDeviance deviance(MeterData data, RadialTree tree, JointNoiseModel noise) throws GrididException {
        return deviance(LikelihoodReadings.of(data, tree), tree, noise);
    }

    /**
     * The deviance of {@code tree} under {@code noise} on prepared readings: the generalised sum of
     * squares over &sigma;&sup2; plus, per interval with at least two readings, the log-determinant
     * term of that interval's own readings ({@link TreeSmoother#intervalLogDeterminant}).
     *
     * @throws GrididException on data stage 2 cannot use, or when {@code tree}'s buses are not
     *                         those of {@code readings}
     */
    public TreeDeviance deviance(LikelihoodReadings readings, RadialTree tree, JointNoiseModel noise)
            throws GrididException {
        Objects.requireNonNull(noise, "noise");
        Map<String, JointRefinement.Start> starts = sweepStarts(readings, tree);
        JointRefinement.Outcome o = new JointRefinement(options).withFixedNoise(noise)
                .refine(readings.data(), tree, readings.gaps(), starts);
        double q = o.sumOfSquares() / noise.voltageNoiseVariance();
        double logDet = o.logDeterminant();
        return new TreeDeviance(q + logDet, q, logDet, o.readings(), o.intervals());
    }

    /**
     * The tree's part of log det of one interval's reading covariance with every bus read (see
     * {@link TreeSmoother#intervalLogDeterminant}). With every &kappa; = 0 it is log N for every
     * tree over N buses.
     */
    static double logDeterminantPerInterval(RadialTree tree, JointNoiseModel noise) {
        TreeLayout lay = new TreeLayout(tree);
        return TreeSmoother.intervalLogDeterminant(lay.parent, JointNoiseEstimator.kappaOf(noise, lay), k -> true,
                new double[lay.n]);
    }

    /**
     * The sweep's fits on {@code tree}: the point each tree's joint model is linearised around. With
     * gaps one sweep on the prepared fills (stage 2's rounds of load estimation would re-estimate
     * the loads through this tree, and cost a sweep each).
     */
    Map<String, JointRefinement.Start> sweepStarts(LikelihoodReadings readings, RadialTree tree)
            throws GrididException {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(tree, "tree");
        readings.requireCovers(tree);
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        if (readings.gaps() != null) {
            if (tree.size() < 2) {
                throw new GrididException("the topology has no branch (only the root " + tree.root() + ")");
            }
            BottomUpSweep.Outcome sweep = new BottomUpSweep(options).run(readings.data(), tree, readings.gaps(),
                    SweepProgress.NONE);
            for (SweptBranch b : sweep.branches().values()) {
                starts.put(b.toBus(), JointRefinement.Start.free(b.fit().rOhm(), b.fit().xOhm()));
            }
            return starts;
        }
        ImpedanceResult sweep = new ImpedanceEstimator(options).estimate(readings.data(), tree);
        for (BranchEstimate e : sweep.branches()) {
            starts.put(e.toBus(), JointRefinement.Start.free(e.rOhm(), e.xOhm()));
        }
        return starts;
    }
}

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
 * <p>Needs complete data (every voltage, and every P and Q below the root, in every interval): the
 * per-interval determinant term is formed for full intervals only.
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
     * @throws GrididException on data stage 2 cannot use, or incomplete data
     */
    public JointNoiseModel noiseModel(MeterData data, RadialTree tree) throws GrididException {
        Map<String, JointRefinement.Start> starts = sweepStarts(data, tree);
        JointNoiseModel noise = new JointRefinement(options).noiseModel(data, tree, null, starts);
        if (noise == null) {
            throw new GrididException("no voltage noise measurable on this tree: the trees cannot be compared by likelihood");
        }
        return noise;
    }

    /**
     * The deviance of {@code tree} under {@code noise}.
     *
     * @throws GrididException on data stage 2 cannot use, or incomplete data
     */
    public TreeDeviance deviance(MeterData data, RadialTree tree, JointNoiseModel noise) throws GrididException {
        Objects.requireNonNull(noise, "noise");
        Map<String, JointRefinement.Start> starts = sweepStarts(data, tree);
        JointRefinement.Outcome o = new JointRefinement(options).withFixedNoise(noise).refine(data, tree, null, starts);
        double q = o.sumOfSquares() / noise.voltageNoiseVariance();
        double logDet = o.intervals() * logDeterminantPerInterval(tree, noise);
        return new TreeDeviance(q + logDet, q, logDet, o.readings(), o.intervals());
    }

    /**
     * The tree's part of log det of one full interval's reading covariance (over &sigma;&sup2;, the root
     * voltage integrated out): eliminating the latent bus voltages leaves-up gives the pivots
     * 1 + &alpha;_c&kappa;_c per branch and &alpha;_root at the root, &alpha; being a subtree's accumulated
     * precision (&alpha;_k = 1 + &Sigma;_children &alpha;_c / (1 + &alpha;_c&kappa;_c)). With every &kappa; = 0 it is
     * log N for every tree over N buses.
     */
    static double logDeterminantPerInterval(RadialTree tree, JointNoiseModel noise) {
        List<String> order = tree.topDown();
        Map<String, Double> pull = new HashMap<>(); // alpha_c g_c, a child's contribution to its parent
        double sum = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            String bus = order.get(i);
            double alpha = 1;
            for (String c : tree.childrenOf(bus)) {
                alpha += pull.get(c);
            }
            if (bus.equals(tree.root())) {
                sum += Math.log(alpha);
            } else {
                double pivot = 1 + alpha * noise.flowErrorRatioOf(bus);
                sum += Math.log(pivot);
                pull.put(bus, alpha / pivot);
            }
        }
        return sum;
    }

    private Map<String, JointRefinement.Start> sweepStarts(MeterData data, RadialTree tree) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tree, "tree");
        requireComplete(data, tree);
        ImpedanceResult sweep = new ImpedanceEstimator(options).estimate(data, tree);
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (BranchEstimate e : sweep.branches()) {
            starts.put(e.toBus(), JointRefinement.Start.free(e.rOhm(), e.xOhm()));
        }
        return starts;
    }

    private static void requireComplete(MeterData data, RadialTree tree) throws GrididException {
        for (String bus : tree.topDown()) {
            int m = data.indexOf(bus);
            if (m < 0) {
                throw new GrididException("no meter for bus " + bus);
            }
            for (int t = 0; t < data.intervalCount(); t++) {
                boolean load = !bus.equals(tree.root()); // the root's P and Q are not used
                if (!Double.isFinite(data.vKv(m, t))
                        || (load && (!Double.isFinite(data.pMw(m, t)) || !Double.isFinite(data.qMvar(m, t))))) {
                    throw new GrididException("tree likelihood needs complete data: bus " + bus
                            + " has a missing reading in interval " + (t + 1));
                }
            }
        }
    }
}

package io.gridid.impedance;

import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conductor type of every branch judged with its neighbours': a hidden Markov tree over the
 * branches whose parameters are estimated from the feeder itself (empirical Bayes, by
 * expectation&ndash;maximisation), so a branch the data hardly pin down leans on the types the
 * feeder uses and on the type of the branch feeding it.
 *
 * <p><b>Why.</b> Under voltage noise a branch's joint (r, x) is known along one direction only:
 * its P and Q flows are nearly collinear, so r and x are correlated at &minus;0.95 to &minus;1.00 and
 * the error ellipse is long. Many library rays then pass through it, and picking the smallest
 * &chi;&sup2; picks the noise (decision 013). Feeders are built from a few types, laid in runs (a lateral is
 * one conductor until it tapers), and the branches whose data do pin their type down tell which.
 *
 * <p><b>Model.</b> Branch i's likelihood under type k is exp(&minus;c_ik/2) with c_ik its cost in
 * &chi;&sup2; units (the Mahalanobis &chi;&sup2; of the type's ray, {@link JointTypeFits}; for a branch without
 * a joint covariance, its length fit's objective over the free fit's residual variance, equal up to a
 * constant per branch). A branch whose nearest taking-part ancestor branch has type j has type k
 * with probability s&middot;[k = j] + (1 &minus; s)&middot;&pi;_k (it continues the run, or a new type is drawn
 * from the feeder's frequencies &pi;); a branch at the top (no such ancestor) draws from &pi;. The
 * parameters maximise the likelihood (upward&ndash;downward recursions, exact on a tree) with
 * Jeffreys priors: Dirichlet(&frac12;) on &pi;, Beta(&frac12;, &frac12;) on s, so a type that no branch needs
 * keeps a small weight and can still be chosen where the data demand it.
 *
 * <p>The runs are why: the frequencies alone pull a minority type's branches onto the common types
 * (docs/decisions/013-conductor-type-tree-prior.md has the measurements).
 *
 * <p><b>Output.</b> Every type's cost becomes &minus;2 ln of its posterior marginal probability (minus
 * the branch's smallest, so costs start at 0), the cost the choice ({@link ConductorAssignment})
 * minimises jointly under the user's priors (max types, tapered); without them each branch takes its
 * most probable type. Only branches that some type fits take part; the others (transformers,
 * regulators) keep their unconstrained fit and are skipped in the chain, as under "tapered".
 */
final class TypeTreePrior {
    /** Dirichlet weight per type and Beta weights of s: Jeffreys' non-informative priors. */
    static final double JEFFREYS = 0.5;
    /** Expectation&ndash;maximisation rounds at most. */
    static final int MAX_ROUNDS = 500;
    /** The rounds stop when no parameter moves by more than this: a type cost &minus;2 ln p then moves by about 1e-5 or less. */
    static final double TOLERANCE = 1e-6;

    private TypeTreePrior() {
    }

    /**
     * The branches with their type costs replaced by &minus;2 ln (posterior marginal), types re-sorted:
     * fitting types first, each group by cost, then by library index. Branches that no type fits are
     * returned unchanged; so is every branch when fewer than two take part.
     *
     * @param judged per child bus: the branch with its type fits (from {@link JointTypeFits}, or the
     *               sweep's where the joint covariance was not formed); LS fits only
     * @param tree   the topology
     * @param types  number of types in the library
     * @return per child bus, a new map
     */
    static Map<String, SweptBranch> apply(Map<String, SweptBranch> judged, RadialTree tree, int types) {
        Map<String, SweptBranch> out = new HashMap<>(judged);
        List<String> buses = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<double[]> like = new ArrayList<>();
        for (String bus : tree.topDown()) {
            SweptBranch b = judged.get(bus);
            if (bus.equals(tree.root()) || b == null || b.typeFits().size() != types
                    || b.typeFits().stream().noneMatch(TypeFit::fitsWell)) {
                continue;
            }
            double[] c = baseCosts(b, types);
            if (c == null) {
                continue;
            }
            double[] e = new double[types];
            for (int k = 0; k < types; k++) {
                e[k] = Math.exp(-0.5 * c[k]); // c >= 0 with a zero: at least one e is 1
            }
            index.put(bus, buses.size());
            buses.add(bus);
            like.add(e);
        }
        int n = buses.size();
        if (n < 2) {
            return out;
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            String anc = tree.parentOf(buses.get(i));
            while (!anc.equals(tree.root()) && !index.containsKey(anc)) {
                anc = tree.parentOf(anc);
            }
            parent[i] = index.getOrDefault(anc, -1); // top-down order: parents come first
        }
        double[][] post = new Posterior(like, parent, types).fit();
        for (int i = 0; i < n; i++) {
            SweptBranch b = judged.get(buses.get(i));
            double max = 0;
            for (double p : post[i]) {
                max = Math.max(max, p);
            }
            List<TypeFit> fits = new ArrayList<>(types);
            for (TypeFit tf : b.typeFits()) {
                // floored so that a type of zero probability still has a finite cost for the choice
                double p = Math.max(post[i][tf.typeIndex()] / max, Double.MIN_NORMAL);
                fits.add(tf.withCost(-2 * Math.log(p)));
            }
            fits.sort(Comparator.comparing((TypeFit tf) -> !tf.fitsWell()).thenComparingDouble(TypeFit::cost)
                    .thenComparingInt(TypeFit::typeIndex));
            out.put(buses.get(i), new SweptBranch(b.fromBus(), b.toBus(), b.fit(), fits, b.signalRms(), b.usable(),
                    b.rejected()));
        }
        return out;
    }

    /**
     * Per type (by library index), the branch's cost in &chi;&sup2; units, smallest 0; null when it cannot
     * be formed (no residual variance).
     */
    private static double[] baseCosts(SweptBranch b, int types) {
        double[] c = new double[types];
        double var = b.fit().rmsResidual() * b.fit().rmsResidual();
        for (TypeFit tf : b.typeFits()) {
            double v = Double.isFinite(tf.cost()) ? tf.cost() : tf.fit().objective() / var;
            if (!Double.isFinite(v)) {
                return null;
            }
            c[tf.typeIndex()] = v;
        }
        double min = Arrays.stream(c).min().orElse(0);
        for (int k = 0; k < types; k++) {
            c[k] -= min;
        }
        return c;
    }

    /** The hidden Markov tree: upward&ndash;downward recursions and the EM over (&pi;, s). */
    static final class Posterior {
        private final List<double[]> like;
        private final int[] parent;
        private final int m;
        private final int n;
        private final List<List<Integer>> children;
        double[] pi;
        double s;

        Posterior(List<double[]> like, int[] parent, int types) {
            this.like = like;
            this.parent = parent;
            this.m = types;
            this.n = like.size();
            this.children = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                children.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                if (parent[i] >= 0) {
                    children.get(parent[i]).add(i);
                }
            }
            pi = new double[m];
            Arrays.fill(pi, 1.0 / m);
            s = 0.5;
        }

        /** Runs EM to convergence; returns the posterior marginals per branch (rows sum to 1). */
        double[][] fit() {
            double[][] gamma = null;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                double[] freshCount = new double[m];
                double[] inherit = new double[1];
                gamma = expectations(freshCount, inherit);
                int linked = 0;
                for (int p : parent) {
                    linked += p >= 0 ? 1 : 0;
                }
                double fresh = Arrays.stream(freshCount).sum();
                double move = 0;
                for (int k = 0; k < m; k++) {
                    double next = (freshCount[k] + JEFFREYS) / (fresh + JEFFREYS * m);
                    move = Math.max(move, Math.abs(next - pi[k]));
                    pi[k] = next;
                }
                double nextS = (inherit[0] + JEFFREYS) / (linked + 2 * JEFFREYS);
                move = Math.max(move, Math.abs(nextS - s));
                s = nextS;
                if (move < TOLERANCE) {
                    break;
                }
            }
            return expectations(new double[m], new double[1]);
        }

        /**
         * E step at the current (&pi;, s): the posterior marginals, and (added into the arrays) the
         * expected counts of fresh draws per type and of inherited types.
         */
        double[][] expectations(double[] freshCount, double[] inherit) {
            double[][] beta = new double[n][];
            double[][] msg = new double[n][]; // message from i to its parent, as a function of the parent's type
            for (int i = n - 1; i >= 0; i--) {
                double[] b = like.get(i).clone();
                for (int c : children.get(i)) {
                    for (int k = 0; k < m; k++) {
                        b[k] *= msg[c][k];
                    }
                }
                normalise(b);
                beta[i] = b;
                double mix = 0;
                for (int k = 0; k < m; k++) {
                    mix += pi[k] * b[k];
                }
                double[] up = new double[m];
                for (int j = 0; j < m; j++) {
                    up[j] = s * b[j] + (1 - s) * mix;
                }
                msg[i] = up;
            }
            double[][] outside = new double[n][];
            double[][] gamma = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] b = beta[i];
                if (parent[i] < 0) {
                    outside[i] = pi.clone();
                    double[] g = new double[m];
                    for (int k = 0; k < m; k++) {
                        g[k] = pi[k] * b[k];
                    }
                    normalise(g);
                    for (int k = 0; k < m; k++) {
                        freshCount[k] += g[k];
                    }
                    gamma[i] = g;
                    continue;
                }
                int p = parent[i];
                double[] q = new double[m]; // parent's type given everything outside i's subtree
                double qSum = 0;
                for (int j = 0; j < m; j++) {
                    q[j] = outside[p][j] * beta[p][j] / msg[i][j];
                    qSum += q[j];
                }
                double z = 0;
                double same = 0;
                for (int j = 0; j < m; j++) {
                    z += q[j] * msg[i][j];
                    same += q[j] * b[j];
                }
                inherit[0] += s * same / z;
                double[] o = new double[m];
                double mixOut = 0;
                for (int k = 0; k < m; k++) {
                    o[k] = s * q[k] + (1 - s) * pi[k] * qSum;
                    freshCount[k] += (1 - s) * pi[k] * b[k] * qSum / z;
                }
                normalise(o);
                outside[i] = o;
                double[] g = new double[m];
                for (int k = 0; k < m; k++) {
                    g[k] = o[k] * b[k];
                    mixOut += g[k];
                }
                for (int k = 0; k < m; k++) {
                    g[k] /= mixOut;
                }
                gamma[i] = g;
            }
            return gamma;
        }

        private static void normalise(double[] v) {
            double t = 0;
            for (double x : v) {
                t += x;
            }
            for (int k = 0; k < v.length; k++) {
                v[k] /= t;
            }
        }
    }
}

package io.gridid.topology;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Per edge of a finished search, the evidence for it against the trees that take it away, and the
 * confidence that follows. A move that takes the edge away (the child, with its subtree, re-hung on
 * one of its scanned candidate parents, its grandparent or one of its siblings:
 * {@link SubtreeMoves#deltas}, nothing applied; or a child of the child swapped with it, applied and
 * undone within a trial) raises the search's objective, the
 * total branch residual, by &Delta;; in units of 2&sigma;&sup2;, &sigma;&sup2; the median branch fit's
 * residual variance per reading, e = &Delta; / 2&sigma;&sup2; is the log-likelihood ratio of the tree
 * against that alternative under independent Gaussian residuals.
 *
 * <ul>
 * <li>Evidence: the smallest e over the edge's alternatives; negative where one fits better (a
 *     search stopped by its budget), NaN where no move takes the edge away.</li>
 * <li>Confidence: the edge's posterior share among itself and its alternatives,
 *     1 / (1 + &Sigma;_k exp(&minus;e_k / {@link #EVIDENCE_SCALE})), 1 without alternatives.</li>
 * </ul>
 *
 * <p>O((candidates + siblings) &middot; path length &middot; T) per bus, a few per cent of the search's own work.
 */
final class EdgeEvidence {
    /** Relative rounding of u in the fits' double arithmetic: the residual floor of exact data. */
    static final double ROUNDING = 1e-12;
    /**
     * How many log-likelihood units of the evidence count as one in the confidence: the evidence
     * overstates the ratio (a meter's noise enters its own fit and each child's, and the search chose
     * its tree on the same data), and on noisy data wrong edges reach evidence 10-30; with 16 an edge
     * needs evidence above about 70 against a single alternative for 0.99
     * (docs/decisions/014-edge-evidence.md).
     */
    static final double EVIDENCE_SCALE = 16;

    private EdgeEvidence() {
    }

    /**
     * @param evidence   per bus (its edge to its parent): log-likelihood ratio against the best alternative
     * @param confidence per bus: posterior share of its edge, in [0, 1]
     */
    record Weighed(double[] evidence, double[] confidence) {
    }

    /** The evidence and confidence per bus, from the current tree of {@code s}. */
    static Weighed of(SearchRun s) {
        FittedTree tree = s.tree;
        int n = tree.n;
        double[][] deltas = new double[n][];
        for (int j = 0; j < n; j++) {
            int[] targets = alternatives(s, j);
            deltas[j] = targets.length > 0 ? s.search.moves.deltas(j, targets) : new double[0];
        }
        double[][] swapped = new double[n][0]; // per bus: its children's swaps with it
        for (int j = 0; j < n; j++) {
            int p = tree.parent[j];
            if (p != tree.root) {
                double[] old = swapped[p];
                swapped[p] = Arrays.copyOf(old, old.length + 1);
                swapped[p][old.length] = swapDelta(tree, j);
            }
        }
        double noise = Math.max(residualVariance(tree), roundingVariance(s));
        double[] evidence = new double[n];
        double[] confidence = new double[n];
        for (int j = 0; j < n; j++) {
            double best = Double.POSITIVE_INFINITY;
            double others = 0;
            for (double[] list : new double[][] {deltas[j], swapped[j]}) {
                for (double d : list) {
                    double e = d / (2 * noise);
                    best = Math.min(best, e);
                    others += Math.exp(-e / EVIDENCE_SCALE);
                }
            }
            evidence[j] = best == Double.POSITIVE_INFINITY ? Double.NaN : best;
            confidence[j] = 1 / (1 + others);
        }
        return new Weighed(evidence, confidence);
    }

    /**
     * The parents j may take instead of its own: the candidates the local search tries, and its
     * grandparent and siblings (a wrong edge often hangs a bus one step off its true parent, which the
     * scan need not have kept).
     */
    private static int[] alternatives(SearchRun s, int j) {
        FittedTree tree = s.tree;
        int par = tree.parent[j];
        boolean rise = s.rule.mayRise(j);
        Set<Integer> out = new LinkedHashSet<>();
        for (int c : s.search.candidatesOf(j)) {
            out.add(c);
        }
        if (par != tree.root) {
            out.add(tree.parent[par]);
        }
        for (int c : tree.children.get(par)) {
            out.add(c);
        }
        return out.stream().mapToInt(Integer::intValue).filter(c -> c != par && c != j && s.rule.allowedParent(j, c, rise)).toArray();
    }

    /** The change of the total residual if j took its parent's place and the parent hung on j. */
    private static double swapDelta(FittedTree tree, int j) {
        double before = tree.totalRss();
        return tree.swapWithParent(j, Double.NEGATIVE_INFINITY) - before;
    }

    /**
     * The residual variance of exact data (kV<sup>4</sup>): u rounded to {@link #ROUNDING} of its mean, so that
     * noise-free data give large finite evidence rather than a division by zero.
     */
    private static double roundingVariance(SearchRun s) {
        double u = s.in.meanU(s.in.n > 0 ? 0 : s.in.root);
        return ROUNDING * ROUNDING * u * u;
    }

    /** Median over buses of the branch fit's residual variance per reading (kV<sup>4</sup>). */
    private static double residualVariance(FittedTree tree) {
        double[] v = new double[tree.n];
        for (int j = 0; j < tree.n; j++) {
            v[j] = tree.rss[j] / Math.max(1, tree.tCount - 3);
        }
        Arrays.sort(v);
        return v[tree.n / 2];
    }
}

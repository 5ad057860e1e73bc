package io.gridid.topology;

import java.util.Arrays;

/**
 * The local search on the total branch residual: sweeps over the buses in the start order and, for
 * each, tries in this order moving it with its subtree to one of its best alternative parents
 * ({@link SubtreeMoves}); inserting one of those alternatives between it and its parent (chains
 * whose order the greedy pass got wrong); swapping it with its parent. The first change that
 * lowers the total residual is kept. Sweeps repeat while they change the tree, up to
 * {@link PhysicsSearchOptions#maxRounds()}, within the {@link WorkBudget}. Each try costs
 * O(path length &middot; T) per candidate.
 */
final class LocalSearch {
    /**
     * With denoised parent rows, the local search also tries each bus's best this many candidate
     * parents on the measured rows: 2 was as good as all 5 where the noise leaves edges to decide,
     * at half the cost (docs/decisions/001-stage1-voltage-rise.md).
     */
    static final int MEASURED_ALTERNATIVES = 2;
    /** A change is kept when it lowers the total residual by more than this share: rounding is not a gain. */
    static final double MIN_RELATIVE_GAIN = 1e-12;
    /** Standard errors of the mean voltage difference within which two buses' order is undecided. */
    static final double NOISE_STANDARD_ERRORS = 3;

    private final SearchInputs in;
    private final FittedTree tree;
    private final VoltageRiseRule rule;
    private final ParentScan scan;
    final SubtreeMoves moves;
    private final PhysicsSearchOptions opt;
    /**
     * With denoised parent rows: each bus's best candidate parents on the measured rows (the first
     * pass's last scan), also tried. A denoised row whose linear fit misses the drop by as much as
     * the noise can push the true parent out of the denoised ranking, and then the move or
     * insertion that repairs the tree is never tried.
     */
    int[][] measuredAlternatives;

    LocalSearch(SearchInputs in, FittedTree tree, VoltageRiseRule rule, ParentScan scan, PhysicsSearchOptions opt) {
        this.in = in;
        this.tree = tree;
        this.rule = rule;
        this.scan = scan;
        this.opt = opt;
        this.moves = new SubtreeMoves(tree, opt);
    }

    /** Improves the tree while the total branch residual drops; returns the number of accepted changes. */
    int run() {
        WorkBudget budget = tree.budget;
        int changes = 0;
        for (int round = 0; round < opt.maxRounds(); round++) {
            int improved = 0;
            for (int k = 0; k < in.n; k++) {
                if (budget.spent()) {
                    return changes + improved;
                }
                long before = budget.fits();
                if (tryImprove(in.order[k])) {
                    improved++;
                }
                budget.chargeSearchSince(before);
            }
            changes += improved;
            if (improved == 0) {
                break;
            }
        }
        return changes;
    }

    /** The candidate parents the local search tries for j: the last scan's, then the measured rows' best not among them. */
    int[] candidatesOf(int j) {
        int[] a = scan.alternatives[j];
        if (measuredAlternatives == null || measuredAlternatives[j] == null) {
            return a;
        }
        int[] extra = measuredAlternatives[j];
        int take = Math.min(extra.length, MEASURED_ALTERNATIVES);
        int[] out = Arrays.copyOf(a, a.length + take);
        int m = a.length;
        for (int i0 = 0; i0 < take; i0++) {
            int c = extra[i0];
            boolean present = false;
            for (int i = 0; i < m; i++) {
                present |= out[i] == c;
            }
            if (!present) {
                out[m++] = c;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private boolean tryImprove(int j) {
        int par = tree.parent[j];
        double tolerance = MIN_RELATIVE_GAIN * Math.max(tree.rss[j], Double.MIN_NORMAL);
        int[] cands = candidatesOf(j);
        int[] targets = new int[cands.length];
        int m = 0;
        boolean rise = rule.mayRise(j);
        for (int cand : cands) {
            if (cand != par && rule.allowedParent(j, cand, rise)) {
                targets[m++] = cand;
            }
        }
        if (m > 0 && moves.improve(j, Arrays.copyOf(targets, m), tolerance)) {
            return true;
        }
        if (par == tree.root) {
            return false;
        }
        for (int cand : cands) {
            if (cand == par || cand == tree.root || tree.isAncestor(j, cand) || tree.isAncestor(cand, par)
                    || !(rule.anyParent || rise || rule.higher(cand, j))
                    || !(rule.anyParent || rule.mayRise(cand) || rule.higher(par, cand))) {
                continue;
            }
            if (tryInsertion(j, cand)) {
                return true;
            }
        }
        return trySwapWithParent(j);
    }

    /** j's parent p adopts m (moved from wherever it hung), and j hangs on m. */
    private boolean tryInsertion(int j, int m) {
        int p = tree.parent[j];
        int oldM = tree.parent[m];
        double before = tree.totalRss();
        tree.trial.begin();
        try {
            if (oldM != p) {
                tree.move(m, p);
            }
            tree.move(j, m);
            if (tree.totalRss() < before * (1 - MIN_RELATIVE_GAIN)) {
                return true;
            }
            tree.move(j, p);
            if (oldM != p) {
                tree.move(m, oldM);
            }
            return false;
        } finally {
            tree.trial.end();
        }
    }

    /**
     * j takes its parent's place and the parent hangs on j: tried when their mean voltages are
     * within noise or either branch may raise the voltage ({@link VoltageRiseRule#mayRise}).
     */
    private boolean trySwapWithParent(int j) {
        int p = tree.parent[j];
        if (p == tree.root || !(rule.anyParent || withinNoise(j, p) || rule.mayRise(p) || rule.mayRise(j))) {
            return false;
        }
        double keepBelow = tree.totalRss() * (1 - MIN_RELATIVE_GAIN);
        return tree.swapWithParent(j, keepBelow) < keepBelow;
    }

    /** Mean voltages of a and b differ by less than {@link #NOISE_STANDARD_ERRORS} standard errors of the mean difference. */
    private boolean withinNoise(int a, int b) {
        double[] da = in.d[a];
        double[] db = in.d[b];
        double s = 0;
        double s2 = 0;
        int count = 0;
        for (int t = 0; t < in.tCount; t++) {
            double v = da[t] - db[t];
            if (v == v) {
                s += v;
                s2 += v * v;
                count++;
            }
        }
        if (count == 0) {
            return true;
        }
        double mean = s / count;
        double var = Math.max(0, s2 / count - mean * mean);
        return Math.abs(mean) < NOISE_STANDARD_ERRORS * Math.sqrt(var / count);
    }
}

package io.gridid.topology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The move of a bus with its subtree to another parent, evaluated without applying it: the change
 * of the total residual is j's fit on the target minus its current one, plus, on the two paths
 * from j's parent and from the target up to their common ancestor, each branch refitted with j's
 * sending flow taken off (j's side) or added (the target's side). O(path length &middot; T) per move.
 * Fits whose inputs (as versions) are those of an earlier evaluation are remembered, and an
 * evaluation that found nothing is skipped while nothing it read has changed ({@link FailedMoves}).
 */
final class SubtreeMoves {
    private final FittedTree tree;
    private final PhysicsSearchOptions opt;
    private final int n;
    private final FailedMoves[] failed;   // per bus: its last move evaluation that found no better parent
    private final Map<Long, long[]> fitMemo = new HashMap<>(); // move-evaluation fits by what they read

    SubtreeMoves(FittedTree tree, PhysicsSearchOptions opt) {
        this.tree = tree;
        this.opt = opt;
        n = tree.n;
        failed = new FailedMoves[n];
    }

    /**
     * Applies the first of {@code targets}, in order, whose move of j lowers the total residual by
     * more than {@code tolerance}; false when none does (or when the same evaluation found none
     * before and nothing it reads has changed: its work is counted as it was).
     */
    boolean improve(int j, int[] targets, double tolerance) {
        FailedMoves last = failed[j];
        if (last != null && last.holds(targets, tree)) {
            tree.budget.count(last.fits); // the same evaluation and outcome: counted as it was
            return false;
        }
        return tryMoves(j, targets, tolerance);
    }

    /**
     * Evaluates moving j (with its subtree) to each of {@code targets} and applies the first, in
     * order, that lowers the total residual by more than {@code tolerance}. A branch on several
     * moves' paths is refitted once; the fits run concurrently when the options allow. The
     * arithmetic and the summation order are those of evaluating one move at a time, and the
     * work measure counts, as it always has, one fit for j's regressors and one per path fit
     * of every move up to the one applied: the result does not depend on the thread count.
     */
    private boolean tryMoves(int j, int[] targets, double tolerance) {
        Evaluation e = evaluate(j, targets);
        int m = targets.length;
        for (int i = 0; i < m; i++) {
            tree.budget.count(1 + e.pathFits[i]);
            if (e.delta[i] < -tolerance) {
                failed[j] = null;
                tree.move(j, targets[i]);
                return true;
            }
        }
        long counted = 0;
        for (int i = 0; i < m; i++) {
            counted += 1 + e.pathFits[i];
        }
        failed[j] = new FailedMoves(targets, e.read, tree, counted);
        return false;
    }

    /**
     * The change of the total residual (kV<sup>4</sup>) if j (with its subtree) moved to each of
     * {@code targets}, nothing applied and no work counted: the evidence of j's edge
     * ({@link EdgeEvidence}).
     */
    double[] deltas(int j, int[] targets) {
        return evaluate(j, targets).delta;
    }

    /**
     * Moves evaluated: per target the change of the total residual and the number of path fits it
     * took; the buses whose fits were read (j first).
     */
    private record Evaluation(double[] delta, int[] pathFits, int[] read) {
    }

    private Evaluation evaluate(int j, int[] targets) {
        int[] parent = tree.parent;
        double[] rss = tree.rss;
        boolean gaps = tree.in.gaps;
        int m = targets.length;
        int[][] losing = new int[m][];
        int[][] gaining = new int[m][];
        int[] slot = new int[2 * (n + 1)];   // fit index of (bus, side) + 1; side 0 losing, 1 gaining
        int[] fitBus = new int[m + 2 * n];
        int[] fitSide = new int[m + 2 * n];
        int fits = m; // the first m fits: j on each target
        for (int i = 0; i < m; i++) {
            int lca = tree.commonAncestor(parent[j], targets[i]);
            losing[i] = tree.pathTo(parent[j], lca);
            gaining[i] = tree.pathTo(targets[i], lca);
            for (int side = 0; side < 2; side++) {
                for (int b : side == 0 ? losing[i] : gaining[i]) {
                    int key = 2 * b + side;
                    if (slot[key] == 0) {
                        fitBus[fits] = b;
                        fitSide[fits] = side;
                        slot[key] = ++fits;
                    }
                }
            }
        }
        // a fit whose inputs (as versions) are those of an earlier one has its residual
        double[] after = new double[fits];
        long[][] inputs = new long[fits][];
        int[] todo = new int[fits];
        int missing = 0;
        boolean childMissing = false;
        boolean pathMissing = false;
        for (int f = 0; f < fits; f++) {
            inputs[f] = f < m ? new long[]{tree.recvVersion[j]}
                    : new long[]{tree.recvVersion[fitBus[f]], parent[fitBus[f]], tree.recvVersion[j], tree.fitVersion[j]};
            long[] known = gaps ? null : fitMemo.get(memoKey(j, f < m ? targets[f] : fitBus[f], f < m ? 2 : fitSide[f]));
            if (known != null && Arrays.equals(known, 0, known.length - 1, inputs[f], 0, inputs[f].length)) {
                after[f] = Double.longBitsToDouble(known[known.length - 1]);
            } else {
                todo[missing++] = f;
                childMissing |= f < m;
                pathMissing |= f >= m;
            }
        }
        BranchFits branchFits = tree.fits;
        if (childMissing) {
            branchFits.regressors(j, branchFits.main);
        }
        if (pathMissing) {
            tree.sent(j);
        }
        double[] sendP = tree.sentP[j];
        double[] sendQ = tree.sentQ[j];
        IntConsumer fitOne = i -> {
            int f = todo[i];
            double[] hk = new double[3];
            double[] out = new double[4];
            if (f < m) {
                after[f] = branchFits.childFit(j, targets[f], branchFits.main, hk, out);
            } else {
                branchFits.branchFitInto(fitBus[f], sendP, sendQ, fitSide[f] == 0 ? -1 : +1, new double[6], hk, out);
                after[f] = out[3];
            }
        };
        if (opt.parallel() && missing > 1) {
            IntStream.range(0, missing).parallel().forEach(fitOne);
        } else {
            for (int i = 0; i < missing; i++) {
                fitOne.accept(i);
            }
        }
        if (!gaps) {
            if (fitMemo.size() > InputVersions.MEMO_LIMIT) {
                fitMemo.clear();
            }
            for (int i = 0; i < missing; i++) {
                int f = todo[i];
                long[] entry = Arrays.copyOf(inputs[f], inputs[f].length + 1);
                entry[entry.length - 1] = Double.doubleToRawLongBits(after[f]);
                fitMemo.put(memoKey(j, f < m ? targets[f] : fitBus[f], f < m ? 2 : fitSide[f]), entry);
            }
        }
        double[] delta = new double[m];
        int[] pathFits = new int[m];
        for (int i = 0; i < m; i++) {
            double d = after[i] - rss[j];
            for (int b : losing[i]) {
                d += after[slot[2 * b] - 1] - rss[b];
            }
            for (int b : gaining[i]) {
                d += after[slot[2 * b + 1] - 1] - rss[b];
            }
            delta[i] = d;
            pathFits[i] = losing[i].length + gaining[i].length;
        }
        int[] read = new int[fits - m + 1];
        read[0] = j;
        System.arraycopy(fitBus, m, read, 1, fits - m);
        return new Evaluation(delta, pathFits, read);
    }

    /**
     * Key of a move-evaluation fit: j on candidate parent k (kind 2), or branch k with j's
     * sending flow taken off (kind 0) or added (kind 1).
     */
    private long memoKey(int j, int k, int kind) {
        return ((long) k * (n + 1) + j) * 3 + kind;
    }
}

package io.gridid.topology;

import io.gridid.solvers.linear.GramSums;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The scoring of a bus's parent choice: ranks its candidate parents by the residual of its branch
 * fit on each and keeps the best few as the local search's alternatives (and the edge's, for its
 * {@link EdgeEvidence}). With many candidates they are first ranked on the screening subsample and
 * only the best are fitted on all intervals: O(n T_screen + T) per bus.
 */
final class ParentScan {
    /** Candidate parents per parallel task (a multiple of 4: they are fitted four at a time). */
    private static final int CANDIDATE_BLOCK = 64;
    /** Candidate-intervals below which one bus's candidates are fitted on the calling thread (fork cost). */
    static final long PARALLEL_WORK = 1L << 16;
    /** Candidates the screening passes on at the least, so that a small {@code candidates} still leaves a choice. */
    private static final int MIN_SCREENED = 8;

    private final SearchInputs in;
    private final FittedTree tree;
    private final VoltageRiseRule rule;
    private final PhysicsSearchOptions opt;
    private final int n;
    private final int tCount;
    /** Best candidate parents of each bus, from its last scan. */
    final int[][] alternatives;
    private final int[] scannedFlow;      // per bus: the flow version and parent of its last scan
    private final int[] scannedParent;
    /** While the greedy start runs: candidate parents are the buses not yet attached (above in the start order). */
    boolean greedy;

    ParentScan(SearchInputs in, FittedTree tree, VoltageRiseRule rule, PhysicsSearchOptions opt) {
        this.in = in;
        this.tree = tree;
        this.rule = rule;
        this.opt = opt;
        n = in.n;
        tCount = in.tCount;
        alternatives = new int[n][];
        scannedFlow = new int[n];
        scannedParent = new int[n];
        Arrays.fill(scannedFlow, -1);
    }

    /** Forgets every bus's last scan: the next scan of each is made again (wider candidates). */
    void forget() {
        Arrays.fill(scannedFlow, -1);
    }

    /**
     * Ranks the candidate parents of j (the root and the buses outside j's subtree that may feed
     * it; during the greedy start, the buses above j in the start order) by residual;
     * keeps the best in {@link #alternatives}. They depend only on j's flow and parent (without
     * gaps): not scanned again while those are the ones of its last scan.
     */
    void scan(int j, ScanWork w) {
        if (!in.gaps && scannedFlow[j] == tree.recvVersion[j] && scannedParent[j] == tree.parent[j]) {
            return; // the same flow and parent as at j's last scan: the same ranking
        }
        int[] cand = greedy ? busesAbove(j) : busesOutsideSubtree(j, rule.anyParent || rule.mayRise(j), w);
        int candCount = cand.length;
        int keep = Math.max(2 * opt.candidates(), MIN_SCREENED);
        tree.fits.regressors(j, w);
        if (in.stride > 1 && candCount > keep) {
            cand = screen(j, cand, keep, w);
        }
        double[] res = new double[cand.length];
        if (in.gaps) {
            for (int k = 0; k < cand.length; k++) {
                tree.fits.fitOn(j, cand[k], w);
                res[k] = w.fit[3];
            }
        } else {
            candidateResiduals(in.d[j], in.pd, cand, w.wa, w.wb, w.wc, tCount, new BranchResidual.Factored(w.g), res);
        }
        int[] ranked = byResidual(cand, res, Math.min(opt.candidates(), cand.length));
        alternatives[j] = ranked;
        scannedFlow[j] = tree.recvVersion[j];
        scannedParent[j] = tree.parent[j];
    }

    /** The first {@code m} candidates by residual, ties by bus index. */
    private static int[] byResidual(int[] cand, double[] res, int m) {
        Integer[] idx = new Integer[cand.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(k -> res[k]).thenComparingInt(k -> cand[k]));
        int[] best = new int[m];
        for (int k = 0; k < m; k++) {
            best[k] = cand[idx[k]];
        }
        return best;
    }

    /**
     * Residual sums of squares of one bus's fit (target dj, regressors a, b, c over the first
     * {@code len} intervals, their Gram factored) on each candidate parent's drop row
     * {@code rows[cand[k]]}, into {@code res[k]}. Four candidates share one pass over the
     * regressors; blocks of candidates run in parallel when the work is large and the options
     * allow it. Each residual is computed with the same arithmetic in the same order either
     * way, so the result does not depend on the thread count.
     */
    private void candidateResiduals(double[] dj, double[][] rows, int[] cand, double[] a, double[] b,
                                    double[] c, int len, BranchResidual.Factored factored, double[] res) {
        int blocks = (cand.length + CANDIDATE_BLOCK - 1) / CANDIDATE_BLOCK;
        IntConsumer block = k -> {
            int from = k * CANDIDATE_BLOCK;
            int to = Math.min(cand.length, from + CANDIDATE_BLOCK);
            double[] h4 = new double[16];
            double[] hk = new double[3];
            double[] out = new double[4];
            for (int c0 = from; c0 < to; c0 += 4) {
                int m = Math.min(4, to - c0);
                if (m == 4) {
                    DropProducts.crossProducts4(dj, rows[cand[c0]], rows[cand[c0 + 1]], rows[cand[c0 + 2]],
                            rows[cand[c0 + 3]], a, b, c, len, h4);
                } else {
                    for (int i = 0; i < m; i++) {
                        h4[4 * i + 3] = DropProducts.crossProducts(dj, rows[cand[c0 + i]], a, b, c, len, hk);
                        System.arraycopy(hk, 0, h4, 4 * i, 3);
                    }
                }
                for (int i = 0; i < m; i++) {
                    System.arraycopy(h4, 4 * i, hk, 0, 3);
                    factored.solve(hk, h4[4 * i + 3], out);
                    res[c0 + i] = out[3];
                }
            }
        };
        if (opt.parallel() && blocks > 1 && (long) cand.length * len >= PARALLEL_WORK) {
            IntStream.range(0, blocks).parallel().forEach(block);
        } else {
            for (int k = 0; k < blocks; k++) {
                block.accept(k);
            }
        }
    }

    /** The {@code keep} candidates with the smallest residual on the interval subsample (and j's parent). */
    private int[] screen(int j, int[] cand, int keep, ScanWork w) {
        int tSub = in.tSub;
        int stride = in.stride;
        double[] wa = w.wa;
        double[] wb = w.wb;
        double[] wc = w.wc;
        double[] as = new double[tSub];
        double[] bs = new double[tSub];
        double[] cs = new double[tSub];
        double[] dj = in.dSub[j];
        if (in.gaps) {
            dj = new double[tSub];
            for (int k = 0; k < tSub; k++) {
                dj[k] = tree.dEff[j][k * stride];
            }
        }
        for (int k = 0; k < tSub; k++) {
            int t = k * stride;
            as[k] = wa[t];
            bs[k] = wb[t];
            cs[k] = wc[t];
        }
        double[] gs = new double[6];
        GramSums.of(as, bs, cs, tSub).gramInto(gs);
        double[] res = new double[cand.length];
        if (in.gaps) {
            double[] hs = new double[3];
            double[] out = new double[4];
            for (int c = 0; c < cand.length; c++) {
                BranchFits.fitWithGaps(dj, in.pdSub[cand[c]], as, bs, cs, tSub, gs, hs, out);
                res[c] = out[3];
            }
        } else {
            candidateResiduals(dj, in.pdSub, cand, as, bs, cs, tSub, new BranchResidual.Factored(gs), res);
        }
        int m = Math.min(keep, cand.length);
        int[] best = byResidual(cand, res, m);
        int par = tree.parent[j];
        boolean parentIn = false;
        for (int k = 0; k < m; k++) {
            parentIn |= best[k] == par;
        }
        if (par >= 0 && !parentIn) {
            best = Arrays.copyOf(best, m + 1);
            best[m] = par;
        }
        return best;
    }

    /** The buses above j in the start order, then the root: the greedy start's candidates. */
    private int[] busesAbove(int j) {
        int first = in.pos[j] + 1;
        int[] cand = new int[n - first + 1];
        for (int k = 0; k < cand.length - 1; k++) {
            cand[k] = in.order[first + k];
        }
        cand[cand.length - 1] = in.root;
        return cand;
    }

    /**
     * Every bus outside j's subtree that may feed it (of higher mean voltage, or any when the
     * branch into j may raise the voltage), in the start order, then the root: O(n).
     */
    private int[] busesOutsideSubtree(int j, boolean rise, ScanWork w) {
        int mark = ++w.markCounter;
        int[] stack = w.stack;
        int top = 0;
        stack[top++] = j;
        int inside = 0;
        while (top > 0) {
            int v = stack[--top];
            w.mark[v] = mark;
            inside++;
            for (int c : tree.children.get(v)) {
                stack[top++] = c;
            }
        }
        int[] cand = new int[n - inside + 1];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int b = in.order[k];
            if (w.mark[b] != mark && (rise || rule.higher(b, j))) {
                cand[m++] = b;
            }
        }
        cand[m++] = in.root;
        return Arrays.copyOf(cand, m);
    }
}

package io.gridid.topology;

import io.gridid.model.BranchEquation;
import io.gridid.solvers.linear.GramSums;

/**
 * Branch fits of one bus on a candidate parent with the bus's current flow (the tree's
 * {@link FittedTree}): the regressors a = 2P', b = 2Q', c = the squared-current term over T
 * intervals and their Gram sums (O(T)), then per parent the cross products with the drop
 * ({@link DropProducts}, O(T)) and the 3-unknown non-negative least squares ({@link BranchResidual},
 * O(1)). With gaps, intervals where the child's target or the parent's drop is missing are left
 * out and the residual is scaled to T.
 */
final class BranchFits {
    private final SearchInputs in;
    private final FittedTree tree;
    private final int tCount;
    /** The work arrays of the sequential parts. */
    final ScanWork main;
    /** Per thread: a branch fit's loss terms, one per interval. */
    private final ThreadLocal<double[]> lossTerms;

    BranchFits(SearchInputs in, FittedTree tree) {
        this.in = in;
        this.tree = tree;
        tCount = in.tCount;
        int intervals = tCount;
        lossTerms = ThreadLocal.withInitial(() -> new double[intervals]);
        main = new ScanWork(tCount, in.n);
    }

    /**
     * Fills wa, wb, wc with the regressors of bus j (its receiving flow) and g with their Gram
     * sums; rows where j's target is left out (gaps) are zero, and add nothing to the sums.
     */
    void regressors(int j, ScanWork w) {
        double[] wa = w.wa;
        double[] wb = w.wb;
        double[] wc = w.wc;
        double[] rp = tree.recvP[j];
        double[] rq = tree.recvQ[j];
        double[] dj = in.dFill[j];
        double[] rootU = in.rootU;
        // the regressors in a loop of their own (vectorised by the JIT, divisions included), then
        // their sums in interval order (the same values as computed inline)
        for (int t = 0; t < tCount; t++) {
            wa[t] = BranchEquation.resistanceRegressor(rp[t]);
            wb[t] = BranchEquation.reactanceRegressor(rq[t]);
            wc[t] = BranchEquation.squaredCurrentTerm(rp[t], rq[t], rootU[t] - dj[t]);
        }
        if (in.gaps) {
            double[] ej = tree.dEff[j];
            for (int t = 0; t < tCount; t++) {
                if (ej[t] != ej[t]) {
                    wa[t] = 0;
                    wb[t] = 0;
                    wc[t] = 0;
                }
            }
        }
        GramSums.of(wa, wb, wc, tCount).gramInto(w.g);
    }

    /** Residual of bus j hanging on k, with the regressors currently in w's wa/wb/wc and g; result in w.fit. */
    void fitOn(int j, int k, ScanWork w) {
        childFit(j, k, w, w.h, w.fit);
    }

    /** Residual of j's fit on parent k, with j's regressors in w (not modified); uses hk, out. */
    double childFit(int j, int k, ScanWork w, double[] hk, double[] out) {
        if (in.gaps) {
            fitWithGaps(tree.dEff[j], in.pd[k], w.wa, w.wb, w.wc, tCount, w.g, hk, out);
        } else {
            double yy = DropProducts.crossProducts(in.d[j], in.pd[k], w.wa, w.wb, w.wc, tCount, hk);
            BranchResidual.solve(w.g, hk, yy, out);
        }
        return out[3];
    }

    /**
     * The fit of target dj on parent row dk over the first {@code len} intervals, with regressors
     * a, b, c and their Gram sums {@code gram} over all of them (not modified), leaving out the
     * intervals where dj or dk is NaN; h receives the cross products, out r, x, w and the residual
     * per interval scaled to len.
     */
    static void fitWithGaps(double[] dj, double[] dk, double[] a, double[] b, double[] c, int len, double[] gram,
                            double[] h, double[] out) {
        double[] missing = new double[7];
        double yy = DropProducts.crossProductsWithGaps(dj, dk, a, b, c, len, h, missing);
        double[] ge = new double[6];
        for (int k = 0; k < 6; k++) {
            ge[k] = gram[k] - missing[k];
        }
        BranchResidual.solve(ge, h, yy, out);
        perInterval(out, missing[6], len);
    }

    /**
     * With gaps, candidates are fitted on different intervals (each parent misses its own):
     * their residual sums are compared per interval, scaled to T, or a parent with more gaps
     * would win for having fewer terms.
     */
    private static void perInterval(double[] out, double used, int tCount) {
        if (used != tCount) {
            out[3] = used > 0 ? out[3] * tCount / used : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The fit of bus j on its current parent with sign &middot; extra added to its flow, in one
     * pass (same arithmetic, in the same order, as {@link #regressors} then {@link #fitOn}),
     * into caller-owned arrays (gram: 6, hv: 3, out: 4); counts no fit. Intervals where j's
     * target or its parent's drop is missing (gaps) are left out.
     */
    void branchFitInto(int j, double[] extraP, double[] extraQ, double sign, double[] gram, double[] hv,
                       double[] out) {
        double[] rp = tree.recvP[j];
        double[] rq = tree.recvQ[j];
        double[] fj = in.dFill[j];
        double[] ej = tree.dEff[j];
        double[] dk = in.pd[tree.parent[j]];
        double[] rootU = in.rootU;
        // the loss terms first, in a loop of its own: without the sums' dependence the JIT
        // vectorises it, divisions included (the same values as computed inline)
        double[] cs = lossTerms.get();
        if (extraP != null) {
            for (int t = 0; t < tCount; t++) {
                cs[t] = BranchEquation.squaredCurrentTerm(rp[t] + sign * extraP[t], rq[t] + sign * extraQ[t],
                        rootU[t] - fj[t]);
            }
        } else {
            for (int t = 0; t < tCount; t++) {
                cs[t] = BranchEquation.squaredCurrentTerm(rp[t], rq[t], rootU[t] - fj[t]);
            }
        }
        GramSums sums = new GramSums();
        int used = 0;
        for (int t = 0; t < tCount; t++) {
            double y = ej[t] - dk[t];
            if (y != y) {
                continue;
            }
            used++;
            double pp = rp[t];
            double qq = rq[t];
            if (extraP != null) {
                pp += sign * extraP[t];
                qq += sign * extraQ[t];
            }
            double a = BranchEquation.resistanceRegressor(pp);
            double b = BranchEquation.reactanceRegressor(qq);
            sums.add(a, b, cs[t], y);
        }
        sums.gramInto(gram);
        sums.crossInto(hv);
        BranchResidual.solve(gram, hv, sums.yy(), out);
        perInterval(out, used, tCount);
    }
}

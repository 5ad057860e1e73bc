package io.gridid.topology;

import io.gridid.solvers.linear.GramSums;

/**
 * The right-hand sides of candidate branch fits: the cross products of a child's regressors
 * (a = 2P', b = 2Q', c = the squared-current term) with the squared-voltage drop y = d_child &minus;
 * d_parent, the inner loop of the physics search. One pass over the intervals each, O(T), no
 * allocation; every sum is taken in interval order, so the three forms give the same bits.
 */
final class DropProducts {
    private DropProducts() {
    }

    /**
     * {@link #crossProducts} where NaN marks a left-out interval (child target or parent drop
     * missing): such rows add to {@code missingGram} (the Gram entries aa, ab, ac, bb, bc, cc
     * of the rows to subtract) instead of h and the sum of squares; {@code missingGram[6]} gets
     * the number of rows used.
     */
    static double crossProductsWithGaps(double[] dj, double[] dk, double[] a, double[] b, double[] c, int n,
                                        double[] h, double[] missingGram) {
        GramSums used = new GramSums();
        GramSums missing = new GramSums();
        int valid = 0;
        for (int t = 0; t < n; t++) {
            double y = dj[t] - dk[t];
            if (y == y) {
                valid++;
                used.addCross(a[t], b[t], c[t], y);
            } else {
                missing.add(a[t], b[t], c[t]);
            }
        }
        used.crossInto(h);
        missing.gramInto(missingGram);
        missingGram[6] = valid;
        return used.yy();
    }

    /**
     * {@link #crossProducts} for four candidate parents in one pass over the regressors; candidate
     * i's h goes to {@code out[4i..4i+2]} and its &Sigma;y&sup2; to {@code out[4i+3]}, each summed in
     * the same order as {@link #crossProducts} does (bit-identical results). Four {@link GramSums}
     * in one loop cost the same CPU time as the hand-unrolled sums they replace (stage 1 on
     * random:300 a year hourly, docs/decisions/010-one-gram-accumulator.md).
     */
    static void crossProducts4(double[] dj, double[] d0, double[] d1, double[] d2, double[] d3, double[] a,
                               double[] b, double[] c, int n, double[] out) {
        GramSums s0 = new GramSums();
        GramSums s1 = new GramSums();
        GramSums s2 = new GramSums();
        GramSums s3 = new GramSums();
        for (int t = 0; t < n; t++) {
            double at = a[t];
            double bt = b[t];
            double ct = c[t];
            double jt = dj[t];
            s0.addCross(at, bt, ct, jt - d0[t]);
            s1.addCross(at, bt, ct, jt - d1[t]);
            s2.addCross(at, bt, ct, jt - d2[t]);
            s3.addCross(at, bt, ct, jt - d3[t]);
        }
        into(s0, out, 0);
        into(s1, out, 4);
        into(s2, out, 8);
        into(s3, out, 12);
    }

    private static void into(GramSums s, double[] out, int at) {
        out[at] = s.ay();
        out[at + 1] = s.by();
        out[at + 2] = s.cy();
        out[at + 3] = s.yy();
    }

    /**
     * The right-hand side of a candidate branch fit: with y = dj − dk (the squared-voltage drop
     * from candidate parent to child, kV&sup2;) over the first {@code n} intervals, sets
     * h = (&Sigma;a&middot;y, &Sigma;b&middot;y, &Sigma;c&middot;y) and returns &Sigma;y&sup2;.
     * One pass, no allocation: the inner loop of the search.
     */
    static double crossProducts(double[] dj, double[] dk, double[] a, double[] b, double[] c, int n, double[] h) {
        GramSums sums = new GramSums();
        for (int t = 0; t < n; t++) {
            sums.addCross(a[t], b[t], c[t], dj[t] - dk[t]);
        }
        sums.crossInto(h);
        return sums.yy();
    }
}

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
     * the same order as {@link #crossProducts} does (bit-identical results).
     */
    static void crossProducts4(double[] dj, double[] d0, double[] d1, double[] d2, double[] d3, double[] a,
                               double[] b, double[] c, int n, double[] out) {
        double a0 = 0, b0 = 0, c0 = 0, s0 = 0;
        double a1 = 0, b1 = 0, c1 = 0, s1 = 0;
        double a2 = 0, b2 = 0, c2 = 0, s2 = 0;
        double a3 = 0, b3 = 0, c3 = 0, s3 = 0;
        for (int t = 0; t < n; t++) {
            double at = a[t];
            double bt = b[t];
            double ct = c[t];
            double jt = dj[t];
            double y0 = jt - d0[t];
            double y1 = jt - d1[t];
            double y2 = jt - d2[t];
            double y3 = jt - d3[t];
            a0 += at * y0;
            b0 += bt * y0;
            c0 += ct * y0;
            s0 += y0 * y0;
            a1 += at * y1;
            b1 += bt * y1;
            c1 += ct * y1;
            s1 += y1 * y1;
            a2 += at * y2;
            b2 += bt * y2;
            c2 += ct * y2;
            s2 += y2 * y2;
            a3 += at * y3;
            b3 += bt * y3;
            c3 += ct * y3;
            s3 += y3 * y3;
        }
        out[0] = a0;
        out[1] = b0;
        out[2] = c0;
        out[3] = s0;
        out[4] = a1;
        out[5] = b1;
        out[6] = c1;
        out[7] = s1;
        out[8] = a2;
        out[9] = b2;
        out[10] = c2;
        out[11] = s2;
        out[12] = a3;
        out[13] = b3;
        out[14] = c3;
        out[15] = s3;
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

package io.gridid.solvers.linear;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GramSumsTest {
    @Test
    void sumsTwoRowsByHand() {
        // rows (a, b, c, y) = (1, 2, 3, 4) and (5, 6, 7, 8): small integers, every sum exact
        GramSums s = new GramSums();
        s.add(1, 2, 3, 4);
        s.add(5, 6, 7, 8);
        double[] g = new double[6];
        s.gramInto(g);
        assertArrayEquals(new double[] {1 + 25, 2 + 30, 3 + 35, 4 + 36, 6 + 42, 9 + 49}, g);
        double[] h = new double[3];
        s.crossInto(h);
        assertArrayEquals(new double[] {4 + 40, 8 + 48, 12 + 56}, h);
        assertEquals(16 + 64, s.yy());
        assertArrayEquals(new double[][] {{13, 16, 19}, {16, 20, 24}, {19, 24, 29}}, s.matrix(0.5));
        assertArrayEquals(new double[] {22, 28, 34}, s.cross(0.5));
    }

    @Test
    void weightsMultiplyEachRowAndWeightOneAddsTheSameBits() {
        GramSums weighted = new GramSums();
        weighted.addWeighted(2, 1, 2, 3);
        assertArrayEquals(new double[][] {{2, 4, 6}, {4, 8, 12}, {6, 12, 18}}, weighted.matrix(1));
        double[] a = {0.1, 0.7, 1e-3}, b = {0.3, 1.1, 2.5e-2}, c = {1e-4, 3e-3, 7e-5};
        GramSums plain = GramSums.of(a, b, c, 3);
        GramSums one = new GramSums();
        for (int t = 0; t < 3; t++) {
            one.addWeighted(1, a[t], b[t], c[t]);
        }
        assertArrayEquals(plain.matrix(1), one.matrix(1));
    }

    @Test
    void crossProductsAloneLeaveTheGramAtZero() {
        GramSums s = new GramSums();
        s.addCross(1, 2, 3, 4);
        assertArrayEquals(new double[] {4, 8, 12}, s.cross(1));
        assertEquals(16, s.yy());
        assertArrayEquals(new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}, s.matrix(1));
    }
}

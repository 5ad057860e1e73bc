package io.gridid.topology;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DropProductsTest {
    @Test
    void crossProductsOfAHandCase() {
        // y = dj - dk = (2, 3): h = (1*2 + 2*3, 0*2 + 1*3, 2*2 + 0*3) = (8, 3, 4), sum y^2 = 13
        double[] h = new double[3];
        double yy = DropProducts.crossProducts(new double[]{3, 5}, new double[]{1, 2}, new double[]{1, 2},
                new double[]{0, 1}, new double[]{2, 0}, 2, h);
        assertArrayEquals(new double[]{8, 3, 4}, h);
        assertEquals(13, yy);
    }

    @Test
    void aMissingIntervalGoesToTheGramToSubtract() {
        // the second interval's parent drop is missing: it adds a, b, c = (2, 1, 0) to the Gram entries
        // aa, ab, ac, bb, bc, cc = (4, 2, 0, 1, 0, 0) and leaves h = (1*2, 0*2, 2*2) = (2, 0, 4), sum y^2 = 4
        double[] h = new double[3];
        double[] missing = new double[7];
        double yy = DropProducts.crossProductsWithGaps(new double[]{3, 5}, new double[]{1, Double.NaN},
                new double[]{1, 2}, new double[]{0, 1}, new double[]{2, 0}, 2, h, missing);
        assertArrayEquals(new double[]{2, 0, 4}, h);
        assertEquals(4, yy);
        assertArrayEquals(new double[]{4, 2, 0, 1, 0, 0, 1}, missing);
    }

    @Test
    void fourCandidatesAtOnceGiveTheBitsOfOneAtATime() {
        SplittableRandom rnd = new SplittableRandom(5);
        int len = 1001;
        double[][] rows = new double[5][len];
        double[] a = new double[len];
        double[] b = new double[len];
        double[] c = new double[len];
        for (int t = 0; t < len; t++) {
            for (double[] row : rows) {
                row[t] = rnd.nextDouble(-1, 1);
            }
            a[t] = rnd.nextDouble(-1, 1);
            b[t] = rnd.nextDouble(-1, 1);
            c[t] = rnd.nextDouble(0, 1e-3);
        }
        double[] four = new double[16];
        DropProducts.crossProducts4(rows[0], rows[1], rows[2], rows[3], rows[4], a, b, c, len, four);
        double[] h = new double[3];
        for (int i = 0; i < 4; i++) {
            double yy = DropProducts.crossProducts(rows[0], rows[i + 1], a, b, c, len, h);
            assertArrayEquals(h, new double[]{four[4 * i], four[4 * i + 1], four[4 * i + 2]}, 0.0);
            assertEquals(Double.doubleToRawLongBits(yy), Double.doubleToRawLongBits(four[4 * i + 3]));
        }
    }
}

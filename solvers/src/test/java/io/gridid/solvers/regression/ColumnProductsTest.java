package io.gridid.solvers.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The products against EJML's on row-major copies of the same columns: equal bit for bit (the
 * same sums in the same order), which keeps stage 1's denoised drop rows, and so the searches that
 * use them, exactly as they were with EJML's products.
 */
class ColumnProductsTest {
    /** 2n + 2 = 102 left columns (EJML's reorder kernels from 100 columns on), 50 more to the right. */
    private static final int BUSES = 50;
    private static final int LEFT = 2 * BUSES + 2;
    /**
     * Several transposed chunks of the sums (431 intervals each at these 152 columns) and blocks of
     * the combination (512), neither a multiple, and a remainder of the four-interval steps.
     */
    private static final int INTERVALS = 2171;

    private final double[][] columns = new double[LEFT + BUSES][INTERVALS];
    private final DMatrixRMaj z = new DMatrixRMaj(INTERVALS, LEFT);
    private final DMatrixRMaj y = new DMatrixRMaj(INTERVALS, BUSES);

    ColumnProductsTest() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int c = 0; c < columns.length; c++) {
            for (int t = 0; t < INTERVALS; t++) {
                double v = rnd.nextDouble() - 0.5;
                columns[c][t] = v;
                if (c < LEFT) {
                    z.set(t, c, v);
                } else {
                    y.set(t, c - LEFT, v);
                }
            }
        }
    }

    @Test
    void sumsOfProductsEqualEjmlsInnerAndTransposedProductsBitForBit() {
        DMatrixRMaj gram = new DMatrixRMaj(LEFT, LEFT);
        CommonOps_DDRM.multInner(z, gram);
        DMatrixRMaj rhs = new DMatrixRMaj(LEFT, BUSES);
        CommonOps_DDRM.multTransA(z, y, rhs);
        for (boolean parallel : new boolean[]{false, true}) {
            double[][] s = ColumnProducts.upper(columns, LEFT, parallel);
            for (int i = 0; i < LEFT; i++) {
                assertEquals(columns.length - i, s[i].length);
                for (int j = i; j < LEFT; j++) {
                    assertEquals(gram.get(i, j), s[i][j - i], 0.0, "gram " + i + "," + j);
                }
                for (int m = 0; m < BUSES; m++) {
                    assertEquals(rhs.get(i, m), s[i][LEFT + m - i], 0.0, "z'y " + i + "," + m);
                }
            }
        }
    }

    @Test
    void combinationEqualsEjmlsProductPlusTheOffsetBitForBit() {
        // an even count (outputs two at a time) and an odd one (the last output paired with itself)
        for (int outputs : new int[]{BUSES, BUSES - 1}) {
            SplittableRandom rnd = new SplittableRandom(12);
            DMatrixRMaj b = new DMatrixRMaj(LEFT, outputs);
            for (int k = 0; k < b.data.length; k++) {
                b.data[k] = rnd.nextDouble() - 0.5;
            }
            double[] offset = new double[outputs];
            for (int m = 0; m < outputs; m++) {
                offset[m] = 10 * rnd.nextDouble();
            }
            DMatrixRMaj product = new DMatrixRMaj(INTERVALS, outputs);
            CommonOps_DDRM.mult(z, b, product);
            for (boolean parallel : new boolean[]{false, true}) {
                double[][] out = new double[outputs][INTERVALS];
                ColumnProducts.combine(columns, LEFT, b.data, offset, out, parallel);
                for (int m = 0; m < outputs; m++) {
                    for (int t = 0; t < INTERVALS; t++) {
                        assertEquals(offset[m] + product.get(t, m), out[m][t], 0.0,
                                outputs + " outputs: output " + m + " t " + t);
                    }
                }
            }
        }
    }

    @Test
    void anOddNumberOfLeftColumnsAndShortSeriesGiveTheSumsInIntervalOrder() {
        SplittableRandom rnd = new SplittableRandom(13);
        // 7 left columns (the last row has no pair partner), 2 more; T = 1, 3 (fewer than one
        // unrolled step) and 4099 (several chunks, a remainder of the four-interval steps)
        for (int intervals : new int[]{1, 3, 4099}) {
            double[][] a = new double[9][intervals];
            for (double[] c : a) {
                for (int t = 0; t < intervals; t++) {
                    c[t] = rnd.nextDouble() - 0.5;
                }
            }
            for (boolean parallel : new boolean[]{false, true}) {
                double[][] s = ColumnProducts.upper(a, 7, parallel);
                for (int i = 0; i < 7; i++) {
                    for (int j = i; j < a.length; j++) {
                        double sum = a[i][0] * a[j][0];
                        for (int t = 1; t < intervals; t++) {
                            sum += a[i][t] * a[j][t];
                        }
                        assertEquals(sum, s[i][j - i], 0.0, "T " + intervals + " entry " + i + "," + j);
                    }
                }
            }
        }
    }
}

package io.gridid.solvers.linear;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearSystem3Test {
    /** Round-off of a 3x3 elimination on entries of order 1-10. */
    private static final double EXACT = 1e-12;

    @Test
    void solvesAHandWorkedSystem() {
        // [[4, 2, 0], [2, 5, 1], [0, 1, 3]] z = (6, 8, 4) has z = (1, 1, 1)
        double[][] g = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
        assertArrayEquals(new double[] {1, 1, 1}, LinearSystem3.solve(g, new double[] {6, 8, 4}, 0), EXACT);
        LinearSystem3 f = LinearSystem3.factor(g, 3, 0);
        assertTrue(f.regular());
        double[] z = new double[3];
        f.solve(new double[] {4, 2, 0}, z); // the first column: z = e1
        assertArrayEquals(new double[] {1, 0, 0}, z, EXACT);
        assertArrayEquals(new double[][] {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}}, g); // not modified
    }

    @Test
    void pivotsRowsAndSolvesTwoByTwo() {
        // [[0, 1], [2, 0]] needs a row swap: z = (3 / 2, 5) for (5, 3)
        assertArrayEquals(new double[] {1.5, 5}, LinearSystem3.solve(new double[][] {{0, 1}, {2, 0}},
                new double[] {5, 3}, 0), EXACT);
    }

    @Test
    void replayingAFactorGivesTheBitsOfAFreshSolve() {
        double[][] g = {{2.7, 0.31, 1e-3}, {0.31, 1.9, 0.02}, {1e-3, 0.02, 7e-4}};
        LinearSystem3 f = LinearSystem3.factor(g, 3, 0);
        for (double[] rhs : new double[][] {{1, 2, 3}, {0.1, -0.7, 1e-5}, {3.3, 0, -2}}) {
            double[] z = new double[3];
            f.solve(rhs.clone(), z);
            assertArrayEquals(LinearSystem3.solve(g, rhs, 0), z, 0);
        }
    }

    @Test
    void dependentColumnIsSkippedAndSolvedAsZero() {
        // the second column is twice the first: its pivot is 0, and with z1 = 0 both rows
        // (z0 + 2 z1 = 2, 2 z0 + 4 z1 = 4) give z0 = 2
        double[][] g = {{1, 2}, {2, 4}};
        LinearSystem3 f = LinearSystem3.factor(g, 2, 1e-10);
        assertFalse(f.regular());
        double[] z = new double[2];
        f.solve(new double[] {2, 4}, z);
        assertArrayEquals(new double[] {2, 0}, z, EXACT);
        assertThrows(IllegalArgumentException.class, () -> LinearSystem3.factor(new double[4][4], 4, 0));
    }
}

package io.gridid.solvers.fit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The enumeration fallback against hand-solved three-variable QPs. Tolerance 1e-12: each answer
 * is one small linear solve, exact up to rounding of numbers of order 1.
 */
class ActiveSetEnumerationTest {
    static final double EXACT = 1e-12;
    static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void interiorOptimumIsTheUnconstrainedMinimiser() {
        // min |t|^2 - 2 g't  ->  t = g when g >= 0
        double[] t = ActiveSetEnumeration.solve(IDENTITY, new double[] {0.5, 1, 2}, List.of());
        assertArrayEquals(new double[] {0.5, 1, 2}, t, EXACT);
    }

    @Test
    void negativeComponentsAreClippedByTheBounds() {
        double[] t = ActiveSetEnumeration.solve(IDENTITY, new double[] {-1, 2, -3}, List.of());
        assertArrayEquals(new double[] {0, 2, 0}, t, EXACT);
    }

    @Test
    void anActiveCutProjectsOntoItsPlane() {
        // t0 + t1 + t2 >= 3 with g = 0: the closest point of the plane to the origin, (1, 1, 1)
        double[] t = ActiveSetEnumeration.solve(IDENTITY, new double[] {0, 0, 0},
                List.of(new ScaledCut(1, 1, 1, 3)));
        assertArrayEquals(new double[] {1, 1, 1}, t, EXACT);
    }

    @Test
    void twoCutsAndABoundActTogether() {
        // g = 0; t0 >= 2 and t1 >= 1 (as cuts), t2 >= 0: the corner (2, 1, 0)
        double[] t = ActiveSetEnumeration.solve(IDENTITY, new double[] {0, 0, -1},
                List.of(new ScaledCut(1, 0, 0, 2), new ScaledCut(0, 1, 0, 1)));
        assertArrayEquals(new double[] {2, 1, 0}, t, EXACT);
    }
}

package io.gridid.solvers.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact solution of the small QP of {@link RelaxedLeastSquares} by enumeration, the fallback when
 * ojAlgo's active-set solver stops at its iteration limit (measured: it can cycle on some fits
 * of data with estimated loads). minimise t'Gt &minus; 2g't subject to t &ge; 0 and the scaled
 * cuts c't &ge; rhs, over three variables: the optimum of a convex QP is the minimiser on the
 * affine set of some subset of at most three active constraints, so the feasible candidate of
 * least objective over all such subsets is the optimum. O(K&sup3;) candidates for K constraints;
 * used only when the iterative solver gave up.
 */
final class ActiveSetEnumeration {
    /** Feasibility slack, in the scaled units of the constraints (coefficients of order 1). */
    static final double SLACK = 1e-10;

    private ActiveSetEnumeration() {
    }

    /**
     * @param gram  3&times;3 symmetric positive semi-definite G (not modified)
     * @param cross g (not modified)
     * @param cuts  the scaled cuts, each {@code cr*t0 + cx*t1 + cw*t2 >= rhs}
     * @return the minimiser t, or null when no candidate is feasible (never for a feasible problem)
     */
    static double[] solve(double[][] gram, double[] cross, List<ScaledCut> cuts) {
        int k = 3 + cuts.size();
        double[][] a = new double[k][3];
        double[] b = new double[k];
        for (int i = 0; i < 3; i++) {
            a[i][i] = 1;
        }
        for (int c = 0; c < cuts.size(); c++) {
            ScaledCut s = cuts.get(c);
            a[3 + c] = new double[] {s.cr(), s.cx(), s.cw()};
            b[3 + c] = s.rhs();
        }
        List<int[]> sets = new ArrayList<>();
        sets.add(new int[0]);
        for (int i = 0; i < k; i++) {
            sets.add(new int[] {i});
            for (int j = i + 1; j < k; j++) {
                sets.add(new int[] {i, j});
                for (int l = j + 1; l < k; l++) {
                    sets.add(new int[] {i, j, l});
                }
            }
        }
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (int[] set : sets) {
            double[] t = candidate(gram, cross, a, b, set, set.length);
            if (t == null || !feasible(a, b, t)) {
                continue;
            }
            double obj = objective(gram, cross, t);
            if (obj < bestObjective) {
                bestObjective = obj;
                best = t;
            }
        }
        return best;
    }

    /** Minimiser of t'Gt - 2g't on {t : a_i't = b_i, i in set}; null if the KKT system is singular. */
    private static double[] candidate(double[][] gram, double[] cross, double[][] a, double[] b, int[] set, int size) {
        int m = 3 + size;
        DMatrixRMaj kkt = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                kkt.set(i, j, 2 * gram[i][j]);
            }
            rhs.set(i, 0, 2 * cross[i]);
        }
        for (int c = 0; c < size; c++) {
            for (int j = 0; j < 3; j++) {
                kkt.set(3 + c, j, a[set[c]][j]);
                kkt.set(j, 3 + c, a[set[c]][j]);
            }
            rhs.set(3 + c, 0, b[set[c]]);
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(kkt, rhs, sol)) {
            return null;
        }
        double[] t = {sol.get(0, 0), sol.get(1, 0), sol.get(2, 0)};
        return Double.isFinite(t[0]) && Double.isFinite(t[1]) && Double.isFinite(t[2]) ? t : null;
    }

    private static boolean feasible(double[][] a, double[] b, double[] t) {
        for (int i = 0; i < a.length; i++) {
            if (a[i][0] * t[0] + a[i][1] * t[1] + a[i][2] * t[2] < b[i] - SLACK) {
                return false;
            }
        }
        return true;
    }

    private static double objective(double[][] gram, double[] cross, double[] t) {
        double q = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q += t[i] * gram[i][j] * t[j];
            }
            q -= 2 * cross[i] * t[i];
        }
        return q;
    }
}

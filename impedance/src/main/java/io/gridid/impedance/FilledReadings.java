package io.gridid.impedance;

import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.solvers.gaps.LoadImputation;
import io.gridid.solvers.gaps.VoltageImputation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of the tree's non-root buses with gaps filled where a flow or a loss term needs a
 * value: loads (MW, Mvar) first from {@link LoadImputation}, later from
 * {@link LoadStateEstimation}; squared voltages (kV&sup2;) for loss terms from
 * {@link VoltageImputation}. {@code row} maps a bus to its row; a null row of {@code estimated}
 * means the bus has no estimated load.
 */
record FilledReadings(Map<String, Integer> row, double[][] pMw, double[][] qMvar, boolean[][] estimated,
                       double[][] uFilled) {
    static FilledReadings of(MeterData data, RadialTree tree) {
        List<String> buses = new ArrayList<>();
        for (String b : tree.topDown()) {
            if (!b.equals(tree.root())) {
                buses.add(b);
            }
        }
        return of(data, tree.root(), buses);
    }

    /**
     * The same for the non-root {@code buses} in the order given: the fill depends on the buses and
     * their order, not on how they are connected, so one fill serves every tree over them.
     */
    static FilledReadings of(MeterData data, String root, List<String> buses) {
        int n = buses.size();
        Map<String, Integer> row = new HashMap<>();
        double[][] p = new double[n][];
        double[][] q = new double[n][];
        double[][] u = new double[n + 1][];
        int m0 = data.indexOf(root);
        u[0] = squared(data.voltagesKv(m0));
        for (int i = 0; i < n; i++) {
            int m = data.indexOf(buses.get(i));
            row.put(buses.get(i), i);
            p[i] = finite(data.activeMw(m));
            q[i] = finite(data.reactiveMvar(m));
            u[i + 1] = squared(data.voltagesKv(m));
        }
        double[] headP = finite(data.activeMw(m0));
        double[] headQ = finite(data.reactiveMvar(m0));
        boolean headMetered = countFinite(headP) > 0 && countFinite(headQ) > 0;
        LoadImputation.Filled loads = LoadImputation.fill(p, q, headMetered ? headP : null,
                headMetered ? headQ : null, headMetered ? u[0] : null, data.epochSeconds());
        double[][] uf = VoltageImputation.fill(u);
        double[][] uRows = new double[n][];
        System.arraycopy(uf, 1, uRows, 0, n);
        boolean[][] est = loads.estimated() == null ? new boolean[n][] : loads.estimated();
        return new FilledReadings(row, loads.pMw(), loads.qMvar(), est, uRows);
    }

    private static double[] squared(double[] v) {
        double[] u = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            u[t] = Double.isFinite(v[t]) ? v[t] * v[t] : Double.NaN;
        }
        return u;
    }

    private static double[] finite(double[] v) {
        for (int t = 0; t < v.length; t++) {
            if (!Double.isFinite(v[t])) {
                v[t] = Double.NaN;
            }
        }
        return v;
    }

    private static int countFinite(double[] v) {
        int c = 0;
        for (double x : v) {
            if (x == x) {
                c++;
            }
        }
        return c;
    }
}

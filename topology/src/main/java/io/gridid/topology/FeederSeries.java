package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The readings a topology estimator works on: for the root and each other bus, squared voltage
 * u = |V|&sup2; (kV&sup2;), the drop d_i = u_root &minus; u_i (kV&sup2;), and P, Q drawn (MW,
 * Mvar), restricted to the intervals where the root's voltage and every bus's voltage, P and Q
 * are present (an interval with any missing reading is dropped, never zero-filled).
 *
 * <p>Immutable; the arrays are held privately and handed out only as copies, except to the
 * estimators of this package, which do not modify them.
 */
public final class FeederSeries {
    /** Fewer usable intervals than this and no estimator can say anything. */
    public static final int MIN_INTERVALS = 10;

    private final String root;
    private final List<String> buses;
    private final double[] rootU;
    private final double[][] drop;
    private final double[][] p;
    private final double[][] q;
    private final int totalIntervals;
    private final List<String> warnings;

    private FeederSeries(String root, List<String> buses, double[] rootU, double[][] drop, double[][] p, double[][] q,
                         int totalIntervals, List<String> warnings) {
        this.root = root;
        this.buses = List.copyOf(buses);
        this.rootU = rootU;
        this.drop = drop;
        this.p = p;
        this.q = q;
        this.totalIntervals = totalIntervals;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param data   meter readings including the root's voltage (not modified)
     * @param rootId the feeder head's meter id
     * @throws GrididException when the root is not metered, there is no other bus, or fewer
     *                         than {@link #MIN_INTERVALS} intervals have every reading
     */
    public static FeederSeries of(MeterData data, String rootId) throws GrididException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rootId, "rootId");
        int rootIndex = data.indexOf(rootId);
        if (rootIndex < 0) {
            throw new GrididException("root meter " + rootId + " is not in the meter data");
        }
        List<String> buses = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int m = 0; m < data.meterCount(); m++) {
            if (m != rootIndex) {
                buses.add(data.meterIds().get(m));
                cols.add(m);
            }
        }
        if (buses.isEmpty()) {
            throw new GrididException("the meter data hold only the root " + rootId + "; nothing to connect");
        }
        int tAll = data.intervalCount();
        boolean[] ok = new boolean[tAll];
        int[] missingPerBus = new int[buses.size()];
        int used = 0;
        for (int t = 0; t < tAll; t++) {
            boolean good = Double.isFinite(data.vKv(rootIndex, t));
            for (int i = 0; i < cols.size(); i++) {
                int m = cols.get(i);
                if (!Double.isFinite(data.vKv(m, t)) || !Double.isFinite(data.pMw(m, t))
                        || !Double.isFinite(data.qMvar(m, t))) {
                    good = false;
                    missingPerBus[i]++;
                }
            }
            ok[t] = good;
            if (good) {
                used++;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (used < MIN_INTERVALS) {
            int worst = 0;
            for (int i = 1; i < missingPerBus.length; i++) {
                if (missingPerBus[i] > missingPerBus[worst]) {
                    worst = i;
                }
            }
            throw new GrididException("only " + used + " of " + tAll + " intervals have the root voltage and V, P, Q"
                    + " at every bus (at least " + MIN_INTERVALS + " needed); bus " + buses.get(worst)
                    + " misses readings in " + missingPerBus[worst] + " intervals");
        }
        if (used < tAll) {
            warnings.add((tAll - used) + " of " + tAll + " intervals dropped for missing readings");
        }
        int n = buses.size();
        double[] rootU = new double[used];
        double[][] drop = new double[n][used];
        double[][] p = new double[n][used];
        double[][] q = new double[n][used];
        int row = 0;
        for (int t = 0; t < tAll; t++) {
            if (!ok[t]) {
                continue;
            }
            double v0 = data.vKv(rootIndex, t);
            rootU[row] = v0 * v0;
            for (int i = 0; i < n; i++) {
                int m = cols.get(i);
                double v = data.vKv(m, t);
                drop[i][row] = rootU[row] - v * v;
                p[i][row] = data.pMw(m, t);
                q[i][row] = data.qMvar(m, t);
            }
            row++;
        }
        return new FeederSeries(rootId, buses, rootU, drop, p, q, tAll, warnings);
    }

    /**
     * The same buses restricted to the usable intervals marked in {@code keep} (length T).
     *
     * @throws GrididException when fewer than {@link #MIN_INTERVALS} remain
     */
    public FeederSeries subset(boolean[] keep) throws GrididException {
        if (keep.length != rootU.length) {
            throw new IllegalArgumentException("keep must have one flag per usable interval (" + rootU.length + ")");
        }
        int used = 0;
        for (boolean k : keep) {
            if (k) {
                used++;
            }
        }
        if (used < MIN_INTERVALS) {
            throw new GrididException("a subset of " + used + " intervals is too small (at least " + MIN_INTERVALS + ")");
        }
        int n = buses.size();
        double[] u = new double[used];
        double[][] dd = new double[n][used];
        double[][] pp = new double[n][used];
        double[][] qq = new double[n][used];
        int row = 0;
        for (int t = 0; t < keep.length; t++) {
            if (keep[t]) {
                u[row] = rootU[t];
                for (int i = 0; i < n; i++) {
                    dd[i][row] = drop[i][t];
                    pp[i][row] = p[i][t];
                    qq[i][row] = q[i][t];
                }
                row++;
            }
        }
        return new FeederSeries(root, buses, u, dd, pp, qq, totalIntervals, warnings);
    }

    public String root() {
        return root;
    }

    /** The non-root buses, in the order of every per-bus array. */
    public List<String> buses() {
        return buses;
    }

    public int busCount() {
        return buses.size();
    }

    /** Usable intervals T. */
    public int intervalCount() {
        return rootU.length;
    }

    /** Intervals in the data before dropping incomplete ones. */
    public int totalIntervals() {
        return totalIntervals;
    }

    /** Data-preparation remarks (dropped intervals). */
    public List<String> warnings() {
        return warnings;
    }

    /** u_root &minus; u_i per bus and usable interval, kV&sup2; (copy). */
    public double[][] drops() {
        return copy(drop);
    }

    /** P drawn per bus and usable interval, MW (copy). */
    public double[][] activeMw() {
        return copy(p);
    }

    /** Q drawn per bus and usable interval, Mvar (copy). */
    public double[][] reactiveMvar() {
        return copy(q);
    }

    /** u_root per usable interval, kV&sup2; (copy). */
    public double[] rootSquaredKv() {
        return rootU.clone();
    }

    // package-private views without copies, for the estimators (which never modify them)
    double[][] dropView() {
        return drop;
    }

    double[][] pView() {
        return p;
    }

    double[][] qView() {
        return q;
    }

    double[] rootUView() {
        return rootU;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

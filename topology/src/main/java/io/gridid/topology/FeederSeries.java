package io.gridid.topology;

import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.solvers.gaps.LoadImputation;
import io.gridid.solvers.gaps.VoltageImputation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The readings a topology estimator works on: for the root and each other bus, the drop
 * d_i = u_ref &minus; u_i of squared voltage u = |V|&sup2; (kV&sup2;) below a per-interval reference
 * u_ref (the root's u where metered), and P, Q drawn (MW, Mvar).
 *
 * <p>Missing readings. Without any, every interval is used as it is. With some:
 * <ul>
 * <li>an interval with fewer than two voltage readings is dropped;</li>
 * <li>a missing voltage stays NaN in {@link #drops()} (a fit never uses it as its target) and is
 *     estimated in {@link #filledDropView()} for loss terms and the bus order
 *     ({@link VoltageImputation}); where the root's voltage is missing, u_ref is its estimate and
 *     the root's own drop is NaN ({@link #rootDropView()});</li>
 * <li>a missing P or Q is estimated ({@link LoadImputation}) and marked in
 *     {@link #estimatedView()}: a branch fit uses intervals whose subtree holds an estimate only
 *     when it has fewer than {@link LoadImputation#MIN_CLEAN_INTERVALS} without one, except in the
 *     physics search's noisy-data pass ({@link SearchInputs#cleanIntervalsOnly}).</li>
 * </ul>
 * The regression-based estimators need every reading and use {@link #complete()}.
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
    private final double[][] dropFill;   // null: no gaps, same as drop
    private final double[] rootDrop;     // null: root voltage never missing (all zeros)
    private final double[][] p;
    private final double[][] q;
    private final boolean[][] estimated; // null: no estimated load; a row is null where that bus has none
    private final int totalIntervals;
    private final long missingReadings;
    private final List<Warning> warnings;

    private FeederSeries(String root, List<String> buses, double[] rootU, double[][] drop, double[][] dropFill,
                         double[] rootDrop, double[][] p, double[][] q, boolean[][] estimated, int totalIntervals,
                         long missingReadings, List<Warning> warnings) {
        this.root = root;
        this.buses = List.copyOf(buses);
        this.rootU = rootU;
        this.drop = drop;
        this.dropFill = dropFill;
        this.rootDrop = rootDrop;
        this.p = p;
        this.q = q;
        this.estimated = estimated;
        this.totalIntervals = totalIntervals;
        this.missingReadings = missingReadings;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param data   meter readings including the root's voltage (not modified)
     * @param rootId the feeder head's meter id
     * @throws GrididException when the root is not metered, there is no other bus, a bus has
     *                         fewer than {@link #MIN_INTERVALS} voltage or load readings, or fewer
     *                         than that many intervals have two voltage readings
     */
    public static FeederSeries of(MeterData data, String rootId) throws GrididException {
        return of(data, rootId, null);
    }

    /**
     * As {@link #of(MeterData, String)}, taking the estimates of missing loads from
     * {@code loadEstimates} (same meters and intervals; its P and Q where {@code data} has none)
     * instead of {@link LoadImputation}'s; null = none.
     */
    public static FeederSeries of(MeterData data, String rootId, MeterData loadEstimates) throws GrididException {
        Objects.requireNonNull(data, "data");
        if (loadEstimates != null && (!loadEstimates.meterIds().equals(data.meterIds())
                || loadEstimates.intervalCount() != data.intervalCount())) {
            throw new IllegalArgumentException("loadEstimates must hold the same meters and intervals as data");
        }
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
        int n = buses.size();
        boolean[] keep = new boolean[tAll];
        int used = 0;
        for (int t = 0; t < tAll; t++) {
            int voltages = Double.isFinite(data.vKv(rootIndex, t)) ? 1 : 0;
            for (int i = 0; i < n && voltages < 2; i++) {
                if (Double.isFinite(data.vKv(cols.get(i), t))) {
                    voltages++;
                }
            }
            keep[t] = voltages >= 2;
            if (keep[t]) {
                used++;
            }
        }
        if (used < MIN_INTERVALS) {
            throw new GrididException("only " + used + " of " + tAll + " intervals have two or more voltage readings"
                    + " (at least " + MIN_INTERVALS + " needed)" + (tAll >= 2 * MIN_INTERVALS
                    ? "; do the meters report at different minutes? put their timestamps on one interval grid" : ""));
        }
        int[] keptAt = new int[used];
        double[] uRoot = new double[used];
        double[] headP = new double[used];
        double[] headQ = new double[used];
        long[] epoch = new long[used];
        double[][] u = new double[n][used];
        double[][] pp = new double[n][used];
        double[][] qq = new double[n][used];
        int row = 0;
        boolean gaps = false;
        for (int t = 0; t < tAll; t++) {
            if (!keep[t]) {
                continue;
            }
            double v0 = data.vKv(rootIndex, t);
            uRoot[row] = Double.isFinite(v0) ? v0 * v0 : Double.NaN;
            headP[row] = finiteOrNaN(data.pMw(rootIndex, t));
            headQ[row] = finiteOrNaN(data.qMvar(rootIndex, t));
            epoch[row] = data.epochSecond(t);
            keptAt[row] = t;
            gaps |= uRoot[row] != uRoot[row];
            row++;
        }
        // one meter at a time, intervals inner: the readings are stored per meter
        for (int i = 0; i < n; i++) {
            int m = cols.get(i);
            double[] ui = u[i];
            double[] pi = pp[i];
            double[] qi = qq[i];
            for (int k = 0; k < used; k++) {
                int t = keptAt[k];
                double v = data.vKv(m, t);
                ui[k] = Double.isFinite(v) ? v * v : Double.NaN;
                pi[k] = finiteOrNaN(data.pMw(m, t));
                qi[k] = finiteOrNaN(data.qMvar(m, t));
                gaps |= ui[k] != ui[k] || pi[k] != pi[k] || qi[k] != qi[k];
            }
        }
        checkCoverage(rootId, uRoot, null, used);
        for (int i = 0; i < n; i++) {
            checkCoverage(buses.get(i), u[i], pp[i], used);
        }
        List<Warning> warnings = new ArrayList<>();
        if (used < tAll) {
            warnings.add(Warning.of(WarningCode.INTERVALS_WITHOUT_VOLTAGES, (tAll - used) + " of " + tAll
                    + " intervals dropped: fewer than two voltage readings"));
        }
        long missing = data.missingCount();
        if (!gaps) {
            double[][] drop = new double[n][used];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < used; t++) {
                    drop[i][t] = uRoot[t] - u[i][t];
                }
            }
            return new FeederSeries(rootId, buses, uRoot, drop, null, null, pp, qq, null, tAll, missing, warnings);
        }
        double[][] all = new double[n + 1][];
        all[0] = uRoot;
        System.arraycopy(u, 0, all, 1, n);
        double[][] filled = VoltageImputation.fill(all);
        double[] ref = filled[0];
        double[][] drop = new double[n][used];
        double[][] dropFill = new double[n][used];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < used; t++) {
                drop[i][t] = ref[t] - u[i][t];
                dropFill[i][t] = ref[t] - filled[i + 1][t];
            }
        }
        double[] rootDrop = null;
        for (int t = 0; t < used; t++) {
            if (uRoot[t] != uRoot[t]) {
                if (rootDrop == null) {
                    rootDrop = new double[used];
                }
                rootDrop[t] = Double.NaN;
            }
        }
        boolean headMetered = countFinite(headP) >= MIN_INTERVALS && countFinite(headQ) >= MIN_INTERVALS;
        LoadImputation.Filled loads = LoadImputation.fill(pp, qq, headMetered ? headP : null,
                headMetered ? headQ : null, headMetered ? uRoot : null, epoch);
        String source = loads.headUsed() ? " and the feeder-head flow" : "";
        if (loadEstimates != null && loads.estimated() != null) {
            for (int i = 0; i < n; i++) {
                boolean[] e = loads.estimated()[i];
                if (e == null) {
                    continue;
                }
                int m = cols.get(i);
                for (int t = 0; t < used; t++) {
                    if (e[t]) {
                        double pe = loadEstimates.pMw(m, keptAt[t]);
                        double qe = loadEstimates.qMvar(m, keptAt[t]);
                        if (pp[i][t] != pp[i][t] && Double.isFinite(pe)) {
                            loads.pMw()[i][t] = pe;
                        }
                        if (qq[i][t] != qq[i][t] && Double.isFinite(qe)) {
                            loads.qMvar()[i][t] = qe;
                        }
                    }
                }
            }
            source = ", then from the voltages given stage 2's impedances";
        }
        warnings.add(Warning.of(WarningCode.READINGS_MISSING, String.format(Locale.ROOT, "%d readings missing: voltages are never estimated for a fit's target;"
                        + " %d missing loads estimated from the bus's daily profile%s, used by a branch fit on precise data only"
                        + " when it has fewer than %d intervals without an estimate in its subtree", missing,
                loads.estimatedCount(), source,
                LoadImputation.MIN_CLEAN_INTERVALS)));
        return new FeederSeries(rootId, buses, ref, drop, dropFill, rootDrop, loads.pMw(), loads.qMvar(),
                loads.estimated(), tAll, missing, warnings);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static int countFinite(double[] a) {
        int c = 0;
        for (double v : a) {
            if (v == v) {
                c++;
            }
        }
        return c;
    }

    private static void checkCoverage(String bus, double[] u, double[] p, int used) throws GrididException {
        int v = countFinite(u);
        if (v < MIN_INTERVALS) {
            throw new GrididException("meter " + bus + " has a voltage reading in only " + v + " of " + used
                    + " usable intervals (at least " + MIN_INTERVALS + " needed)");
        }
        if (p != null && countFinite(p) < MIN_INTERVALS) {
            throw new GrididException("meter " + bus + " has a P reading in only " + countFinite(p) + " of " + used
                    + " usable intervals (at least " + MIN_INTERVALS + " needed)");
        }
    }

    /** Whether any reading is missing or estimated (false: every array is as measured). */
    public boolean hasGaps() {
        return dropFill != null || estimated != null;
    }

    /**
     * The same buses on the intervals where every reading is present: what the regression-based
     * estimators need.
     *
     * @throws GrididException when fewer than {@link #MIN_INTERVALS} intervals are complete
     */
    public FeederSeries complete() throws GrididException {
        if (!hasGaps()) {
            return this;
        }
        int tCount = rootU.length;
        int n = buses.size();
        boolean[] keep = new boolean[tCount];
        int[] missingPerBus = new int[n];
        int used = 0;
        for (int t = 0; t < tCount; t++) {
            boolean good = rootDrop == null || rootDrop[t] == rootDrop[t];
            for (int i = 0; i < n; i++) {
                if (drop[i][t] != drop[i][t] || (estimated != null && estimated[i] != null && estimated[i][t])) {
                    good = false;
                    missingPerBus[i]++;
                }
            }
            keep[t] = good;
            if (good) {
                used++;
            }
        }
        if (used < MIN_INTERVALS) {
            int worst = 0;
            for (int i = 1; i < n; i++) {
                if (missingPerBus[i] > missingPerBus[worst]) {
                    worst = i;
                }
            }
            throw new GrididException("only " + used + " of " + totalIntervals + " intervals have the root voltage and V, P, Q"
                    + " at every bus (at least " + MIN_INTERVALS + " needed by the regression-based estimators; the"
                    + " physics search works with gaps); bus " + buses.get(worst) + " misses readings in "
                    + missingPerBus[worst] + " intervals");
        }
        FeederSeries sub = subset(keep);
        List<Warning> w = new ArrayList<>();
        w.add(Warning.of(WarningCode.INTERVALS_DROPPED, (totalIntervals - used) + " of " + totalIntervals
                + " intervals dropped for missing readings"));
        return new FeederSeries(root, buses, sub.rootU, sub.drop, null, null, sub.p, sub.q, null, totalIntervals,
                missingReadings, w);
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
        boolean[][] est = null;
        if (estimated != null) {
            est = new boolean[estimated.length][];
            for (int i = 0; i < estimated.length; i++) {
                if (estimated[i] != null) {
                    est[i] = pick(estimated[i], keep, used);
                }
            }
        }
        return new FeederSeries(root, buses, pick(rootU, keep, used), pick(drop, keep, used),
                dropFill == null ? null : pick(dropFill, keep, used), rootDrop == null ? null : pick(rootDrop, keep, used),
                pick(p, keep, used), pick(q, keep, used), est, totalIntervals, missingReadings, warnings);
    }

    private static double[] pick(double[] a, boolean[] keep, int used) {
        double[] out = new double[used];
        int row = 0;
        for (int t = 0; t < keep.length; t++) {
            if (keep[t]) {
                out[row++] = a[t];
            }
        }
        return out;
    }

    private static boolean[] pick(boolean[] a, boolean[] keep, int used) {
        boolean[] out = new boolean[used];
        int row = 0;
        for (int t = 0; t < keep.length; t++) {
            if (keep[t]) {
                out[row++] = a[t];
            }
        }
        return out;
    }

    private static double[][] pick(double[][] a, boolean[] keep, int used) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = pick(a[i], keep, used);
        }
        return out;
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

    /** Intervals in the data before dropping any. */
    public int totalIntervals() {
        return totalIntervals;
    }

    /** Missing (meter, interval, quantity) readings in the data this series was made from. */
    public long missingReadings() {
        return missingReadings;
    }

    /** Data-preparation remarks (dropped intervals, estimated loads). */
    public List<Warning> warnings() {
        return warnings;
    }

    /** u_ref &minus; u_i per bus and usable interval, kV&sup2;, NaN where V_i is missing (copy). */
    public double[][] drops() {
        return copy(drop);
    }

    /** P drawn per bus and usable interval, MW, estimates where missing (copy). */
    public double[][] activeMw() {
        return copy(p);
    }

    /** Q drawn per bus and usable interval, Mvar, estimates where missing (copy). */
    public double[][] reactiveMvar() {
        return copy(q);
    }

    /** u_ref per usable interval, kV&sup2; (copy): the root's u, or its estimate where missing. */
    public double[] rootSquaredKv() {
        return rootU.clone();
    }

    // package-private views without copies, for the estimators (which never modify them)
    double[][] dropView() {
        return drop;
    }

    /** Drops with missing voltages estimated (the same arrays as {@link #dropView()} without gaps). */
    double[][] filledDropView() {
        return dropFill == null ? drop : dropFill;
    }

    /** The root's own drop: 0, NaN where its voltage is missing; null when it never is. */
    double[] rootDropView() {
        return rootDrop;
    }

    /** Per bus, where its P or Q is an estimate; null when none is (a row is null for a bus without one). */
    boolean[][] estimatedView() {
        return estimated;
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

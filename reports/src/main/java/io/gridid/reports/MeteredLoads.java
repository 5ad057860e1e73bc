package io.gridid.reports;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.pipeline.IdentificationResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The metered operating points of an identified feeder, on a regular time grid: per interval the
 * root's measured voltage and every metered bus's P and Q (load convention: PV is negative P).
 * What both the OpenDSS model ({@link OpenDssExport}) and gridid's own model check
 * ({@link ModelCheck}) drive the identified network with, so both see the same loads.
 *
 * <p><b>Grid.</b> The step is the smallest spacing of the meter timestamps (1 h when there is one
 * interval); every timestamp must lie on the grid from the first one, and a step with no
 * timestamp (a gap in the data) is a grid point whose readings are all missing.
 *
 * <p><b>Missing readings</b> are filled so that a load shape has a value at every point: a
 * missing value takes the last one before it, leading missing values the first one present,
 * and a bus with no reading at all draws 0 (a root without any voltage reading sits at 1 p.u.).
 * {@link #filled()} counts the filled values. Loads are the buses of the identified tree, other
 * than the root, that have a meter; meters the tree does not contain are not used.
 *
 * <p>Units: kV line-to-line, MW and Mvar (three-phase), seconds.
 */
public final class MeteredLoads {
    /** More grid points than this many times the intervals: the timestamps have no common step. */
    static final int MAX_GRID_FACTOR = 4;
    /** Step assumed when the data have a single interval, seconds. */
    static final long SINGLE_INTERVAL_STEP = 3600;

    private final List<String> loadBuses;
    private final long startEpochSecond;
    private final long stepSeconds;
    private final int[] pointOfInterval;
    private final double[] rootKv;        // [point]
    private final double[][] pMw;         // [load][point]
    private final double[][] qMvar;
    private final long filled;
    private final List<String> unmeteredBuses;
    private final int metersOutsideTree;
    private final boolean rootMetered;

    private MeteredLoads(List<String> loadBuses, long start, long step, int[] pointOfInterval, double[] rootKv,
                         double[][] pMw, double[][] qMvar, long filled, List<String> unmetered, int outside,
                         boolean rootMetered) {
        this.loadBuses = loadBuses;
        this.startEpochSecond = start;
        this.stepSeconds = step;
        this.pointOfInterval = pointOfInterval;
        this.rootKv = rootKv;
        this.pMw = pMw;
        this.qMvar = qMvar;
        this.filled = filled;
        this.unmeteredBuses = unmetered;
        this.metersOutsideTree = outside;
        this.rootMetered = rootMetered;
    }

    /**
     * @param result the identified feeder (its tree, root and base kV; not modified)
     * @param data   the meter readings (not modified)
     * @param source name of the meter file, for messages
     * @throws InvalidInputException the timestamps have no common step, or the result has no base kV
     */
    public static MeteredLoads of(IdentificationResult result, MeterData data, String source)
            throws InvalidInputException {
        if (!(result.baseKv() > 0)) {
            throw new InvalidInputException(source, 0, "the result has no nominal voltage (base kV): "
                    + "cannot express the root voltage in p.u.");
        }
        int intervals = data.intervalCount();
        if (intervals == 0) {
            throw new InvalidInputException(source, 0, "no intervals");
        }
        long[] epochs = data.epochSeconds();
        long step = SINGLE_INTERVAL_STEP;
        if (intervals > 1) {
            step = Long.MAX_VALUE;
            for (int t = 1; t < intervals; t++) {
                step = Math.min(step, epochs[t] - epochs[t - 1]);
            }
        }
        long span = (epochs[intervals - 1] - epochs[0]) / step + 1;
        if (span > (long) MAX_GRID_FACTOR * intervals) {
            throw new InvalidInputException(source, 0, "the timestamps have no common interval (smallest spacing "
                    + step + " s over " + intervals + " intervals): cannot write a load shape");
        }
        int points = (int) span;
        int[] pointOf = new int[intervals];
        for (int t = 0; t < intervals; t++) {
            long d = epochs[t] - epochs[0];
            if (d % step != 0) {
                throw new InvalidInputException(source, 0, "timestamp " + java.time.Instant.ofEpochSecond(epochs[t])
                        + " is not a multiple of the " + step + " s interval after the first one");
            }
            pointOf[t] = (int) (d / step);
        }
        List<String> loads = new ArrayList<>();
        List<String> unmetered = new ArrayList<>();
        for (String bus : result.tree().topDown()) {
            if (bus.equals(result.rootBus())) {
                continue;
            }
            (data.hasMeter(bus) ? loads : unmetered).add(bus);
        }
        int outside = 0;
        for (String m : data.meterIds()) {
            if (!result.tree().contains(m)) {
                outside++;
            }
        }
        long[] filledCount = {0};
        double[][] p = new double[loads.size()][];
        double[][] q = new double[loads.size()][];
        for (int i = 0; i < loads.size(); i++) {
            int m = data.indexOf(loads.get(i));
            p[i] = onGrid(data.activeMw(m), pointOf, points, 0, filledCount);
            q[i] = onGrid(data.reactiveMvar(m), pointOf, points, 0, filledCount);
        }
        int root = data.indexOf(result.rootBus());
        double[] rootKv = root < 0 ? filled(new double[points], result.baseKv())
                : onGrid(data.voltagesKv(root), pointOf, points, result.baseKv(), filledCount);
        return new MeteredLoads(Collections.unmodifiableList(loads), epochs[0], step, pointOf, rootKv, p, q,
                filledCount[0], Collections.unmodifiableList(unmetered), outside, root >= 0);
    }

    private static double[] filled(double[] a, double v) {
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The readings placed on the grid, missing values filled as the class says. */
    private static double[] onGrid(double[] readings, int[] pointOf, int points, double none, long[] filledCount) {
        double[] g = new double[points];
        java.util.Arrays.fill(g, Double.NaN);
        for (int t = 0; t < readings.length; t++) {
            g[pointOf[t]] = readings[t];
        }
        double first = Double.NaN;
        for (double v : g) {
            if (!Double.isNaN(v)) {
                first = v;
                break;
            }
        }
        double last = Double.isNaN(first) ? none : first;
        for (int k = 0; k < points; k++) {
            if (Double.isNaN(g[k])) {
                g[k] = last;
                filledCount[0]++;
            } else {
                last = g[k];
            }
        }
        return g;
    }

    /** Metered non-root buses of the tree, top-down: one load each. */
    public List<String> loadBuses() {
        return loadBuses;
    }

    /** Non-root buses of the tree without a meter (no load). */
    public List<String> unmeteredBuses() {
        return unmeteredBuses;
    }

    /** Meters whose id is not a bus of the tree (not used). */
    public int metersOutsideTree() {
        return metersOutsideTree;
    }

    /** Whether the root has a meter (without one, its voltage is 1 p.u. throughout). */
    public boolean rootMetered() {
        return rootMetered;
    }

    /** Timestamp of grid point 0 (the first interval), seconds since the epoch. */
    public long startEpochSecond() {
        return startEpochSecond;
    }

    /** Spacing of the grid points, seconds. */
    public long stepSeconds() {
        return stepSeconds;
    }

    /** Number of grid points. */
    public int points() {
        return rootKv.length;
    }

    /** The grid point of a data interval (index into the meter data's intervals). */
    public int pointOf(int interval) {
        return pointOfInterval[interval];
    }

    /** Root voltage at a grid point, kV. */
    public double rootKv(int point) {
        return rootKv[point];
    }

    /** Active power drawn by load {@code load} (index into {@link #loadBuses()}) at a grid point, MW. */
    public double pMw(int load, int point) {
        return pMw[load][point];
    }

    /** Reactive power drawn by a load at a grid point, Mvar. */
    public double qMvar(int load, int point) {
        return qMvar[load][point];
    }

    /** How many values (P, Q and root voltage, over all grid points) were filled in. */
    public long filled() {
        return filled;
    }
}

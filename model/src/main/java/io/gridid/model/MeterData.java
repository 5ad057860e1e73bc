package io.gridid.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aligned smart-meter readings: T intervals &times; N meters, stored as one primitive
 * {@code double[]} column per meter and quantity (no per-reading objects: 8 bytes a value).
 * Voltage magnitude in kV line-to-line, P in MW, Q in Mvar, load convention; NaN is a
 * missing reading. Immutable: accessors return copies or single values.
 *
 * <p>Timestamps are seconds since the epoch, strictly increasing. Readings given in local
 * time without an offset are stored as if they were UTC wall-clock times.
 */
public final class MeterData {
    private final List<String> meterIds;
    private final Map<String, Integer> index;
    private final long[] epochSeconds;
    private final double[][] vKv;     // [meter][interval]
    private final double[][] pMw;
    private final double[][] qMvar;

    private MeterData(List<String> meterIds, long[] epochSeconds, double[][] vKv, double[][] pMw, double[][] qMvar) {
        this.meterIds = meterIds;
        this.epochSeconds = epochSeconds;
        this.vKv = vKv;
        this.pMw = pMw;
        this.qMvar = qMvar;
        this.index = new HashMap<>(meterIds.size() * 2);
        for (int i = 0; i < meterIds.size(); i++) {
            index.put(meterIds.get(i), i);
        }
    }

    /** Number of meters N. */
    public int meterCount() {
        return meterIds.size();
    }

    /** Number of intervals T. */
    public int intervalCount() {
        return epochSeconds.length;
    }

    /** Meter ids in column order. */
    public List<String> meterIds() {
        return meterIds;
    }

    /** Column index of a meter, or -1 if absent. */
    public int indexOf(String meterId) {
        Integer i = index.get(meterId);
        return i == null ? -1 : i;
    }

    public boolean hasMeter(String meterId) {
        return index.containsKey(meterId);
    }

    /** Interval start, seconds since the epoch. */
    public long epochSecond(int interval) {
        return epochSeconds[interval];
    }

    /** All interval timestamps (copy). */
    public long[] epochSeconds() {
        return epochSeconds.clone();
    }

    /** Voltage magnitude of meter m at interval t, kV line-to-line (NaN if missing). */
    public double vKv(int m, int t) {
        return vKv[m][t];
    }

    /** Active power drawn at meter m, interval t, MW (NaN if missing). */
    public double pMw(int m, int t) {
        return pMw[m][t];
    }

    /** Reactive power drawn at meter m, interval t, Mvar (NaN if missing). */
    public double qMvar(int m, int t) {
        return qMvar[m][t];
    }

    /** Voltage column of meter m (copy), kV. */
    public double[] voltagesKv(int m) {
        return vKv[m].clone();
    }

    /** Mean line-to-line kV of meter m over its readings (missing ones skipped); NaN when it has none. */
    public double meanVoltageKv(int m) {
        double sum = 0;
        int n = 0;
        for (double v : vKv[m]) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Active power column of meter m (copy), MW. */
    public double[] activeMw(int m) {
        return pMw[m].clone();
    }

    /** Reactive power column of meter m (copy), Mvar. */
    public double[] reactiveMvar(int m) {
        return qMvar[m].clone();
    }

    /** Number of missing (NaN) values over all three quantities. */
    public long missingCount() {
        long n = 0;
        for (int m = 0; m < meterIds.size(); m++) {
            for (int t = 0; t < epochSeconds.length; t++) {
                if (Double.isNaN(vKv[m][t])) n++;
                if (Double.isNaN(pMw[m][t])) n++;
                if (Double.isNaN(qMvar[m][t])) n++;
            }
        }
        return n;
    }

    /** A copy restricted to the first {@code count} intervals. */
    public MeterData firstIntervals(int count) {
        if (count < 0 || count > epochSeconds.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + epochSeconds.length);
        }
        double[][] v = new double[vKv.length][];
        double[][] p = new double[vKv.length][];
        double[][] q = new double[vKv.length][];
        for (int m = 0; m < vKv.length; m++) {
            v[m] = Arrays.copyOf(vKv[m], count);
            p[m] = Arrays.copyOf(pMw[m], count);
            q[m] = Arrays.copyOf(qMvar[m], count);
        }
        return new MeterData(meterIds, Arrays.copyOf(epochSeconds, count), v, p, q);
    }

    /** Starts filling a data set of the given meters and intervals; every reading starts missing. */
    public static Builder builder(List<String> meterIds, long[] epochSeconds) {
        return new Builder(meterIds, epochSeconds);
    }

    /**
     * Fills the columns in place, then hands them to an immutable {@link MeterData} without
     * copying. A meter's columns are allocated when it gets its first reading, and those of a meter
     * that got none at {@link #build()} (all missing), so that a reader moving its readings in meter by
     * meter never holds a second full table. A builder can be built once.
     */
    public static final class Builder {
        private final List<String> meterIds;
        private final long[] epochSeconds;
        private double[][] v;
        private double[][] p;
        private double[][] q;

        private Builder(List<String> meterIds, long[] epochSeconds) {
            this.meterIds = List.copyOf(meterIds);
            if (new java.util.HashSet<>(this.meterIds).size() != this.meterIds.size()) {
                throw new IllegalArgumentException("duplicate meter id");
            }
            this.epochSeconds = Objects.requireNonNull(epochSeconds, "epochSeconds").clone();
            for (int t = 1; t < this.epochSeconds.length; t++) {
                if (this.epochSeconds[t] <= this.epochSeconds[t - 1]) {
                    throw new IllegalArgumentException("timestamps must be strictly increasing");
                }
            }
            int n = this.meterIds.size();
            v = new double[n][];
            p = new double[n][];
            q = new double[n][];
        }

        private void check() {
            if (v == null) {
                throw new IllegalStateException("builder already built");
            }
        }

        /** Meter m's columns, allocated all missing on first use. */
        private void columns(int m) {
            if (v[m] == null) {
                v[m] = missing(epochSeconds.length);
                p[m] = missing(epochSeconds.length);
                q[m] = missing(epochSeconds.length);
            }
        }

        private static double[] missing(int length) {
            double[] a = new double[length];
            Arrays.fill(a, Double.NaN);
            return a;
        }

        /** Sets one reading (kV, MW, Mvar; NaN for missing). */
        public Builder set(int m, int t, double vKv, double pMw, double qMvar) {
            check();
            Objects.checkIndex(t, epochSeconds.length);
            columns(m);
            v[m][t] = vKv;
            p[m][t] = pMw;
            q[m][t] = qMvar;
            return this;
        }

        /**
         * Sets meter m's readings of intervals 0 to {@code length - 1} from the first {@code length}
         * values of each array (kV, MW, Mvar; NaN for missing), copied; the later intervals keep what
         * they hold.
         */
        public Builder setColumns(int m, double[] vKv, double[] pMw, double[] qMvar, int length) {
            check();
            Objects.checkFromIndexSize(0, length, epochSeconds.length);
            columns(m);
            System.arraycopy(vKv, 0, v[m], 0, length);
            System.arraycopy(pMw, 0, p[m], 0, length);
            System.arraycopy(qMvar, 0, q[m], 0, length);
            return this;
        }

        /**
         * Makes the three arrays, each exactly as long as the intervals, meter m's columns without
         * copying them (kV, MW, Mvar; NaN for missing): they become the data's, and the caller must
         * neither keep nor change them. For a reader whose columns already have the final length.
         */
        public Builder moveColumns(int m, double[] vKv, double[] pMw, double[] qMvar) {
            check();
            int length = epochSeconds.length;
            if (vKv.length != length || pMw.length != length || qMvar.length != length) {
                throw new IllegalArgumentException("columns of " + vKv.length + ", " + pMw.length + " and "
                        + qMvar.length + " values for " + length + " intervals");
            }
            v[m] = vKv;
            p[m] = pMw;
            q[m] = qMvar;
            return this;
        }

        public Builder setVoltageKv(int m, int t, double value) {
            check();
            Objects.checkIndex(t, epochSeconds.length);
            columns(m);
            v[m][t] = value;
            return this;
        }

        public Builder setActiveMw(int m, int t, double value) {
            check();
            Objects.checkIndex(t, epochSeconds.length);
            columns(m);
            p[m][t] = value;
            return this;
        }

        public Builder setReactiveMvar(int m, int t, double value) {
            check();
            Objects.checkIndex(t, epochSeconds.length);
            columns(m);
            q[m][t] = value;
            return this;
        }

        public MeterData build() {
            check();
            for (int m = 0; m < v.length; m++) {
                columns(m);
            }
            MeterData d = new MeterData(meterIds, epochSeconds, v, p, q);
            v = null;
            p = null;
            q = null;
            return d;
        }
    }
}

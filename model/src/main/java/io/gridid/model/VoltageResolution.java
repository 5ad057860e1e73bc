package io.gridid.model;

import java.util.Arrays;

/**
 * The resolution of a meter's voltage readings: the step of the grid they lie on, as written by
 * meters that record whole tenths of a volt (4.2e-4 p.u. on a 240 V base) or exports that keep a few
 * decimals. Rounding to a grid of step q adds an error of variance q&sup2;/12 to each reading, and
 * where a branch's drop is smaller than q its two ends read the same value in most intervals: the
 * residuals of its fit are then mostly tied, and a robust scale of them (the median absolute
 * deviation) is zero however large the error is. A fit's scale is floored at the rounding's own.
 */
public final class VoltageResolution {
    /** Readings looked at per meter: its first this many finite ones (a grid shows in far fewer). */
    static final int SAMPLE = 2048;
    /** Readings looked at first: where most of them differ, the meter's readings lie on no grid. */
    static final int FIRST_LOOK = 256;
    /** Fewest finite readings in which a grid is looked for. */
    static final int MIN_READINGS = 16;
    /**
     * Steps finer than this share of the largest reading are no grid: the float rounding of a unit
     * conversion is 1e-16 of a value, a real meter's resolution 1e-5 or more.
     */
    static final double MIN_RELATIVE_STEP = 1e-7;
    /** Values closer than this share of the largest reading are one level (a unit conversion's rounding). */
    static final double SAME_LEVEL = 1e-10;

    private VoltageResolution() {
    }

    /**
     * The step of the grid the finite {@code values} lie on (their unit), 0 where they lie on none:
     * the greatest common divisor of the distinct levels' distances from the lowest, when the
     * readings repeat (at most half as many levels as readings) and that divisor is at least
     * {@link #MIN_RELATIVE_STEP} of the largest reading. O(s log s), s = min(readings, {@link #SAMPLE}).
     */
    public static double step(double[] values) {
        return step(values.length, t -> values[t]);
    }

    /** {@link #step(double[])} of meter m's voltages in {@code data} (kV), read in place. */
    public static double step(MeterData data, int m) {
        return step(data.intervalCount(), t -> data.vKv(m, t));
    }

    /** {@link #step(double[])} of a column read through {@code value} (t &lt; {@code length}), without copying it. */
    private static double step(int length, java.util.function.IntToDoubleFunction value) {
        double[] v = new double[Math.min(length, SAMPLE)];
        int count = 0;
        for (int t = 0; t < length && count < v.length; t++) {
            double x = value.applyAsDouble(t);
            if (Double.isFinite(x)) {
                v[count++] = x;
            }
        }
        if (count < MIN_READINGS) {
            return 0;
        }
        // the first readings alone tell unrounded ones (nearly every one distinct) at an eighth of the sort
        int first = Math.min(count, FIRST_LOOK);
        double[] head = Arrays.copyOf(v, first);
        Arrays.sort(head);
        if (levels(head, first, SAME_LEVEL * Math.max(Math.abs(head[0]), Math.abs(head[first - 1]))) > first / 2) {
            return 0;
        }
        Arrays.sort(v, 0, count);
        double scale = Math.max(Math.abs(v[0]), Math.abs(v[count - 1]));
        double same = SAME_LEVEL * scale;
        double[] levels = new double[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (m == 0 || v[i] - levels[m - 1] > same) {
                levels[m++] = v[i];
            }
        }
        if (m < 2 || m > count / 2) {
            return 0; // one value throughout, or readings that hardly repeat
        }
        double g = 0;
        for (int i = 1; i < m; i++) {
            g = commonDivisor(g, levels[i] - levels[0], same);
        }
        if (!(g >= MIN_RELATIVE_STEP * scale)) {
            return 0;
        }
        for (int i = 1; i < m; i++) {
            double k = (levels[i] - levels[0]) / g;
            if (Math.abs(k - Math.rint(k)) > 1e-3) {
                return 0;
            }
        }
        return g;
    }

    /** Distinct values among the first {@code count} of sorted {@code v}, values within {@code same} counting as one. */
    private static int levels(double[] v, int count, double same) {
        int m = 0;
        double last = Double.NaN;
        for (int i = 0; i < count; i++) {
            if (m == 0 || v[i] - last > same) {
                last = v[i];
                m++;
            }
        }
        return m;
    }

    /** Greatest common divisor of a and b (&ge; 0), remainders within {@code tolerance} counting as none. */
    private static double commonDivisor(double a, double b, double tolerance) {
        while (b > tolerance) {
            double r = a % b;
            if (b - r <= tolerance) {
                r = 0;
            }
            a = b;
            b = r;
        }
        return a;
    }

    /**
     * Per meter of {@code data}, the variance (kV&#8308;) that rounding its voltages to their grid adds to
     * u = |V|&sup2;: (2 V&#772;)&sup2; q&sup2; / 12, V&#772; the meter's mean voltage; 0 for a meter whose
     * readings lie on no grid.
     */
    public static double[] squaredVoltageRoundingVariance(MeterData data) {
        double[] out = new double[data.meterCount()];
        for (int m = 0; m < out.length; m++) {
            double q = step(data, m);
            if (q > 0) {
                double twoV = 2 * data.meanVoltageKv(m);
                out[m] = twoV * twoV * q * q / 12;
            }
        }
        return out;
    }
}

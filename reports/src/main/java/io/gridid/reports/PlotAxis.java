package io.gridid.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear plot axis with "nice" ticks (steps of 1, 2 or 5 times a power of ten) covering a
 * range, and its tick labels. Immutable.
 *
 * @param lo    the axis start (a tick, at or below the data's minimum)
 * @param hi    the axis end (a tick, at or above the data's maximum)
 * @param step  the tick spacing
 */
record PlotAxis(double lo, double hi, double step) {
    /**
     * Ticks for data in [min, max], about {@code target} of them.
     *
     * @param fromZero start at 0 when the data are not negative (impedance scatters)
     */
    static PlotAxis of(double min, double max, int target, boolean fromZero) {
        if (fromZero && min >= 0) {
            min = 0;
        }
        if (!(max > min)) {
            double pad = Math.abs(min) > 0 ? Math.abs(min) * 1e-3 : 1;
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        return new PlotAxis(lo, hi, step);
    }

    /** The tick values, lo to hi. */
    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        long n = Math.round((hi - lo) / step);
        for (long i = 0; i <= n; i++) {
            t.add(lo + i * step);
        }
        return t;
    }

    /** Position of a value on a pixel span [a, b] (a for lo, b for hi). */
    double map(double v, double a, double b) {
        return a + (v - lo) / (hi - lo) * (b - a);
    }

    /** A tick's text: as many decimals as the step needs, no exponent for ordinary ranges. */
    String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        if (decimals > 6 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

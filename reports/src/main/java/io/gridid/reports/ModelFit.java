package io.gridid.reports;

import java.time.Instant;
import java.util.List;

/**
 * {@link ModelCheck}'s answer: how far the identified model's voltages are from the measured
 * ones, per interval and over all. Errors are model minus measured, p.u. of the base kV.
 *
 * @param intervals       one entry per interval of the meter data, in time order
 * @param clampedBranches branches whose negative r or x entered the power flow as 0
 */
public record ModelFit(List<IntervalFit> intervals, int clampedBranches) {
    public ModelFit {
        intervals = List.copyOf(intervals);
    }

    /**
     * One interval.
     *
     * @param epochSecond  the interval's timestamp, seconds since the epoch
     * @param converged    whether gridid's power flow converged
     * @param buses        metered non-root buses with a voltage reading compared (0 when the power flow diverged)
     * @param rmsPu        root mean square of the errors, p.u. (NaN: nothing compared, or diverged)
     * @param worstBus     the bus with the largest |error| ("" when none)
     * @param worstErrorPu its error, p.u., with its sign
     */
    public record IntervalFit(long epochSecond, boolean converged, int buses, double rmsPu, String worstBus, double worstErrorPu) {
    }

    /** Intervals whose power flow did not converge. */
    public long diverged() {
        return intervals.stream().filter(f -> !f.converged()).count();
    }

    /** RMS over every compared reading of every interval, p.u. (NaN when none). */
    public double overallRmsPu() {
        double sum = 0;
        long n = 0;
        for (IntervalFit f : intervals) {
            if (f.buses() > 0) {
                sum += f.rmsPu() * f.rmsPu() * f.buses();
                n += f.buses();
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    /** Median of the intervals' RMS (those with a comparison), p.u. (NaN when none). */
    public double medianIntervalRmsPu() {
        double[] v = intervals.stream().filter(f -> f.buses() > 0).mapToDouble(IntervalFit::rmsPu).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The interval with the largest RMS (null when none was compared). */
    public IntervalFit worstInterval() {
        IntervalFit w = null;
        for (IntervalFit f : intervals) {
            if (f.buses() > 0 && (w == null || f.rmsPu() > w.rmsPu())) {
                w = f;
            }
        }
        return w;
    }

    /** The interval holding the largest single |error| (null when none was compared). */
    public IntervalFit worstReading() {
        IntervalFit w = null;
        for (IntervalFit f : intervals) {
            if (f.buses() > 0 && (w == null || Math.abs(f.worstErrorPu()) > Math.abs(w.worstErrorPu()))) {
                w = f;
            }
        }
        return w;
    }

    /** Per interval as CSV: {@code timestamp,buses,rms_pu,worst_bus,worst_error_pu} (empty fields for NaN). */
    public String csv() {
        StringBuilder s = new StringBuilder("timestamp,buses,rms_pu,worst_bus,worst_error_pu\n");
        for (IntervalFit f : intervals) {
            s.append(Instant.ofEpochSecond(f.epochSecond())).append(',').append(f.buses()).append(',')
                    .append(number(f.rmsPu())).append(',').append(csvField(f.worstBus())).append(',')
                    .append(number(f.worstErrorPu())).append('\n');
        }
        return s.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6e", v);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

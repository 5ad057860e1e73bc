package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.Units;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Finds readings whose units are plainly wrong, which the reader rejects naming the likely mistake:
 * volts or kV in {@code v_pu}, volts or per-unit values in {@code v_kv}, W given as kW. Rows are
 * checked as they are read and the first offence is kept (with its line); it is raised only after
 * the whole file parsed cleanly, so a syntax error anywhere wins. The loads' total per interval is
 * checked at the end.
 *
 * <p>The physical yardstick is a current no distribution feeder carries: a meter, or all meters
 * but the largest together, drawing more than &radic;3 &middot; kV &middot; {@value #MAX_PLAUSIBLE_CURRENT_A} A
 * is taken for a unit mistake. Measured on the project's test feeders (IEEE 13/37/69, random
 * 100-1000 buses, 30 days hourly), the largest meter stays below 36 % of that limit.
 */
final class UnitMistakes {
    /** A branch current no distribution conductor reaches (A); a reading beyond it is taken as a unit mistake. */
    static final double MAX_PLAUSIBLE_CURRENT_A = 2000.0;
    /** Per-unit voltages above this are not per unit. */
    static final double MAX_PER_UNIT = 2.0;
    /** v_pu at or above this is volts. */
    static final double VOLTS_THRESHOLD = 50.0;
    /** v_kv at or above this is volts (no distribution feeder is near 1000 kV). */
    static final double KV_VOLTS_THRESHOLD = 1000.0;
    /** Bounds of v_kv / --base-kv outside which the two cannot both be right. */
    static final double MIN_KV_RATIO = 0.5;
    static final double MAX_KV_RATIO = 2.0;
    /** A v_kv value between this and {@link #MAX_PER_UNIT}, far below --base-kv, is taken for a per-unit value. */
    static final double MIN_LOOKS_PER_UNIT = 0.5;

    private final String file;
    private final MeterCsvLayout layout;
    private final double baseKv;
    private final List<String> meterIds;

    private long voltageOffenseLine;
    private String voltageOffense;
    private long powerOffenseLine;
    private String powerOffense;

    /** @param meterIds the collector's meter list (read, not copied: it grows while rows come) */
    UnitMistakes(String file, MeterCsvLayout layout, double baseKv, List<String> meterIds) {
        this.file = file;
        this.layout = layout;
        this.baseKv = baseKv;
        this.meterIds = meterIds;
    }

    /** Checks one row (values as written: p.u. or kV, kW, kvar; NaN = missing; voltage already &gt; 0). */
    void row(long line, int m, double volt, double pKw, double qKvar, MeterRowCollector.RowText text) {
        if (voltageOffense == null && !Double.isNaN(volt)) {
            checkVoltage(line, volt, text);
        }
        if (powerOffense == null) {
            checkPower(line, m, volt, pKw, qKvar, text);
        }
    }

    /** Whether any row so far was an offence. */
    boolean hasOffense() {
        return voltageOffense != null || powerOffense != null;
    }

    /** Raises the first voltage offence, else the first power offence, if any. */
    void throwFirst() throws InvalidInputException {
        if (voltageOffense != null) {
            throw new InvalidInputException(file, voltageOffenseLine, voltageOffense);
        }
        if (powerOffense != null) {
            throw new InvalidInputException(file, powerOffenseLine, powerOffense);
        }
    }

    /**
     * One plausibility rule for every voltage column: a reading is within {@link #MIN_KV_RATIO} to
     * {@link #MAX_KV_RATIO} times nominal (per unit directly, kV against --base-kv); outside it, the
     * message names the likely unit mistake where there is one.
     */
    private void checkVoltage(long line, double volt, MeterRowCollector.RowText text) {
        if (layout.perUnit) {
            if (volt >= VOLTS_THRESHOLD) {
                offendVoltage(line, shown(text) + " looks like volts, not per unit");
            } else if (volt > MAX_PER_UNIT) {
                offendVoltage(line, shown(text) + " looks like kV, not per unit; name the column v_kv");
            } else if (volt < MIN_KV_RATIO) {
                offendVoltage(line, shown(text) + " is outside " + NumberText.of(MIN_KV_RATIO) + " to "
                        + NumberText.of(MAX_KV_RATIO) + " per unit; not a feeder voltage");
            }
        } else if (volt >= KV_VOLTS_THRESHOLD) {
            offendVoltage(line, shown(text) + " looks like volts, not kV");
        } else if (!Double.isNaN(baseKv)) {
            double ratio = volt / baseKv;
            if (ratio < MIN_KV_RATIO || ratio > MAX_KV_RATIO) {
                offendVoltage(line, shown(text) + " is " + String.format(Locale.ROOT, "%.3g", ratio) + " times --base-kv "
                        + NumberText.of(baseKv) + (ratio < MIN_KV_RATIO && volt > MIN_LOOKS_PER_UNIT && volt < MAX_PER_UNIT
                        ? "; per-unit values belong in a v_pu column" : "; is --base-kv right?"));
            }
        }
    }

    private String shown(MeterRowCollector.RowText text) {
        return layout.voltageColumn() + " = " + text.field(layout.voltage).strip();
    }

    private void offendVoltage(long line, String reason) {
        voltageOffenseLine = line;
        voltageOffense = reason;
    }

    private void checkPower(long line, int m, double volt, double pKw, double qKvar, MeterRowCollector.RowText text) {
        double kv = !Double.isNaN(baseKv) ? baseKv : (!layout.perUnit && volt > 0 ? volt : Double.NaN);
        if (Double.isNaN(kv)) {
            return;
        }
        double limitKva = Math.sqrt(3.0) * kv * MAX_PLAUSIBLE_CURRENT_A;
        int column;
        if (Math.abs(pKw) > limitKva) {
            column = layout.activePower;
        } else if (Math.abs(qKvar) > limitKva) {
            column = layout.reactivePower;
        } else {
            return;
        }
        powerOffenseLine = line;
        powerOffense = "meter " + meterIds.get(m) + ": " + layout.nameOf(column) + " = " + text.field(column).strip()
                + " is more than a " + NumberText.of(kv) + " kV feeder carries ("
                + String.format(Locale.ROOT, "%.0f", MAX_PLAUSIBLE_CURRENT_A) + " A is "
                + String.format(Locale.ROOT, "%.0f", limitKva) + " kVA); powers in W rather than kW?";
    }

    /** Mean v_kv over --base-kv that line-to-neutral kV on one side and line-to-line on the other give: 1/&radic;3 and &radic;3, &plusmn; 7 %. */
    static final double LN_LOW_MIN = 0.54;
    static final double LN_LOW_MAX = 0.62;
    static final double LN_HIGH_MIN = 1.61;
    static final double LN_HIGH_MAX = 1.85;

    /**
     * Line-to-neutral kV where line-to-line is meant shows as a mean ratio of v_kv to --base-kv near
     * 1/&radic;3 (readings line-to-neutral: impedances would come out a third) or &radic;3 (--base-kv
     * line-to-neutral); each row passes the per-row rule, so the whole file's mean is checked.
     */
    void checkLineToNeutral(double[][] v, int intervalCount) throws InvalidInputException {
        if (layout.perUnit || Double.isNaN(baseKv)) {
            return;
        }
        double total = 0;
        long count = 0;
        for (int m = 0; m < meterIds.size(); m++) {
            for (int t = 0, end = Math.min(intervalCount, v[m].length); t < end; t++) {
                if (!Double.isNaN(v[m][t])) {
                    total += v[m][t];
                    count++;
                }
            }
        }
        double ratio = count == 0 ? Double.NaN : total / count / baseKv;
        if (ratio >= LN_LOW_MIN && ratio <= LN_LOW_MAX) {
            throw new InvalidInputException(file, 0, String.format(Locale.ROOT, "the v_kv readings average %.3f times"
                    + " --base-kv %s: line-to-neutral kV? v_kv is line-to-line (line-to-neutral times 1.732)", ratio,
                    NumberText.of(baseKv)));
        }
        if (ratio >= LN_HIGH_MIN && ratio <= LN_HIGH_MAX) {
            throw new InvalidInputException(file, 0, String.format(Locale.ROOT, "the v_kv readings average %.3f times"
                    + " --base-kv %s: is --base-kv line-to-neutral? give the line-to-line kV, about %.4g", ratio,
                    NumberText.of(baseKv), baseKv * Math.sqrt(3)));
        }
    }

    /**
     * W given as kW can hide below the per-row limit when every load is small and the feeder head's
     * flow is left empty; the sum of the loads then still gives it away. Leaves out the largest
     * meter of each interval (likely the feeder head, whose flow repeats the loads' sum).
     */
    void checkFeederTotal(double[][] v, double[][] p, double[][] q, long[] epochs, int intervalCount,
                          LongFunction<String> when)
            throws InvalidInputException {
        int n = meterIds.size();
        double kv = baseKv;
        if (Double.isNaN(kv)) {
            double total = 0;
            long count = 0;
            for (int m = 0; m < n; m++) {
                for (int t = 0, end = Math.min(intervalCount, v[m].length); t < end; t++) {
                    if (!Double.isNaN(v[m][t])) {
                        total += v[m][t];
                        count++;
                    }
                }
            }
            kv = count == 0 ? Double.NaN : total / count;
        }
        if (n < 3 || Double.isNaN(kv)) {
            return;
        }
        double limitKva = Math.sqrt(3.0) * kv * MAX_PLAUSIBLE_CURRENT_A;
        double[] sum = new double[intervalCount];
        double[] largest = new double[intervalCount];
        for (int m = 0; m < n; m++) {
            double[] pm = p[m];
            double[] qm = q[m];
            // a meter's column ends at its last reading: the intervals after it have none
            for (int t = 0, end = Math.min(intervalCount, pm.length); t < end; t++) {
                double pk = Double.isNaN(pm[t]) ? 0 : Units.mwToKw(pm[t]);
                double qk = Double.isNaN(qm[t]) ? 0 : Units.mwToKw(qm[t]);
                double sk = Math.sqrt(pk * pk + qk * qk);
                sum[t] += sk;
                largest[t] = Math.max(largest[t], sk);
            }
        }
        int worst = -1;
        for (int t = 0; t < intervalCount; t++) {
            if (sum[t] - largest[t] > limitKva && (worst < 0 || epochs[t] < epochs[worst])) {
                worst = t;
            }
        }
        if (worst >= 0) {
            throw new InvalidInputException(file, 0, "at " + when.apply(epochs[worst]) + " the meters draw "
                    + String.format(Locale.ROOT, "%.0f", sum[worst] - largest[worst])
                    + " kVA together (the largest, likely the feeder head, left out), more than a "
                    + NumberText.of(Math.round(kv * 1000) / 1000.0) + " kV feeder carries ("
                    + String.format(Locale.ROOT, "%.0f", MAX_PLAUSIBLE_CURRENT_A) + " A is "
                    + String.format(Locale.ROOT, "%.0f", limitKva) + " kVA); powers in W rather than kW,"
                    + " or more than one feeder in the file?");
        }
    }
}

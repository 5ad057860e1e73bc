package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.VoltageResolution;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A read's warnings and their wording: a list of meters cut after a few, and an irregular time grid. */
final class ReadWarnings {
    private ReadWarnings() {
    }

    /**
     * The warnings about the meters and the time grid (a new, modifiable list).
     *
     * @param partial per partial meter, its id with its count and span, as the warning shows it
     * @param spans   per partial meter (same order): its index, first and last interval (sorted order)
     * @param flat    meters whose voltage never changes
     * @param empty   meters with every reading missing
     * @param sorted  the sorted instants
     */
    static List<Warning> of(List<String> partial, List<int[]> spans, List<String> meterIds, List<String> flat,
                            List<String> empty, long[] sorted) {
        List<Warning> warnings = new ArrayList<>();
        if (!partial.isEmpty()) {
            List<String> ids = new ArrayList<>();
            spans.forEach(span -> ids.add(meterIds.get(span[0])));
            warnings.add(Warning.about(WarningCode.METERS_PARTIAL, ids, named(partial.size() == 1
                    ? "1 meter has rows for only part of the intervals: "
                    : partial.size() + " meters have rows for only part of the intervals: ", partial)));
        }
        Warning takeovers = takeovers(spans, meterIds);
        if (takeovers != null) {
            warnings.add(takeovers);
        }
        if (!flat.isEmpty()) {
            warnings.add(Warning.about(WarningCode.METERS_FLAT_VOLTAGE, flat, named(flat.size() == 1
                    ? "1 meter reports a voltage that never changes (stuck or estimated?): "
                    : flat.size() + " meters report a voltage that never changes (stuck or estimated?): ", flat)));
        }
        if (!empty.isEmpty()) {
            warnings.add(Warning.about(WarningCode.METERS_EMPTY, empty, named(empty.size() == 1
                    ? "1 meter has every reading missing: " : empty.size() + " meters have every reading missing: ",
                    empty)));
        }
        String grid = grid(sorted);
        if (grid != null) {
            warnings.add(Warning.of(WarningCode.IRREGULAR_INTERVALS, grid));
        }
        return warnings;
    }

    /** {@code lead} and the first {@link MeterRowCollector#NAMED_IN_WARNING} items, then "and N more". */
    static String named(String lead, List<String> items) {
        StringBuilder sb = new StringBuilder(lead);
        int shown = Math.min(items.size(), MeterRowCollector.NAMED_IN_WARNING);
        sb.append(String.join(", ", items.subList(0, shown)));
        if (items.size() > shown) {
            sb.append(" and ").append(items.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /**
     * Rounding noise, relative to the reading, from which a meter's grid is told: 1e-5, the residual
     * below which stage 1 takes data for precise.
     */
    static final double ROUNDING_NOISE_TOLD = 1e-5;

    /**
     * A warning naming the meters whose voltages lie on a grid whose rounding noise (step / &radic;12,
     * relative to the meter's mean voltage) is at least {@link #ROUNDING_NOISE_TOLD}, with the
     * coarsest step, else null.
     */
    static Warning rounded(MeterData data) {
        List<String> meters = new ArrayList<>();
        double coarsest = 0;
        for (int m = 0; m < data.meterCount(); m++) {
            double step = VoltageResolution.step(data, m) / data.meanVoltageKv(m);
            if (step / Math.sqrt(12) >= ROUNDING_NOISE_TOLD) {
                meters.add(data.meterIds().get(m));
                coarsest = Math.max(coarsest, step);
            }
        }
        if (meters.isEmpty()) {
            return null;
        }
        return Warning.about(WarningCode.VOLTAGES_ROUNDED, meters, named(String.format(Locale.ROOT,
                "%d of %d meters record the voltage in steps of up to %.2g of the reading (%.2g V on 240 V),"
                + " rounding noise of up to %.2g p.u. per reading: ", meters.size(), data.meterCount(), coarsest,
                coarsest * 240, coarsest / Math.sqrt(12)), meters));
    }

    /** Partial meters beyond which pairs are not looked for (the look is quadratic). */
    static final int MAX_TAKEOVER_METERS = 1000;

    /**
     * A warning naming pairs of meters of which one starts after the other stopped (a meter exchanged,
     * its bus now under a new id), else null.
     *
     * @param spans per partial meter: its index, first and last interval (sorted order)
     */
    static Warning takeovers(List<int[]> spans, List<String> ids) {
        if (spans.size() < 2 || spans.size() > MAX_TAKEOVER_METERS) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        List<String> meters = new ArrayList<>();
        for (int[] a : spans) {
            for (int[] b : spans) {
                if (a[2] < b[1] && a[1] == 0) {
                    pairs.add(ids.get(a[0]) + " then " + ids.get(b[0]));
                    meters.add(ids.get(a[0]));
                    meters.add(ids.get(b[0]));
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return Warning.about(WarningCode.METERS_TAKE_OVER, meters, named("meters that take over from one another (one"
                + " starts after the other stopped: the same bus under a new id? give both one id): ", pairs));
    }

    /** A warning when the sorted instants are not evenly spaced, else null. */
    static String grid(long[] sorted) {
        if (sorted.length < 3) {
            return null;
        }
        Map<Long, Integer> steps = new HashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = 1; k < sorted.length; k++) {
            long d = sorted[k] - sorted[k - 1];
            steps.merge(d, 1, Integer::sum);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        if (steps.size() == 1) {
            return null;
        }
        long common = 0;
        int best = -1;
        for (Map.Entry<Long, Integer> e : steps.entrySet()) {
            if (e.getValue() > best || (e.getValue() == best && e.getKey() < common)) {
                best = e.getValue();
                common = e.getKey();
            }
        }
        return "intervals are not on a regular grid: steps from " + min + " s to " + max + " s (most common "
                + common + " s); gaps or irregular logging?";
    }
}

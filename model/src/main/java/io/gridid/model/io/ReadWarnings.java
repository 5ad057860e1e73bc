package io.gridid.model.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How a read's warnings are worded: a list of meters cut after a few, and an irregular time grid. */
final class ReadWarnings {
    private ReadWarnings() {
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

    /** Partial meters beyond which pairs are not looked for (the look is quadratic). */
    static final int MAX_TAKEOVER_METERS = 1000;

    /**
     * A warning naming pairs of meters of which one starts after the other stopped (a meter exchanged,
     * its bus now under a new id), else null.
     *
     * @param spans per partial meter: its index, first and last interval (sorted order)
     */
    static String takeovers(List<int[]> spans, List<String> ids) {
        if (spans.size() < 2 || spans.size() > MAX_TAKEOVER_METERS) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (int[] a : spans) {
            for (int[] b : spans) {
                if (a[2] < b[1] && a[1] == 0) {
                    pairs.add(ids.get(a[0]) + " then " + ids.get(b[0]));
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return named("meters that take over from one another (one starts after the other stopped: the same bus"
                + " under a new id? give both one id): ", pairs);
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

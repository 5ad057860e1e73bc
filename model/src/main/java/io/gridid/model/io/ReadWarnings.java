package io.gridid.model.io;

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

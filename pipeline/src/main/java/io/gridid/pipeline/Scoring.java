package io.gridid.pipeline;

import io.gridid.model.GrididException;
import io.gridid.model.io.BranchRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores an identified branch list against the truth exactly as the data contract says: the
 * two lists are joined on the <em>unordered</em> bus pair {from_bus, to_bus}, so a branch
 * written in the opposite direction still counts as found. Works on {@link BranchRow}s, i.e.
 * on what {@code branches.csv} and {@code truth_branches.csv} hold, so an outside tool scoring
 * the same two files gets the same figures.
 *
 * <ul>
 *   <li>precision = matched / result rows, recall = matched / truth rows, F1 their harmonic mean;</li>
 *   <li>per matched branch the relative errors |r - r_true| / r_true and |x - x_true| / x_true;
 *       undefined (NaN) when a value is missing or the true value is 0 (a switch), and then left
 *       out of the median and 90th percentile;</li>
 *   <li>percentiles by linear interpolation between order statistics (the "R-7" / numpy default
 *       definition: position p&middot;(n-1) in the sorted values, 0-based).</li>
 * </ul>
 * Runs in O(n log n). Stateless; the same instance may be shared.
 */
public final class Scoring {

    /**
     * @param result the identified branches (not modified)
     * @param truth  the true branches (not modified)
     * @throws GrididException if either list names the same unordered bus pair twice (the join
     *                         would be ambiguous)
     */
    public Score score(List<BranchRow> result, List<BranchRow> truth) throws GrididException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(truth, "truth");
        Map<BusPair, BranchRow> truthByPair = index(truth, "truth");
        Map<BusPair, BranchRow> resultByPair = index(result, "result");

        List<BranchError> matched = new ArrayList<>();
        List<BusPair> extra = new ArrayList<>();
        for (BranchRow r : result) {
            BusPair key = BusPair.of(r.fromBus(), r.toBus());
            BranchRow t = truthByPair.get(key);
            if (t == null) {
                extra.add(key);
                continue;
            }
            matched.add(new BranchError(r.fromBus(), r.toBus(), r.rOhm(), r.xOhm(), t.rOhm(), t.xOhm(),
                    relativeError(r.rOhm(), t.rOhm()), relativeError(r.xOhm(), t.xOhm()),
                    !r.fromBus().equals(t.fromBus())));
        }
        List<BusPair> missing = new ArrayList<>();
        for (BranchRow t : truth) {
            BusPair key = BusPair.of(t.fromBus(), t.toBus());
            if (!resultByPair.containsKey(key)) {
                missing.add(key);
            }
        }
        double precision = result.isEmpty() ? Double.NaN : (double) matched.size() / result.size();
        double recall = truth.isEmpty() ? Double.NaN : (double) matched.size() / truth.size();
        double f1;
        if (Double.isNaN(precision) || Double.isNaN(recall)) {
            f1 = Double.NaN;
        } else if (precision + recall == 0) {
            f1 = 0;
        } else {
            f1 = 2 * precision * recall / (precision + recall);
        }
        double[] rErr = defined(matched, true);
        double[] xErr = defined(matched, false);
        return new Score(result.size(), truth.size(), matched, missing, extra, precision, recall, f1,
                percentile(rErr, 0.5), percentile(rErr, 0.9), percentile(xErr, 0.5), percentile(xErr, 0.9));
    }

    /** |estimate - truth| / truth, NaN when undefined (missing value or truth 0). */
    static double relativeError(double estimate, double truth) {
        if (Double.isNaN(estimate) || Double.isNaN(truth) || truth == 0) {
            return Double.NaN;
        }
        return Math.abs(estimate - truth) / Math.abs(truth);
    }

    /**
     * The p-quantile (0 &le; p &le; 1) of the values by linear interpolation between order
     * statistics; NaN for no values. The array is not modified.
     */
    public static double percentile(double[] values, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = p * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static double[] defined(List<BranchError> matched, boolean r) {
        return matched.stream().mapToDouble(e -> r ? e.rRelError() : e.xRelError())
                .filter(v -> !Double.isNaN(v)).toArray();
    }

    private static Map<BusPair, BranchRow> index(List<BranchRow> rows, String what) throws GrididException {
        Map<BusPair, BranchRow> m = new LinkedHashMap<>();
        for (BranchRow r : rows) {
            BusPair key = BusPair.of(r.fromBus(), r.toBus());
            if (m.put(key, r) != null) {
                throw new GrididException(what + " lists the branch between " + r.fromBus() + " and "
                        + r.toBus() + " twice");
            }
        }
        return m;
    }
}

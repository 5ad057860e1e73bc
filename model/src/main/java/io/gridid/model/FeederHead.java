package io.gridid.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether the data contradict a meter as the feeder head, and which meter they point to instead.
 * The head carries every load (load convention: its active power is the loads' total plus losses):
 * a head whose mean active power is below {@link #MIN_SHARE_OF_LOADS} of the other meters' total
 * (when both are metered and the total is positive) is contradicted. Its voltage need not be the
 * highest: downstream of a capacitor bank or of PV feeding back the voltage rises along branches.
 * Only when the head's powers are not metered (the contract allows it) does the voltage decide: a
 * head whose mean voltage is more than {@link #VOLTAGE_RISE_MARGIN} below that of more than half of
 * the other meters is contradicted. The likely head is the meter with the largest mean active power
 * when that power could be the head's and its voltage is within the margin of the highest, else the
 * meter with the highest mean voltage.
 * O(meters &times; intervals).
 */
public final class FeederHead {
    /** The share of the other meters' total mean active power a head carries at least. */
    public static final double MIN_SHARE_OF_LOADS = 0.5;
    /**
     * How far above the head another meter's mean voltage may lie from a rise along the feeder, as a
     * share of the head's: capacitor banks lift a 12.47 kV feeder by about 1 % (random:200+caps=10:
     * 0.93 %), while a leaf lies several per cent below its head.
     */
    public static final double VOLTAGE_RISE_MARGIN = 0.015;
    private static final String MARGIN_PERCENT =
            java.math.BigDecimal.valueOf(100 * VOLTAGE_RISE_MARGIN).stripTrailingZeros().toPlainString();

    private FeederHead() {
    }

    /**
     * @param data   readings (kV, MW, Mvar); not modified
     * @param rootId a meter of {@code data}
     * @return null when the data do not contradict {@code rootId}, else the reason, naming the likely
     *         head (a sentence without a final period)
     */
    public static String contradiction(MeterData data, String rootId) {
        Objects.requireNonNull(data, "data");
        int root = data.indexOf(rootId);
        if (root < 0) {
            throw new IllegalArgumentException("root " + rootId + " is not a meter of the data");
        }
        int n = data.meterCount();
        double[] meanV = new double[n];
        double[] meanP = new double[n];
        for (int m = 0; m < n; m++) {
            meanV[m] = mean(data.voltagesKv(m));
            meanP[m] = mean(data.activeMw(m));
        }
        double others = 0;
        int withP = 0;
        int bestP = -1;
        int bestV = -1;
        int higher = 0;
        for (int m = 0; m < n; m++) {
            if (!Double.isNaN(meanP[m]) && (bestP < 0 || meanP[m] > meanP[bestP])) {
                bestP = m;
            }
            if (!Double.isNaN(meanV[m]) && (bestV < 0 || meanV[m] > meanV[bestV])) {
                bestV = m;
            }
            if (m == root) {
                continue;
            }
            if (!Double.isNaN(meanP[m])) {
                others += meanP[m];
                withP++;
            }
            if (meanV[m] > meanV[root] * (1 + VOLTAGE_RISE_MARGIN)) {
                higher++;
            }
        }
        // the meter with the largest power could be the head if it carries the others' loads and no
        // meter lies further above it than a rise along the feeder explains
        double rootP = Double.isNaN(meanP[root]) ? 0 : meanP[root];
        boolean flowHead = bestP >= 0 && bestP != root && bestV >= 0
                && meanP[bestP] >= MIN_SHARE_OF_LOADS * (others + rootP - meanP[bestP]) && meanP[bestP] > 0
                && meanV[bestP] * (1 + VOLTAGE_RISE_MARGIN) >= meanV[bestV];
        int likely = flowHead ? bestP : bestV >= 0 && bestV != root ? bestV : bestP >= 0 && bestP != root ? bestP : -1;
        String instead = likely < 0 ? "" : String.format(Locale.ROOT, "; the likely head is '%s' (mean voltage %.5g kV)",
                data.meterIds().get(likely), meanV[likely]);
        if (!Double.isNaN(meanP[root]) && withP > 0 && others > 0 && meanP[root] < MIN_SHARE_OF_LOADS * others) {
            return String.format(Locale.ROOT, "the data contradict root '%s': its mean p_kw (%.4g) is below half the"
                    + " other meters' total (%.4g), yet a feeder head carries every load", rootId, 1000 * meanP[root],
                    1000 * others) + instead;
        }
        if (Double.isNaN(meanP[root]) && !Double.isNaN(meanV[root]) && higher * 2 > n - 1) {
            return String.format(Locale.ROOT, "the data contradict root '%s': its mean voltage (%.5g kV) is more than"
                    + " %s %% below that of %d of the %d other meters, more than a rise along a feeder explains",
                    rootId, meanV[root], MARGIN_PERCENT, higher, n - 1) + instead;
        }
        return null;
    }

    private static double mean(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}

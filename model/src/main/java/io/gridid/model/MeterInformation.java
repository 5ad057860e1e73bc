package io.gridid.model;

import java.util.Objects;

/**
 * Whether meter data carry the information a feeder is identified from: loads that draw power and
 * change, voltages that change, and voltage drops from the root. Data without any of these (stuck
 * meters, every load zero, every meter repeating the root's voltage) fit any tree with r = x = 0,
 * so the stages refuse them with the reason instead of returning a confident arbitrary answer.
 *
 * <p>Each check passes as soon as one non-root meter shows the information; a single stuck meter
 * among working ones is the reader's warning, not a refusal. O(meters &times; intervals).
 */
public final class MeterInformation {
    private MeterInformation() {
    }

    /**
     * @param data   readings of every bus including the root; not modified
     * @param rootId the feeder head's meter id (a meter of {@code data})
     * @throws GrididException naming what the data lack
     */
    public static void require(MeterData data, String rootId) throws GrididException {
        Objects.requireNonNull(data, "data");
        int root = data.indexOf(rootId);
        if (root < 0) {
            throw new IllegalArgumentException("root " + rootId + " is not a meter of the data");
        }
        int n = data.meterCount();
        int tCount = data.intervalCount();
        boolean anyLoad = false;
        boolean loadChanges = false;
        boolean voltageChanges = false;
        boolean anyDrop = false;
        boolean anyCommon = false;
        for (int m = 0; m < n; m++) {
            if (m == root) {
                continue;
            }
            double firstP = Double.NaN;
            double firstQ = Double.NaN;
            double firstV = Double.NaN;
            for (int t = 0; t < tCount; t++) {
                double p = data.pMw(m, t);
                double q = data.qMvar(m, t);
                double v = data.vKv(m, t);
                anyLoad |= (p != 0 && !Double.isNaN(p)) || (q != 0 && !Double.isNaN(q));
                if (!Double.isNaN(p)) {
                    loadChanges |= !Double.isNaN(firstP) && p != firstP;
                    firstP = Double.isNaN(firstP) ? p : firstP;
                }
                if (!Double.isNaN(q)) {
                    loadChanges |= !Double.isNaN(firstQ) && q != firstQ;
                    firstQ = Double.isNaN(firstQ) ? q : firstQ;
                }
                if (!Double.isNaN(v)) {
                    voltageChanges |= !Double.isNaN(firstV) && v != firstV;
                    firstV = Double.isNaN(firstV) ? v : firstV;
                    double vr = data.vKv(root, t);
                    anyCommon |= !Double.isNaN(vr);
                    anyDrop |= !Double.isNaN(vr) && v != vr;
                }
            }
        }
        String others = (n - 1) + (n == 2 ? " meter" : " meters") + " besides the root";
        if (!anyLoad) {
            throw new GrididException("no load: every p_kw and q_kvar of the " + others
                    + " is zero or missing, so no current flows and the data say nothing about the feeder");
        }
        if (!loadChanges) {
            throw new GrididException("no load ever changes: each of the " + others
                    + " reports the same p_kw and q_kvar throughout, so r and x cannot be told apart"
                    + " (estimated or profile data?)");
        }
        if (!voltageChanges) {
            throw new GrididException("no voltage ever changes: each of the " + others
                    + " reports one voltage throughout (stuck meters or estimated readings?)");
        }
        if (anyCommon && !anyDrop) {
            throw new GrididException("no voltage drop: each of the " + others
                    + " reports exactly the root's voltage, so the data say nothing about the feeder");
        }
    }
}

package io.gridid.cli;

import io.gridid.model.MeterData;

/** The feeder head's mean measured voltage: the per-unit base when a {@code v_kv} file comes without {@code --base-kv}. */
final class RootVoltage {
    private RootVoltage() {
    }

    /** Mean line-to-line kV of the root meter over its readings (missing ones skipped); NaN when it has none. */
    static double meanKv(MeterData data, String root) {
        double sum = 0;
        int n = 0;
        for (double v : data.voltagesKv(data.indexOf(root))) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

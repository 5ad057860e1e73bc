package io.gridid.model.io;

/** How numbers are written to CSV: shortest text that reads back to the same double; NaN as empty. */
final class NumberText {
    private NumberText() {
    }

    static String of(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

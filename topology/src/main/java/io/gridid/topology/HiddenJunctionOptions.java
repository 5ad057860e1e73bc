package io.gridid.topology;

/**
 * Parameters of the hidden-junction search ({@link HiddenJunctionSearch}).
 *
 * @param enabled         place hidden junctions after the metered search; default off (see
 *                        docs/hidden-junctions.md for the measurements behind it)
 * @param significance    a placement must lower the residual sum of squares by this many times the
 *                        per-equation noise variance; 30 is about the 1e-6 tail of a chi-square
 *                        with the 3 parameters a hidden segment adds
 * @param screenIntervals candidate groups are first ranked on about this many evenly spaced
 *                        intervals, the chosen group is then checked on all
 * @param maxPasses       sweeps over all edges, &ge; 1 (a pass that places nothing ends the search)
 * @param parallel        rank the edges' candidates on all cores (the common fork-join pool); the
 *                        result is the same as on one thread
 */
public record HiddenJunctionOptions(boolean enabled, double significance, int screenIntervals, int maxPasses,
                                    boolean parallel) {
    public HiddenJunctionOptions {
        if (!(significance > 0) || Double.isInfinite(significance)) {
            throw new IllegalArgumentException("significance must be positive and finite");
        }
        if (screenIntervals < 10) {
            throw new IllegalArgumentException("screenIntervals must be >= 10");
        }
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be >= 1");
        }
    }

    public static HiddenJunctionOptions defaults() {
        return new HiddenJunctionOptions(false, 30, 1000, 3, true);
    }

    public HiddenJunctionOptions withEnabled(boolean value) {
        return new HiddenJunctionOptions(value, significance, screenIntervals, maxPasses, parallel);
    }

    public HiddenJunctionOptions withSignificance(double value) {
        return new HiddenJunctionOptions(enabled, value, screenIntervals, maxPasses, parallel);
    }

    public HiddenJunctionOptions withScreenIntervals(int value) {
        return new HiddenJunctionOptions(enabled, significance, value, maxPasses, parallel);
    }

    public HiddenJunctionOptions withParallel(boolean value) {
        return new HiddenJunctionOptions(enabled, significance, screenIntervals, maxPasses, value);
    }

    public HiddenJunctionOptions withMaxPasses(int value) {
        return new HiddenJunctionOptions(enabled, significance, screenIntervals, value, parallel);
    }
}

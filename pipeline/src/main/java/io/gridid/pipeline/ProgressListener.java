package io.gridid.pipeline;

/** Told when a long run finishes a step; the library never prints, the caller decides how to show it. */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (label, done, total) -> { };

    /**
     * @param label what was just finished, e.g. "ieee13 noise=1e-05 days=90"
     * @param done  steps finished so far
     * @param total steps in all
     */
    void stepDone(String label, int done, int total);
}

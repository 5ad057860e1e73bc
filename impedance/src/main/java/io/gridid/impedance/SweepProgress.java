package io.gridid.impedance;

/**
 * Receives progress of a stage-2 sweep, e.g. to draw a progress bar. Called on the thread that
 * called {@link ImpedanceEstimator#estimate}, after each tree level (never from worker threads).
 */
@FunctionalInterface
public interface SweepProgress {
    /** Ignores progress. */
    SweepProgress NONE = (done, total) -> { };

    /**
     * @param done  branches fitted so far
     * @param total branches in the tree
     */
    void branchesFitted(int done, int total);
}

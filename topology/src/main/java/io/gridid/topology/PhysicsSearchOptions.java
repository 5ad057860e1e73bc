package io.gridid.topology;

/**
 * Parameters of {@link PhysicsSearch}.
 *
 * @param candidates       alternative parents kept per bus for the local search (and for the
 *                         confidence), &ge; 1
 * @param maxRounds        local-search sweeps over all buses per phase, &ge; 0 (0 = greedy only)
 * @param screenIntervals  when a bus has many candidate parents, they are first ranked on about
 *                         this many evenly spread intervals and only the best 2&middot;candidates
 *                         (at least 8) are fitted on all intervals; 0 = never screen
 */
public record PhysicsSearchOptions(int candidates, int maxRounds, int screenIntervals) {
    public PhysicsSearchOptions {
        if (candidates < 1 || maxRounds < 0 || screenIntervals < 0) {
            throw new IllegalArgumentException("candidates >= 1, maxRounds >= 0, screenIntervals >= 0");
        }
    }

    public static PhysicsSearchOptions defaults() {
        return new PhysicsSearchOptions(5, 20, 1024);
    }

    public PhysicsSearchOptions withCandidates(int value) {
        return new PhysicsSearchOptions(value, maxRounds, screenIntervals);
    }

    public PhysicsSearchOptions withMaxRounds(int value) {
        return new PhysicsSearchOptions(candidates, value, screenIntervals);
    }

    public PhysicsSearchOptions withScreenIntervals(int value) {
        return new PhysicsSearchOptions(candidates, maxRounds, value);
    }
}

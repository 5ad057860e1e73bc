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
 * @param searchBudget     work budget of the local search, in branch-fit intervals (one branch
 *                         fit over T intervals costs T): the search stops, with a warning, once
 *                         it has spent this much. Deterministic, unlike a time limit. The default
 *                         is 3e8; the 69-bus feeder with a year of hourly data needs about 1e8, a
 *                         200-bus feeder about 3.5e8.
 * @param parallel         rank one bus's candidate parents on all cores (the common fork-join
 *                         pool) when there are many; the result is the same either way
 * @param denoiseParents   on noisy data (median branch-fit residual above 1e-5 of u), search again
 *                         with the candidate parents' drops replaced by their least-squares fit on
 *                         all loads where that fit explains a drop about as well as the bus's
 *                         branch fit ({@link DenoisedDrops}; complete data, up to 400 buses, at
 *                         least 5 intervals per fitted column, 2n + 3 columns); the result says
 *                         when it did and at how many buses
 */
public record PhysicsSearchOptions(int candidates, int maxRounds, int screenIntervals, long searchBudget,
                                   boolean parallel, boolean denoiseParents) {
    /** Default local-search work budget, branch-fit intervals. */
    public static final long DEFAULT_SEARCH_BUDGET = 300_000_000L;

    public PhysicsSearchOptions {
        if (candidates < 1 || maxRounds < 0 || screenIntervals < 0 || searchBudget < 0) {
            throw new IllegalArgumentException("candidates >= 1, maxRounds >= 0, screenIntervals >= 0, searchBudget >= 0");
        }
    }

    /** Parallel, denoising parents on noisy data (the defaults). */
    public PhysicsSearchOptions(int candidates, int maxRounds, int screenIntervals, long searchBudget) {
        this(candidates, maxRounds, screenIntervals, searchBudget, true, true);
    }

    public static PhysicsSearchOptions defaults() {
        return new PhysicsSearchOptions(5, 20, 512, DEFAULT_SEARCH_BUDGET, true, true);
    }

    public PhysicsSearchOptions withParallel(boolean value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, searchBudget, value, denoiseParents);
    }

    public PhysicsSearchOptions withDenoiseParents(boolean value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, searchBudget, parallel, value);
    }

    public PhysicsSearchOptions withSearchBudget(long value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, value, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withCandidates(int value) {
        return new PhysicsSearchOptions(value, maxRounds, screenIntervals, searchBudget, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withMaxRounds(int value) {
        return new PhysicsSearchOptions(candidates, value, screenIntervals, searchBudget, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withScreenIntervals(int value) {
        return new PhysicsSearchOptions(candidates, maxRounds, value, searchBudget, parallel, denoiseParents);
    }
}

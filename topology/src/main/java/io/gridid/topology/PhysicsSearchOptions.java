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
 * @param fitsPerBus       work budget of the local search, in branch fits of a year of hourly data
 *                         per bus, &ge; 0: it stops, with a warning, once it has spent
 *                         fitsPerBus &middot; min(n, {@link #FULL_BUDGET_BUSES}) &middot; max(T, 8760)
 *                         branch-fit intervals (shorter data get as much work, so more fits).
 *                         Deterministic, unlike a time limit. Default {@value #DEFAULT_FITS_PER_BUS}.
 * @param parallel         rank one bus's candidate parents on all cores (the common fork-join
 *                         pool) when there are many; the result is the same either way
 * @param denoiseParents   on noisy data (median branch-fit residual above 1e-5 of u), search again
 *                         with the candidate parents' drops replaced by their least-squares fit on
 *                         all loads where that fit explains a drop about as well as the bus's
 *                         branch fit ({@link DenoisedDrops}; missing voltages imputed, then
 *                         refitted; at least 5 intervals per fitted column and a bounded work:
 *                         2n + 3 columns of P and Q, else
 *                         n + 3 of P alone); the result says
 *                         when it did and at how many buses
 */
public record PhysicsSearchOptions(int candidates, int maxRounds, int screenIntervals, int fitsPerBus,
                                   boolean parallel, boolean denoiseParents) {
    /**
     * Default local-search branch fits per bus: enough for the search to converge on ieee69 and
     * random:200 (docs/decisions/001-stage1-voltage-rise.md, "Work budget").
     */
    public static final int DEFAULT_FITS_PER_BUS = 300;
    /**
     * Buses up to which the budget grows with the feeder: beyond, more search bought a few edges
     * for several times the cost (docs/decisions/001-stage1-voltage-rise.md, "Work budget").
     */
    public static final int FULL_BUDGET_BUSES = 120;
    /** Intervals the budget's fits are counted on (a year hourly): shorter data cost less per fit. */
    public static final int BUDGET_INTERVALS = 8760;

    public PhysicsSearchOptions {
        if (candidates < 1 || maxRounds < 0 || screenIntervals < 0 || fitsPerBus < 0) {
            throw new IllegalArgumentException("candidates >= 1, maxRounds >= 0, screenIntervals >= 0, fitsPerBus >= 0");
        }
    }

    /**
     * The local search's budget for n buses and T intervals, in branch-fit intervals: fitsPerBus
     * branch fits over {@link #BUDGET_INTERVALS} intervals for each of the first
     * {@link #FULL_BUDGET_BUSES} buses, none more beyond.
     */
    public double budgetFor(int buses, int intervals) {
        return (double) fitsPerBus * Math.min(buses, FULL_BUDGET_BUSES) * Math.max(intervals, BUDGET_INTERVALS);
    }

    /** Parallel, denoising parents on noisy data (the defaults). */
    public PhysicsSearchOptions(int candidates, int maxRounds, int screenIntervals, int fitsPerBus) {
        this(candidates, maxRounds, screenIntervals, fitsPerBus, true, true);
    }

    public static PhysicsSearchOptions defaults() {
        return new PhysicsSearchOptions(5, 20, 512, DEFAULT_FITS_PER_BUS, true, true);
    }

    public PhysicsSearchOptions withParallel(boolean value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, fitsPerBus, value, denoiseParents);
    }

    public PhysicsSearchOptions withDenoiseParents(boolean value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, fitsPerBus, parallel, value);
    }

    public PhysicsSearchOptions withFitsPerBus(int value) {
        return new PhysicsSearchOptions(candidates, maxRounds, screenIntervals, value, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withCandidates(int value) {
        return new PhysicsSearchOptions(value, maxRounds, screenIntervals, fitsPerBus, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withMaxRounds(int value) {
        return new PhysicsSearchOptions(candidates, value, screenIntervals, fitsPerBus, parallel, denoiseParents);
    }

    public PhysicsSearchOptions withScreenIntervals(int value) {
        return new PhysicsSearchOptions(candidates, maxRounds, value, fitsPerBus, parallel, denoiseParents);
    }
}

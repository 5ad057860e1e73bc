package io.gridid.topology;

/**
 * The search's work measure and the local search's budget. The measure counts branch fits (one
 * pass over the T intervals each, whether computed or taken from an earlier identical one), so it
 * is deterministic, unlike a time limit; the budget is {@link PhysicsSearchOptions#budgetFor} in
 * branch-fit intervals.
 */
final class WorkBudget {
    private final double limit;
    private final int tCount;
    private long fits;         // every branch fit counted, greedy start and refreshes included
    private long searchFits;   // of which in the local search
    private boolean exhausted;

    WorkBudget(PhysicsSearchOptions options, int buses, int intervals) {
        this.limit = options.budgetFor(buses, intervals);
        this.tCount = intervals;
    }

    /** Counts {@code count} branch fits. */
    void count(long count) {
        fits += count;
    }

    long fits() {
        return fits;
    }

    /** Whether the local search's fits so far are above the budget (then it is exhausted). */
    boolean spent() {
        boolean over = searchFits * (double) tCount > limit;
        exhausted |= over;
        return over;
    }

    /** Books the fits counted since {@code before} (a value of {@link #fits()}) to the local search. */
    void chargeSearchSince(long before) {
        searchFits += fits - before;
    }

    /** Whether the local search stopped at its budget. */
    boolean exhausted() {
        return exhausted;
    }
}

package io.gridid.model;

/**
 * Every kind of warning gridid emits, so a report, a terminal or a caller can group, count and act on
 * warnings without reading their text. Each code has a {@link #kind()}, the short text that stands for
 * all warnings of the code in a summary, and an {@link #item()}: the noun ("branch", "bus", "meter")
 * when each warning of the code is about one item, its id the warning's only subject; empty when a
 * warning of the code is about the feeder or the data as a whole (its subjects, if any, are the ids it
 * names: meters, buses or branches written {@code from-to}, see {@link Warning#branch}).
 */
public enum WarningCode {
    // reading the meter file
    /** Meters with rows for only part of the intervals; subjects: the meters. */
    METERS_PARTIAL("meters have rows for only part of the intervals", ""),
    /** Pairs of meters of which one starts after the other stopped; subjects: the meters, each pair in order. */
    METERS_TAKE_OVER("meters that take over from one another", ""),
    /** Meters whose voltage never changes; subjects: the meters. */
    METERS_FLAT_VOLTAGE("meters report a voltage that never changes", ""),
    /** Meters with every reading missing; subjects: the meters. */
    METERS_EMPTY("meters have every reading missing", ""),
    /** Meters whose voltages lie on a grid coarse enough to act as noise ({@link io.gridid.model.VoltageResolution}); subjects: the meters. */
    VOLTAGES_ROUNDED("meters record the voltage in coarse steps", ""),
    /** Intervals not evenly spaced. */
    IRREGULAR_INTERVALS("intervals are not on a regular grid", ""),
    /** Rows out of time order, sorted on reading. */
    ROWS_UNSORTED("rows were not in time order; sorted by timestamp", ""),
    /** No nominal voltage given: per-unit figures relative to the root's mean voltage; subject: the root. */
    NO_BASE_VOLTAGE("no base voltage given: per-unit voltages relative to the root's mean voltage", ""),

    // stage 1: the topology
    /** Intervals dropped because fewer than two voltages were read in them. */
    INTERVALS_WITHOUT_VOLTAGES("intervals dropped: fewer than two voltage readings", ""),
    /** Readings missing: loads estimated, intervals without enough voltages dropped. */
    READINGS_MISSING("readings missing", ""),
    /** Intervals dropped by the regression-based estimators for missing readings. */
    INTERVALS_DROPPED("intervals dropped for missing readings", ""),
    /** Few usable intervals for the sensitivity regression's regressors. */
    FEW_INTERVALS("few usable intervals for the regressors; estimates will be noisy", ""),
    /** The regression's design matrix is rank deficient. */
    RANK_DEFICIENT("design rank below the number of regressors: estimates are not unique", ""),
    /** Which regression path the sensitivity estimators took, and why. */
    REGRESSION_PATH("regression path", ""),
    /** The P-only inverse is not a tree's Laplacian: the topology is unreliable. */
    P_ONLY_UNRELIABLE("P-only path: the inverse sensitivity matrix is not a tree's Laplacian; topology unreliable",
            ""),
    /** Buses whose load never varies; subjects: the buses. */
    CONSTANT_LOADS("load never varies at some buses", ""),
    /** Candidate parents' voltages denoised on noisy data. */
    VOLTAGES_DENOISED("candidate parents' voltages denoised", ""),
    /** The physics search's local search changed the greedy tree. */
    LOCAL_SEARCH_MOVES("local search made changes after the greedy pass", ""),
    /** The physics search stopped at its work budget. */
    SEARCH_BUDGET("local search stopped at its work budget", ""),
    /** Edges whose own confidence is low; subjects: the branches. */
    LOW_CONFIDENCE_EDGES("edges have low confidence", ""),
    /** Confidence is edge stability over random halves; subjects: the branches not in every half's tree. */
    EDGE_STABILITY("confidence = edge stability over random halves of the data", ""),
    /** Stability halves drawn from shorter blocks on short data. */
    STABILITY_SHORT_DATA("short data: stability halves drawn from shorter blocks", ""),
    /** The estimator failed on some stability halves. */
    STABILITY_PARTIAL("stability over only some halves: the estimator failed on the others", ""),
    /** Confidence is the estimator's own figure: no stability halves (too few intervals, or all failed). */
    CONFIDENCE_NOT_STABILITY("confidence is the estimator's own figure", ""),
    /** Hidden junctions placed where no meter is; subjects: their bus ids. */
    HIDDEN_JUNCTIONS_PLACED("hidden junctions placed where no meter is", ""),
    /** The likelihood search was not run; stage 1's tree stands. */
    LIKELIHOOD_SEARCH_NOT_RUN("likelihood search not run", ""),
    /** What the likelihood search moved; subjects: the moved buses. */
    LIKELIHOOD_SEARCH_MOVES("likelihood search", ""),
    /** Stage 1 rerun on stage 2's estimates of missing loads (or its cycle, or the pass kept). */
    STAGE1_RERUN("stage 1 rerun on stage 2's estimates of the missing loads", ""),
    /** Stage 2's misfit moved buses after stage 1; subjects: the moved buses. */
    MISFIT_MOVES("stage 2's misfit moved buses after stage 1; their confidence is not known", ""),

    // stage 2: the impedances
    /** The feeder-head power differs from the metered loads plus losses. */
    HEAD_POWER_MISMATCH("the feeder-head active power differs from the metered loads plus estimated losses", ""),
    /** The joint refinement skipped: loads were estimated for missing readings. */
    JOINT_SKIPPED_ESTIMATED_LOADS("joint refinement skipped: loads were estimated for missing readings", ""),
    /** The joint refinement skipped: the tree has more branches than it handles in seconds. */
    JOINT_SKIPPED_LARGE_TREE("joint refinement skipped: too many branches", ""),
    /** The conductor priors cannot be met at all: unconstrained fits kept for every branch. */
    CONDUCTOR_PRIORS_INFEASIBLE("the conductor priors cannot be met: unconstrained fits kept", ""),
    /** The conductor priors needed types that fit some branches poorly (marked 'forced'). */
    CONDUCTOR_PRIORS_FORCED("the conductor priors forced types that fit some branches poorly", ""),
    /** A branch kept its unconstrained fit although a conductor library was given; subject: the branch. */
    NO_CONDUCTOR_TYPE("unconstrained fit kept: no conductor type assigned", "branch"),
    /** The data leave a branch's r uncertain; subject: the branch. */
    R_NOT_PINNED("the data do not pin down r", "branch"),
    /** The data leave a branch's x uncertain; subject: the branch. */
    X_NOT_PINNED("the data do not pin down x", "branch"),
    /** The data leave a branch's r and x uncertain; subject: the branch. */
    R_AND_X_NOT_PINNED("the data do not pin down r and x", "branch"),
    /** Missing loads estimated by state estimation. */
    LOADS_ESTIMATED("missing loads estimated from the recorded voltages", ""),
    /** Too many missing loads for the state estimate's work budget. */
    LOAD_ESTIMATE_BUDGET("too many missing loads for the state estimate's work budget", ""),
    /** Branches around hidden junctions fitted on path equations; subjects: the hidden buses. */
    HIDDEN_JUNCTION_BRANCHES("branches around hidden junctions fitted on the path equations", ""),

    /**
     * Reserved for reading: a warning from a report.json without a known code (one written before codes
     * were recorded, or by a later version with codes this one does not know). Never emitted by a run.
     */
    UNCLASSIFIED("other warning", "");

    private final String kind;
    private final String item;

    WarningCode(String kind, String item) {
        this.kind = kind;
        this.item = item;
    }

    /** The short text that stands for every warning of this code in a summary. */
    public String kind() {
        return kind;
    }

    /** The noun of the one item each warning of this code is about ("branch", "bus", "meter"), else "". */
    public String item() {
        return item;
    }

    /** Whether each warning of this code is about one item, its id the only subject. */
    public boolean perItem() {
        return !item.isEmpty();
    }
}

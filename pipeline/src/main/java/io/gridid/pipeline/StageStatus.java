package io.gridid.pipeline;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.List;
import java.util.Set;

/**
 * How far one stage of an identification got: what the stages distinguish in their warnings,
 * summed up per stage for a program or the report to act on without reading warning texts.
 */
public enum StageStatus {
    /** Ran to the end as asked. */
    COMPLETE,
    /**
     * Stopped at a work budget before it had finished: the physics search's local search
     * ({@link WarningCode#SEARCH_BUDGET}) or stage 2's estimate of missing loads
     * ({@link WarningCode#LOAD_ESTIMATE_BUDGET}); a larger budget may give a better answer.
     */
    BUDGET_CUT,
    /**
     * Ran, but a step that was asked for fell back to a simpler one: the likelihood search not run,
     * stability over only some halves, the joint refinement skipped, or the conductor priors
     * dropped for unconstrained fits.
     */
    FALLBACK;

    private static final Set<WarningCode> BUDGET = Set.of(WarningCode.SEARCH_BUDGET, WarningCode.LOAD_ESTIMATE_BUDGET);
    private static final Set<WarningCode> FALLBACKS = Set.of(WarningCode.LIKELIHOOD_SEARCH_NOT_RUN,
            WarningCode.STABILITY_PARTIAL, WarningCode.JOINT_SKIPPED_ESTIMATED_LOADS,
            WarningCode.JOINT_SKIPPED_LARGE_TREE, WarningCode.CONDUCTOR_PRIORS_INFEASIBLE);

    /**
     * The status of a stage that ran, from its own warnings: {@link #BUDGET_CUT} before
     * {@link #FALLBACK} (a cut search is the weaker answer), else {@link #COMPLETE}.
     *
     * @param warnings the stage's warnings
     * @return the stage's status
     */
    public static StageStatus of(List<Warning> warnings) {
        boolean fallback = false;
        for (Warning w : warnings) {
            if (BUDGET.contains(w.code())) {
                return BUDGET_CUT;
            }
            fallback |= FALLBACKS.contains(w.code());
        }
        return fallback ? FALLBACK : COMPLETE;
    }
}

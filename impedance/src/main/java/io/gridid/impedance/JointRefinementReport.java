package io.gridid.impedance;

import java.util.Objects;

/**
 * What stage 2's joint refinement ({@link ImpedanceOptions#jointRefinement()}) did: whether it ran
 * and why not, and per pass its solver, work, rejected readings and noise estimate. The free
 * pass refines every branch's (r, x); with a conductor library a second pass refits the chosen
 * types' lengths jointly.
 *
 * @param status  whether it ran, and how it ended
 * @param free    the pass over free (r, x); null unless it ran ({@link Status#POOLED} or
 *                {@link Status#NOTHING_TO_POOL})
 * @param lengths the pass over the library's lengths; null unless it ran
 */
public record JointRefinementReport(Status status, Pass free, Pass lengths) {
    /** No refinement recorded: a result built without the estimator's record of it. */
    public static final JointRefinementReport NOT_RECORDED = new JointRefinementReport(Status.NOT_RECORDED, null, null);

    public JointRefinementReport {
        Objects.requireNonNull(status, "status");
        boolean ran = status == Status.POOLED || status == Status.NOTHING_TO_POOL;
        if (ran != (free != null)) {
            throw new IllegalArgumentException("a free pass exactly when the refinement ran: " + status);
        }
        if (lengths != null && status != Status.POOLED) {
            throw new IllegalArgumentException("a length pass only after a pooled free pass: " + status);
        }
    }

    /** A refinement that did not run, for the given reason (not {@link Status#POOLED} or {@link Status#NOTHING_TO_POOL}). */
    public static JointRefinementReport notRun(Status why) {
        return new JointRefinementReport(why, null, null);
    }

    /** Whether the joint estimates replaced the sweep's (the free pass pooled the meters). */
    public boolean pooled() {
        return status == Status.POOLED;
    }

    /** This report with the library's length pass. */
    JointRefinementReport withLengths(Pass pass) {
        return new JointRefinementReport(status, free, Objects.requireNonNull(pass, "pass"));
    }

    /** Whether the refinement ran, and how it ended. */
    public enum Status {
        /** The options do not ask for it: switched off, or LAD fits. */
        NOT_REQUESTED,
        /** Loads were estimated for missing readings; their shared errors are not in its noise model. */
        SKIPPED_ESTIMATED_LOADS,
        /** More branches than it is run on: its iterative solver would cost seconds to minutes. */
        SKIPPED_LARGE_TREE,
        /** The tree has hidden junctions, whose stand-in voltages it would take for measurements. */
        SKIPPED_HIDDEN_JUNCTIONS,
        /** It ran and found the voltage noise negligible against the branches' own residuals: the sweep's fits stand. */
        NOTHING_TO_POOL,
        /** It ran and its estimates replaced the sweep's. */
        POOLED,
        /** Not recorded ({@link #NOT_RECORDED}). */
        NOT_RECORDED
    }

    /** The normal-equations solver of a pass. */
    public enum Solver {
        /** No solve (nothing to pool). */
        NONE,
        /** The dense normal matrix, which also gives the standard errors. */
        DENSE,
        /** Preconditioned conjugate gradients (no standard errors). */
        CONJUGATE_GRADIENTS
    }

    /**
     * One pass of the refinement.
     *
     * @param pooled               false when the voltage noise was negligible: nothing solved, the
     *                             starts kept (the counts below are then 0 and the sum NaN)
     * @param solver               the normal-equations solver, {@link Solver#NONE} when not pooled
     * @param iterations           the solver's work over the pass's solves (two when readings were
     *                             rejected): refinement steps (dense) or CG iterations
     * @param rejectedReadings     voltage readings dropped as bad data
     * @param voltageNoiseVariance the estimated variance &sigma;&sup2; of one squared-voltage reading, kV&#8308;
     * @param readings             voltage readings used (after rejection)
     * @param intervals            intervals with at least two readings
     * @param sumOfSquares         the joint model's misfit over them, kV&#8308;
     */
    public record Pass(boolean pooled, Solver solver, int iterations, int rejectedReadings,
                       double voltageNoiseVariance, long readings, long intervals, double sumOfSquares) {
        public Pass {
            Objects.requireNonNull(solver, "solver");
            if (pooled == (solver == Solver.NONE)) {
                throw new IllegalArgumentException("a solver exactly when pooled: " + solver);
            }
            if (iterations < 0 || rejectedReadings < 0 || readings < 0 || intervals < 0) {
                throw new IllegalArgumentException("counts must be >= 0");
            }
        }
    }
}

package io.gridid.impedance;

import io.gridid.model.ConductorType;
import io.gridid.solvers.fit.FitNorm;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of stage 2. Start from {@link #defaults()} and change what you need with the
 * {@code withX} methods; instances are immutable.
 *
 * @param norm                  LAD (robust to bad readings) or LS per branch fit
 * @param conductors            conductor library; empty = fit r and x freely (copied)
 * @param maxTypes              the feeder uses at most this many distinct types; 0 = no limit
 * @param tapered               a conductor is never larger (by ampacity) than the one feeding it
 * @param parallel              fit the independent branches of one tree level in parallel
 *                              (results are identical to the sequential run)
 * @param candidatesPerBranch   how many best-fitting conductor types per branch enter the joint choice
 * @param fallbackResidualRatio a type "fits" a branch when its length fit's rms residual is at most
 *                              this times the unconstrained fit's rms residual, plus
 *                              {@code residualFloor} times the rms of the branch's voltage-drop
 *                              signal (see {@link ImpedanceEstimator} for why)
 * @param residualFloor         relative residual treated as zero (numerical precision), see above
 * @param weakRelativeStdErr    a branch whose r or x has a relative standard error above this is
 *                              reported as not pinned down by the data (warning)
 * @param minIntervals          fewest intervals a branch fit accepts (voltage at both ends; see the
 *                              missing-reading rules of {@link ImpedanceEstimator})
 * @param badDataSigmas         LS only: drop intervals whose residual exceeds this many robust standard
 *                              deviations and refit (0 = off); LAD needs no rejection
 * @param jointRefinement       LS only: after the sweep, refine all branches together on the
 *                              latent-root-voltage model, where every meter informs every branch on
 *                              its path (see the module README for the measured gain)
 */
public record ImpedanceOptions(FitNorm norm, List<ConductorType> conductors, int maxTypes, boolean tapered,
                               boolean parallel, int candidatesPerBranch, double fallbackResidualRatio,
                               double residualFloor, double weakRelativeStdErr, int minIntervals, double badDataSigmas,
                               boolean jointRefinement) {

    /** Default candidates kept per branch for the joint choice. */
    public static final int DEFAULT_CANDIDATES = 4;
    /**
     * Default fallback ratio: a type whose best length leaves 1.5&times; the unconstrained rms
     * residual is "far above" it. With the true type the ratio is 1 + O(1/T) (one free
     * parameter fewer); a transformer forced onto a line type leaves a misfit of the order of
     * its voltage drop.
     */
    public static final double DEFAULT_FALLBACK_RATIO = 1.5;
    /**
     * Default residual floor, relative to the rms of the voltage-drop signal y: 1e-4. Noise-free
     * data fit to about 1e-9 of y (solver and cone tolerances); a misfit of 0.01 % of the drop is
     * below anything a meter resolves, so it never rejects a type on its own.
     */
    public static final double DEFAULT_RESIDUAL_FLOOR = 1e-4;
    /** Default: relative standard error above 20 % means "the data do not pin this down". */
    public static final double DEFAULT_WEAK_RELATIVE_STDERR = 0.20;
    /** Default: at least 10 complete intervals per branch (3 unknowns r, x, w; 10 leaves residual degrees of freedom). */
    public static final int DEFAULT_MIN_INTERVALS = 10;
    /**
     * Default bad-data threshold of LS fits: 5 robust standard deviations (Gaussian noise alone
     * crosses it in 6e-7 of the intervals; a 1 % voltage spike is tens of sigmas at 1e-4 p.u.).
     */
    public static final double DEFAULT_BAD_DATA_SIGMAS = 5;
    /**
     * Default of the joint refinement after the sweep (see {@link JointRefinement}): on, since at
     * voltage noise it lowered the median errors and without it keeps the sweep's fits (module
     * README, "Joint refinement"). The estimator skips it, with a warning, with loads estimated for
     * missing readings (it would pool their errors, which co-vary between siblings) and above
     * {@link ImpedanceEstimator#JOINT_MAX_BRANCHES} branches (docs/decisions/002).
     */
    public static final boolean DEFAULT_JOINT_REFINEMENT = true;

    public ImpedanceOptions {
        Objects.requireNonNull(norm, "norm");
        conductors = List.copyOf(conductors);
        if (maxTypes < 0) {
            throw new IllegalArgumentException("maxTypes must be >= 0 (0 = no limit)");
        }
        if (candidatesPerBranch < 1) {
            throw new IllegalArgumentException("candidatesPerBranch must be >= 1");
        }
        if (!(fallbackResidualRatio >= 1)) {
            throw new IllegalArgumentException("fallbackResidualRatio must be >= 1");
        }
        if (!(residualFloor >= 0)) {
            throw new IllegalArgumentException("residualFloor must be >= 0");
        }
        if (!(weakRelativeStdErr > 0)) {
            throw new IllegalArgumentException("weakRelativeStdErr must be positive");
        }
        if (!(badDataSigmas >= 0)) {
            throw new IllegalArgumentException("badDataSigmas must be >= 0 (0 = off)");
        }
        if (minIntervals < 3) {
            throw new IllegalArgumentException("minIntervals must be >= 3 (three unknowns per branch)");
        }
    }

    /** The agreed short form; the other parameters take their defaults. */
    public ImpedanceOptions(FitNorm norm, List<ConductorType> conductors, int maxTypes, boolean tapered,
                            boolean parallel) {
        this(norm, conductors, maxTypes, tapered, parallel, DEFAULT_CANDIDATES, DEFAULT_FALLBACK_RATIO,
                DEFAULT_RESIDUAL_FLOOR, DEFAULT_WEAK_RELATIVE_STDERR, DEFAULT_MIN_INTERVALS, DEFAULT_BAD_DATA_SIGMAS,
                DEFAULT_JOINT_REFINEMENT);
    }

    /**
     * LS, no library, no priors, parallel. LS by measurement (see the module README): under
     * Gaussian meter noise it is as accurate as LAD or better and about 20&times; faster, and with bad-data
     * rejection ({@link #badDataSigmas()}) it holds up to gross errors as well as LAD did in the
     * measured cases; LAD remains the choice when the bad readings are many or systematic.
     */
    public static ImpedanceOptions defaults() {
        return new ImpedanceOptions(FitNorm.LS, List.of(), 0, false, true);
    }

    public ImpedanceOptions withNorm(FitNorm value) {
        return new ImpedanceOptions(value, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withConductors(List<ConductorType> value) {
        return new ImpedanceOptions(norm, value, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withMaxTypes(int value) {
        return new ImpedanceOptions(norm, conductors, value, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withTapered(boolean value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, value, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withParallel(boolean value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, value, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withCandidatesPerBranch(int value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, value,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withFallbackResidualRatio(double value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                value, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withResidualFloor(double value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, value, weakRelativeStdErr, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withWeakRelativeStdErr(double value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, value, minIntervals, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withMinIntervals(int value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, value, badDataSigmas, jointRefinement);
    }

    public ImpedanceOptions withBadDataSigmas(double value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, value, jointRefinement);
    }

    public ImpedanceOptions withJointRefinement(boolean value) {
        return new ImpedanceOptions(norm, conductors, maxTypes, tapered, parallel, candidatesPerBranch,
                fallbackResidualRatio, residualFloor, weakRelativeStdErr, minIntervals, badDataSigmas, value);
    }

    /** True when a conductor library constrains the fits. */
    public boolean usesLibrary() {
        return !conductors.isEmpty();
    }
}

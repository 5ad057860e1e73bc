package io.gridid.solvers.fit;

import java.util.Objects;

/**
 * Parameters of a {@link BranchFitter}.
 *
 * @param norm           LS (default: exact and fastest) or LAD (robust to gross bad readings, slower)
 * @param coneTolerance  relative tolerance of the relaxed cone w &ge; r&sup2; + x&sup2;: the cutting-plane
 *                       loop stops when r&sup2; + x&sup2; - w &le; coneTolerance &middot; max(w, r&sup2; + x&sup2;),
 *                       and the relaxation counts as exact when w - (r&sup2; + x&sup2;) is within the same bound
 *                       (default 1e-9)
 * @param maxCuts        most tangent cuts added before giving up on the tolerance (default 60)
 * @param polish         when the relaxation is not exact, project w := r&sup2; + x&sup2; and minimise the
 *                       original nonlinear objective in (r, x) (default true)
 */
public record BranchFitOptions(FitNorm norm, double coneTolerance, int maxCuts, boolean polish) {
    public static final double DEFAULT_CONE_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_CUTS = 60;

    public BranchFitOptions {
        Objects.requireNonNull(norm, "norm");
        if (!(coneTolerance > 0) || coneTolerance >= 1) {
            throw new IllegalArgumentException("coneTolerance must be in (0, 1): " + coneTolerance);
        }
        if (maxCuts < 1) {
            throw new IllegalArgumentException("maxCuts must be at least 1: " + maxCuts);
        }
    }

    /** LS (fast: independent of T after one pass), cone tolerance 1e-9, 60 cuts, polish on. */
    public static BranchFitOptions defaults() {
        return new BranchFitOptions(FitNorm.LS, DEFAULT_CONE_TOLERANCE, DEFAULT_MAX_CUTS, true);
    }

    public BranchFitOptions withNorm(FitNorm value) {
        return new BranchFitOptions(value, coneTolerance, maxCuts, polish);
    }

    public BranchFitOptions withConeTolerance(double value) {
        return new BranchFitOptions(norm, value, maxCuts, polish);
    }

    public BranchFitOptions withMaxCuts(int value) {
        return new BranchFitOptions(norm, coneTolerance, value, polish);
    }

    public BranchFitOptions withPolish(boolean value) {
        return new BranchFitOptions(norm, coneTolerance, maxCuts, value);
    }
}

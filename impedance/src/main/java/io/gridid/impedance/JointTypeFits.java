package io.gridid.impedance;

import io.gridid.model.ConductorType;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.LengthFit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Conductor types judged from the joint refinement's (r, x) and their covariance instead of the
 * branch's own pairwise data: per type, the length L minimising the Mahalanobis distance
 * &chi;&sup2;(L) = (&theta; &minus; L c)&#7488; &Sigma;&#8315;&sup1; (&theta; &minus; L c) (c = the type's ohm per km), so every meter
 * that informs the branch also informs its type.
 *
 * <p>For the conductor choice ({@link ConductorAssignment}) each type gets a length fit in the
 * sweep's units: objective = T &middot; rms&sup2;(1 + &chi;&sup2;/T) with T and rms the branch's pairwise
 * intervals and residual (in least squares the objective of a constrained fit exceeds the free
 * one by &sigma;&sup2;&chi;&sup2;), so costs stay comparable across branches. A type fits when &chi;&sup2; &le;
 * {@link #CHI2_FITS} (99.9 % of &chi;&sup2; with one degree of freedom: the true type is rejected once in
 * a thousand branches) or when it fitted the branch's own data in the sweep: without voltage noise
 * the joint standard errors reflect only the P/Q errors, whose systematic part (errors in the
 * regressors) they do not cover, and the sweep's residual-ratio rule then still accepts the true
 * type (measured: random:200 noise-free, 186 of 199 true types on the &chi;&sup2; rule alone, 199 with both).
 * The standard deviations are floored at {@code residualFloor} &times; |&theta;|.
 *
 * <p>Each type's {@link TypeFit#cost()} is its &chi;&sup2;, the input of {@link TypeTreePrior}, which
 * weighs it with the types of the branch's neighbours and the feeder's type frequencies before the choice.
 */
final class JointTypeFits {
    /** 99.9 % quantile of chi-square with one degree of freedom. */
    static final double CHI2_FITS = 10.83;

    private JointTypeFits() {
    }

    /**
     * The sweep's branch with its unconstrained fit replaced by the joint one and its type fits
     * recomputed from the joint estimate; null when the joint covariance was not formed.
     */
    static SweptBranch of(SweptBranch b, JointRefinement.Branch j, List<ConductorType> library, double floor) {
        if (!Double.isFinite(j.rStdErr()) || !Double.isFinite(j.xStdErr()) || !Double.isFinite(j.rxCovariance())) {
            return null;
        }
        double z = Math.hypot(j.rOhm(), j.xOhm());
        double sr = Math.max(j.rStdErr(), floor * z);
        double sx = Math.max(j.xStdErr(), floor * z);
        double rho = j.rxCovariance() / (j.rStdErr() * j.xStdErr());
        if (!Double.isFinite(rho)) {
            rho = 0;
        }
        rho = Math.max(-0.999999, Math.min(0.999999, rho));
        // inverse of [[sr^2, rho sr sx], [rho sr sx, sx^2]]
        double det = sr * sr * sx * sx * (1 - rho * rho);
        double irr = sx * sx / det;
        double ixx = sr * sr / det;
        double irx = -rho * sr * sx / det;
        BranchFit f = b.fit();
        int usable = b.usable();
        double rms = j.rmsResidual();
        boolean[] sweepFits = new boolean[library.size()];
        for (TypeFit tf : b.typeFits()) {
            sweepFits[tf.typeIndex()] = tf.fitsWell();
        }
        List<TypeFit> fits = new ArrayList<>(library.size());
        for (int k = 0; k < library.size(); k++) {
            ConductorType t = library.get(k);
            double cr = t.rOhmPerKm();
            double cx = t.xOhmPerKm();
            double cc = cr * cr * irr + 2 * cr * cx * irx + cx * cx * ixx;
            double ct = cr * j.rOhm() * irr + (cr * j.xOhm() + cx * j.rOhm()) * irx + cx * j.xOhm() * ixx;
            double len = Math.max(ct / cc, 0);
            double dr = j.rOhm() - len * cr;
            double dx = j.xOhm() - len * cx;
            double chi2 = dr * dr * irr + 2 * dr * dx * irx + dx * dx * ixx;
            double typeRms = rms * Math.sqrt(1 + chi2 / usable);
            LengthFit lf = new LengthFit(len, usable * typeRms * typeRms, typeRms, 1 / Math.sqrt(cc), usable);
            fits.add(new TypeFit(k, lf, chi2 <= CHI2_FITS || sweepFits[k], chi2));
        }
        fits.sort(Comparator.comparingDouble((TypeFit tf) -> tf.fit().objective()).thenComparingInt(TypeFit::typeIndex));
        BranchFit joint = new BranchFit(j.rOhm(), j.xOhm(), f.w(), f.relaxationGap(), f.polished(),
                usable * rms * rms, rms, j.rStdErr(), j.xStdErr(), f.cuts(), usable);
        return new SweptBranch(b.fromBus(), b.toBus(), joint, fits, b.signalRms(), usable, b.rejected());
    }
}

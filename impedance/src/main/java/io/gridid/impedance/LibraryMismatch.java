package io.gridid.impedance;

import io.gridid.model.ConductorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a feeder's real conductors sit from the library types chosen for them, as one relative
 * standard deviation &tau; of r and of x (ohm per km) for the whole feeder, estimated from the
 * branches the data pin down.
 *
 * <p><b>Why.</b> A library type is a ray r/x = r_c/x_c; a real line whose conductor is not in the
 * library (ieee69: ohms only, x/r 0.33, 0.51, 1.17 and 2.45 against the library's 0.32, 0.50, 1.28,
 * 2.05) lies off every ray by a few per cent, and a well-determined branch's standard error (the
 * length's, below 1 %) then covers its true (r, x) in 2 SE on far fewer than 95 % of branches.
 *
 * <p><b>Estimate.</b> For each typed branch whose unconstrained r and x both have relative
 * standard errors within {@code weak} (the "pinned down" ones), d = the joint free (r, x) minus its
 * point on the chosen ray, and &chi;&sup2;(&tau;) = d&#7488;(&Sigma; + &tau;&sup2; diag(r&sup2;, x&sup2;))&#8315;&sup1;d with &Sigma; its joint
 * covariance and (r, x) the ray's point. With the right types and &tau; the &chi;&sup2; over branches follow
 * &chi;&sup2;&#8321; (two components less the length), whose median is 0.455; &tau; solves "median = 0.455" by
 * bisection, and is 0 when the median is already below (a library that holds the feeder's
 * conductors) or fewer than {@link #MIN_BRANCHES} branches qualify. The median, not the mean: one
 * branch typed wrongly (&chi;&sup2; in the hundreds) moved the mean-based &tau; of ieee37 to 16 % (365 d,
 * 1e-5 p.u.), where its conductors are library types.
 */
final class LibraryMismatch {
    /** Median of &chi;&sup2; with one degree of freedom. */
    static final double CHI2_1_MEDIAN = 0.4549;
    /** Fewest well-determined typed branches for an estimate (fewer: 0). */
    static final int MIN_BRANCHES = 5;
    /** Upper end of the search: 100 %. */
    static final double MAX_TAU = 1;
    /** Bisection steps (2^-40 of the range). */
    static final int STEPS = 40;

    private LibraryMismatch() {
    }

    /**
     * @param free    per child bus: the joint free estimates with their covariance
     * @param choices per child bus: the chosen types (fits along them from the joint estimate)
     * @param library the conductor library
     * @param weak    largest relative standard error of a "pinned down" r or x
     * @return &tau; &ge; 0
     */
    static double relative(Map<String, JointRefinement.Branch> free, Map<String, ConductorAssignment.Choice> choices,
                           List<ConductorType> library, double weak) {
        List<double[]> terms = new ArrayList<>();
        for (Map.Entry<String, ConductorAssignment.Choice> e : new TreeMap<>(choices).entrySet()) {
            JointRefinement.Branch j = free.get(e.getKey());
            TypeFit tf = e.getValue().type();
            if (j == null || tf == null || !Double.isFinite(j.rxCovariance())
                    || !(j.rStdErr() <= weak * j.rOhm()) || !(j.xStdErr() <= weak * j.xOhm())) {
                continue;
            }
            ConductorType c = library.get(tf.typeIndex());
            double r = tf.fit().lengthKm() * c.rOhmPerKm();
            double x = tf.fit().lengthKm() * c.xOhmPerKm();
            terms.add(new double[]{j.rOhm() - r, j.xOhm() - x, j.rStdErr() * j.rStdErr(), j.rxCovariance(),
                    j.xStdErr() * j.xStdErr(), r * r, x * x});
        }
        if (terms.size() < MIN_BRANCHES || medianChi2(terms, 0) <= CHI2_1_MEDIAN) {
            return 0;
        }
        if (medianChi2(terms, MAX_TAU) > CHI2_1_MEDIAN) {
            return MAX_TAU;
        }
        double lo = 0;
        double hi = MAX_TAU;
        for (int i = 0; i < STEPS; i++) {
            double mid = 0.5 * (lo + hi);
            if (medianChi2(terms, mid) > CHI2_1_MEDIAN) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double medianChi2(List<double[]> terms, double tau) {
        double[] chi2 = new double[terms.size()];
        int i = 0;
        for (double[] t : terms) {
            double a = t[2] + tau * tau * t[5];
            double b = t[3];
            double d = t[4] + tau * tau * t[6];
            double det = a * d - b * b;
            chi2[i++] = (t[0] * t[0] * d - 2 * t[0] * t[1] * b + t[1] * t[1] * a) / det;
        }
        java.util.Arrays.sort(chi2);
        int n = chi2.length;
        return n % 2 == 1 ? chi2[n / 2] : 0.5 * (chi2[n / 2 - 1] + chi2[n / 2]);
    }
}

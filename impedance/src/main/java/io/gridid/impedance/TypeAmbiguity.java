package io.gridid.impedance;

import io.gridid.model.ConductorType;

import java.util.List;

/**
 * The part of a library branch's (r, x) uncertainty that comes from not knowing its type: the
 * posterior root-mean-square distance between the chosen type's (r, x) and the other types'.
 *
 * <p>With the posterior weights p_k &prop; exp(&minus;cost_k/2) of the branch's types (costs from
 * {@link TypeTreePrior}: &minus;2 log posterior, up to a constant) and z_k = L_k&middot;(r_k, x_k) each type's
 * best length along its ray, the spread is &radic;(&Sigma;_k p_k (z_k &minus; z_chosen)&sup2;) per component. Added in
 * quadrature to the length's standard error it gives the error of the reported (r, x) under the
 * posterior over types (law of total variance about the reported value), so a branch whose type
 * the data leave open reports the width of that choice instead of the narrow error of a length
 * along one ray. Without posterior costs (the sweep's path) the spread is 0, as before.
 */
final class TypeAmbiguity {
    private TypeAmbiguity() {
    }

    /**
     * @param judged  the branch as the choice saw it (may be null)
     * @param chosen  the chosen type's fit
     * @param library the conductor library
     * @return {r spread, x spread}, ohm; {0, 0} without posterior costs
     */
    static double[] spread(SweptBranch judged, TypeFit chosen, List<ConductorType> library) {
        if (judged == null || !Double.isFinite(chosen.cost())) {
            return new double[]{0, 0};
        }
        ConductorType c = library.get(chosen.typeIndex());
        double r0 = chosen.fit().lengthKm() * c.rOhmPerKm();
        double x0 = chosen.fit().lengthKm() * c.xOhmPerKm();
        double weight = 0;
        double rr = 0;
        double xx = 0;
        for (TypeFit tf : judged.typeFits()) {
            if (!Double.isFinite(tf.cost())) {
                return new double[]{0, 0};
            }
            ConductorType t = library.get(tf.typeIndex());
            double w = Math.exp(-0.5 * tf.cost()); // costs start at 0: no overflow
            double dr = tf.fit().lengthKm() * t.rOhmPerKm() - r0;
            double dx = tf.fit().lengthKm() * t.xOhmPerKm() - x0;
            weight += w;
            rr += w * dr * dr;
            xx += w * dx * dx;
        }
        return new double[]{Math.sqrt(rr / weight), Math.sqrt(xx / weight)};
    }
}

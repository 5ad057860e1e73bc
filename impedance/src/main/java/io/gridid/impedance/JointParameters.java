package io.gridid.impedance;

import java.util.Map;

/**
 * The joint refinement's unknowns &phi;: two per free branch (r, x in ohm), one per branch whose
 * conductor type is fixed (its length in km, r = L&middot;r_c, x = L&middot;x_c). Maps &phi; to the
 * per-bus (r, x) = B&phi; and gradients in (r, x) back, B&#7488;g. Every map is O(N).
 */
final class JointParameters {
    /** Per bus k &ge; 1: the column of its first unknown. */
    final int[] col;
    /** Per bus: the fixed type's r per km, NaN for a free branch (index 0, the root, unused). */
    final double[] cr;
    /** Per bus: the fixed type's x per km, NaN for a free branch. */
    final double[] cx;
    /** Number of unknowns. */
    final int m;

    /**
     * @param cr per bus: r per km of the branch's fixed type, NaN where free (not modified, kept)
     * @param cx per bus: x per km likewise
     */
    JointParameters(TreeLayout lay, double[] cr, double[] cx) {
        this.cr = cr;
        this.cx = cx;
        col = new int[lay.n];
        int c = 0;
        for (int k = 1; k < lay.n; k++) {
            col[k] = c;
            c += typed(k) ? 1 : 2;
        }
        m = c;
    }

    /** The parameterisation the starts ask for: a length along each start's type, else free. */
    static JointParameters of(TreeLayout lay, Map<String, JointRefinement.Start> starts) {
        double[] cr = new double[lay.n];
        double[] cx = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            JointRefinement.Start s = starts.get(lay.buses.get(k));
            cr[k] = s.type() != null ? s.type().rOhmPerKm() : Double.NaN;
            cx[k] = s.type() != null ? s.type().xOhmPerKm() : Double.NaN;
        }
        return new JointParameters(lay, cr, cx);
    }

    /** Whether bus k's branch is a length along a fixed type. */
    boolean typed(int k) {
        return !Double.isNaN(cr[k]);
    }

    /** &phi; at the starts: their lengths where typed, their (r, x) where free. */
    double[] toPhi(TreeLayout lay, Map<String, JointRefinement.Start> starts) {
        double[] phi = new double[m];
        for (int k = 1; k < cr.length; k++) {
            JointRefinement.Start s = starts.get(lay.buses.get(k));
            if (typed(k)) {
                phi[col[k]] = s.lengthKm();
            } else {
                phi[col[k]] = s.rOhm();
                phi[col[k] + 1] = s.xOhm();
            }
        }
        return phi;
    }

    /** (r, x) per bus from &phi; (r and x modified at 1..N-1; phi not modified). */
    void toTheta(double[] phi, double[] r, double[] x) {
        for (int k = 1; k < cr.length; k++) {
            if (typed(k)) {
                r[k] = phi[col[k]] * cr[k];
                x[k] = phi[col[k]] * cx[k];
            } else {
                r[k] = phi[col[k]];
                x[k] = phi[col[k] + 1];
            }
        }
    }

    /** B&#7488;g: a gradient {g_r, g_x} per bus to the unknowns (not modified). */
    double[] gradientToPhi(double[][] g) {
        double[] out = new double[m];
        for (int k = 1; k < cr.length; k++) {
            if (typed(k)) {
                out[col[k]] = cr[k] * g[0][k] + cx[k] * g[1][k];
            } else {
                out[col[k]] = g[0][k];
                out[col[k] + 1] = g[1][k];
            }
        }
        return out;
    }

    /**
     * A typed branch's 1&times;1 block from its (r, x) block [[kaa, kab], [kab, kbb]]:
     * c&#7488;Kc with c = (r_c, x_c).
     */
    double alongType(int k, double kaa, double kab, double kbb) {
        return cr[k] * cr[k] * kaa + 2 * cr[k] * cx[k] * kab + cx[k] * cx[k] * kbb;
    }
}

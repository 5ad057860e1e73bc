package io.gridid.impedance;

/**
 * The linearised joint least-squares problem in the unknowns &phi; ({@link JointParameters}): its
 * normal equations K&phi; = b, K in units of the voltage-noise variance, applied matrix-free through
 * the {@link TreeSmoother} (one pass over all intervals, O(N&middot;T), per product). Reflects the
 * model's readings as they are now (rejection drops some).
 */
final class JointProblem {
    final TreeSmoother smoother;
    final JointParameters par;
    final boolean parallel;

    JointProblem(TreeSmoother smoother, JointParameters par, boolean parallel) {
        this.smoother = smoother;
        this.par = par;
        this.parallel = parallel;
    }

    /** Number of unknowns. */
    int unknowns() {
        return par.m;
    }

    /** The linearised model. */
    LinearisedModel model() {
        return smoother.model;
    }

    /** b: minus half the objective's gradient at &phi; = 0. O(N&middot;T). */
    double[] rightHandSide() {
        int n = smoother.model.n;
        double[] rhs = par.gradientToPhi(smoother.gradient(new double[n], new double[n], true, parallel));
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = -rhs[i];
        }
        return rhs;
    }

    /** K&phi; (phi not modified). O(N&middot;T). */
    double[] times(double[] phi) {
        int n = smoother.model.n;
        double[] r = new double[n];
        double[] x = new double[n];
        par.toTheta(phi, r, x);
        return par.gradientToPhi(smoother.gradient(r, x, false, parallel));
    }

    /** a &minus; b, element-wise (new array). */
    static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    /** Sets the fixed components of v to 0 (v modified). */
    static void mask(double[] v, boolean[] fixed) {
        for (int i = 0; i < v.length; i++) {
            if (fixed[i]) {
                v[i] = 0;
            }
        }
    }
}

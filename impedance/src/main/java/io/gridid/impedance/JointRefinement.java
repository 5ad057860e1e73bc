package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.ConductorType;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.solvers.fit.Median;
import io.gridid.solvers.fit.OutlierScreen;
import io.gridid.solvers.regression.ColumnProducts;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Stage-2 joint refinement: every meter informs every branch on its path.
 *
 * <p><b>Model.</b> Per interval t, with v(t) the unknown squared root voltage (a nuisance per
 * interval), every bus k with a voltage reading obeys
 * <pre>
 *   u_k(t) = v(t) &minus; &Sigma;_{e on the path root&rarr;k} (d_e(t) + &eta;_e(t)) + &epsilon;_k(t),   u_root(t) = v(t) + &epsilon;_0(t)
 * </pre>
 * with d_e the branch equation's drop ({@link BranchEquation}: u_parent &minus; u_child), u = |V|&sup2;
 * in kV&sup2;, &epsilon; the voltage meters' noise (independent, variance &sigma;&sup2;) and &eta;_e the error
 * the P/Q meters leave in the branch's drop (independent per branch, variance &kappa;_e&sigma;&sup2;), both
 * estimated from the pairwise residuals ({@link Linearised#estimateNoise}). The receiving-end flows
 * P'_e, Q'_e (MW, Mvar: subtree loads plus the losses below) are computed with the start's
 * impedances and held fixed; d_e is linearised in (r_e, x_e) around the start (Gauss&ndash;Newton; a
 * second linearisation, {@link #RELINEARISE}, changed nothing measurable). Eliminating v(t) and the
 * latent voltages per interval (a tree smoother, O(N); with &kappa; = 0 it is centring the interval
 * over its readings) leaves a generalised least-squares problem in the 2(N&minus;1) unknowns, or one
 * length per branch whose conductor type is fixed.
 *
 * <p><b>Solvers.</b> Up to {@link #DENSE_MAX_UNKNOWNS} unknowns the normal matrix is formed as
 * W&nbsp;&#8728;&nbsp;M (the edge-difference precision times the flow moments, exact when every
 * interval has every reading, else used to precondition an iterative refinement on the matrix-free
 * residual) and solved by Cholesky; its inverse gives the standard errors &sigma;&sup2;&middot;diag(K&#8315;&sup1;).
 * Above that, conjugate gradients with one matrix-free product per iteration (a smoother pass over
 * all intervals, O(N&middot;T)) and 2&times;2 per-branch blocks coupled through the tree as preconditioner;
 * the standard errors are then not formed and the caller keeps the sweep's (pairwise) ones.
 *
 * <p><b>Nothing to pool.</b> When the voltage noise is negligible against the branches' own
 * residuals, or at rounding level, the refinement returns without changing anything
 * ({@link Outcome#pooled()} false): the joint model then reduces to the pairwise fits.
 *
 * <p><b>Constraints and bad data.</b> r, x, lengths &ge; 0 by an active set (a component that comes
 * out negative is fixed at 0 and the rest re-solved; components are never released). Readings whose
 * residual exceeds {@code badDataSigmas} robust standard deviations of their bus (1.4826 &times; MAD,
 * floored at {@code residualFloor} &times; the rms of the centred voltages) are dropped and the problem
 * re-solved once.
 *
 * <p>Deterministic: intervals are summed in {@link #CHUNKS} fixed chunks added in order, so the
 * parallel and sequential runs give identical bits.
 */
final class JointRefinement {
    /**
     * Largest number of unknowns solved with the dense normal matrix. Forming it costs O(T&middot;m&sup2;)
     * for m unknowns against O(N&middot;T) per conjugate-gradient product; at m = 398 (random:200,
     * 365 days) the dense refinement took 0.7 s against 1.8&ndash;2.5 s with CG (65&ndash;70 iterations),
     * and it gives the standard errors.
     */
    static final int DENSE_MAX_UNKNOWNS = 400;
    /** Fixed partition of the intervals into chunks (deterministic sums, sequential or parallel). */
    static final int CHUNKS = 8;
    /**
     * Intervals processed side by side in the per-interval tree recursions (the linearisation and
     * the smoother): on a long feeder each bus waits for its neighbour's result, a chain of
     * dependent floating-point operations; four independent chains keep the core busy. The
     * arithmetic of each interval is unchanged.
     */
    static final int GROUP = 4;
    /**
     * CG stops at the latest when the preconditioned residual norm falls below this share of the
     * right-hand side's (a numerical floor; see {@link #CG_CHI2} for the usual stop).
     */
    static final double CG_TOLERANCE = 1e-10;
    /**
     * CG also stops when the remaining error, measured as r&#7488;M&#8315;&sup1;r (about (&theta; &minus; &theta;*)&#7488;K(&theta; &minus; &theta;*),
     * the estimate's sampling error being &sigma;&sup2;&chi;&sup2;_m in that norm), is below this many voltage-noise
     * variances &sigma;&sup2;: then every parameter's iteration error is at most &radic;CG_CHI2 = a tenth of its
     * standard error (|e_i| &le; &radic;(e&#7488;Ke) &middot; &radic;(K&#8315;&sup1;)_ii).
     */
    static final double CG_CHI2 = 0.01;
    /** CG iteration cap (a safeguard; the measured solves need far fewer). */
    static final int MAX_CG_ITERATIONS = 2000;
    /** Active-set rounds at most (each fixes the newly negative components at 0). */
    static final int MAX_ACTIVE_SET_ROUNDS = 6;
    /** Normal-consistency factor of the median absolute deviation. */
    static final double MAD_TO_SIGMA = 1.4826;
    /**
     * A branch's flow-error variance is kept only when the pairwise residual variance exceeds twice
     * the voltage-noise variance by this many of its standard errors (3: Gaussian sampling noise
     * crosses it in about 1 branch in 700).
     */
    static final double KAPPA_SIGNIFICANCE = 3;
    /**
     * When the voltage noise (2&sigma;&sup2; in a branch's difference) is below this share of the median
     * branch residual variance, the residuals are flow errors, which are independent per branch:
     * the joint model then decouples into the pairwise fits and there is nothing to pool, so the
     * sweep's estimates are kept (its nonlinear fit is the better pairwise estimator). Measured with
     * 0.5 % P/Q noise, 90 days (2&sigma;&sup2; over the median branch residual variance): no voltage noise
     * 0.0022 (ieee69) and 0.0003 (random:200); 1e-6 p.u. 0.89 and 0.98; 1e-5 p.u. 0.98 and 1.01.
     * 0.02 sits ten times above the noise-free values and far below any voltage noise.
     */
    static final double NEGLIGIBLE_VOLTAGE_NOISE = 0.02;
    /**
     * Voltage noise (standard deviation of u) below this share of the mean u is rounding, not meter
     * noise: 1e-7 of u is 5e-8 p.u. on |V|, twenty times below a 1e-6 p.u. meter, and exact
     * simulated data sit at about 1e-10. Such data have nothing to pool either (the decision by
     * sibling covariances is arbitrary at rounding level), so the sweep's fits are kept.
     */
    static final double ROUNDING_SHARE = 1e-7;
    /** Iterative-refinement steps at most per dense solve. */
    static final int MAX_REFINEMENT_STEPS = 8;
    /** A dense refinement step smaller than this share of the largest unknown ends the solve (noise-free accuracy is ~1e-4). */
    static final double REFINEMENT_TOLERANCE = 1e-9;
    /**
     * Linearisations after the first (around the sweep's estimates): 0. A second one around the
     * result moved ieee69's medians by at most 0.02 pp (365 days, 1e-4 p.u.: r 5.888 -> 5.872 %).
     */
    static final int RELINEARISE = 0;

    private final ImpedanceOptions options;
    private final int denseMaxUnknowns;
    private final double negligibleVoltageNoise;
    /** Held fixed across trees (no estimate, no rejection, no bounds), or null: estimated per tree. */
    private final JointNoiseModel fixedNoise;

    JointRefinement(ImpedanceOptions options) {
        this(options, DENSE_MAX_UNKNOWNS, NEGLIGIBLE_VOLTAGE_NOISE);
    }

    /** With another dense/iterative switch point (tests and measurements). */
    JointRefinement(ImpedanceOptions options, int denseMaxUnknowns) {
        this(options, denseMaxUnknowns, NEGLIGIBLE_VOLTAGE_NOISE);
    }

    /** With another "negligible voltage noise" share (tests: 0 always pools). */
    JointRefinement(ImpedanceOptions options, int denseMaxUnknowns, double negligibleVoltageNoise) {
        this(options, denseMaxUnknowns, negligibleVoltageNoise, null);
    }

    private JointRefinement(ImpedanceOptions options, int denseMaxUnknowns, double negligibleVoltageNoise,
                            JointNoiseModel fixedNoise) {
        this.options = options;
        this.denseMaxUnknowns = denseMaxUnknowns;
        this.negligibleVoltageNoise = negligibleVoltageNoise;
        this.fixedNoise = fixedNoise;
    }

    /**
     * A copy for comparing trees: it uses {@code noise} on every tree instead of estimating one,
     * always pools, rejects no reading and leaves r, x unbounded, so its quadratic form is the
     * same function of the data for every tree (the per-tree estimates, the rejected readings and
     * the active set each make the trees' fits answer to different objectives).
     */
    JointRefinement withFixedNoise(JointNoiseModel noise) {
        return new JointRefinement(options, denseMaxUnknowns, 0, java.util.Objects.requireNonNull(noise, "noise"));
    }

    /**
     * The start and parameterisation of one branch: free (r, x), or a length along a fixed type.
     *
     * @param rOhm     start r, ohm
     * @param xOhm     start x, ohm
     * @param type     conductor type whose length is fitted (r = L r_c, x = L x_c), or null (free)
     * @param lengthKm start length, km (NaN when free)
     */
    record Start(double rOhm, double xOhm, ConductorType type, double lengthKm) {
        static Start free(double r, double x) {
            return new Start(r, x, null, Double.NaN);
        }
    }

    /**
     * A refined branch.
     *
     * @param rOhm          resistance, ohm (&ge; 0)
     * @param xOhm          reactance, ohm (&ge; 0)
     * @param rStdErr       standard error of r, ohm; NaN when not formed (iterative solver)
     * @param xStdErr       standard error of x, ohm; NaN when not formed
     * @param rxCovariance  covariance of r and x, ohm&sup2;; NaN when not formed
     * @param lengthKm      length along the fixed type, km; NaN for a free branch
     * @param lengthStdErr  its standard error, km; NaN when free or not formed
     * @param rmsResidual   rms of u_parent &minus; u_child &minus; d(r, x) over the intervals with both
     *                      voltages (after rejection), kV&sup2;
     * @param intervalsUsed those intervals
     */
    record Branch(double rOhm, double xOhm, double rStdErr, double xStdErr, double rxCovariance, double lengthKm,
                  double lengthStdErr,
                  double rmsResidual, int intervalsUsed) {
    }

    /**
     * What a refinement found.
     *
     * @param branches        per child bus
     * @param sumOfSquares    sum of the squared centred residuals over all readings used, kV&#8308;
     * @param readings        voltage readings used (after rejection)
     * @param intervals       intervals with at least two readings
     * @param rejected        readings dropped as bad data
     * @param iterations      CG iterations (0 with the dense solver)
     * @param dense           whether the dense solver (and so exact standard errors) was used
     * @param voltageNoiseVariance the estimated variance &sigma;&sup2; of one squared-voltage reading, kV&#8308;
     * @param flowErrorRatio  per child bus: &kappa; = the branch's flow-error variance over &sigma;&sup2;
     * @param pooled          false when the voltage noise was negligible against the branches' own
     *                        residuals ({@link #NEGLIGIBLE_VOLTAGE_NOISE}): nothing to pool, the
     *                        starts are returned unchanged and {@code branches} is empty
     */
    record Outcome(Map<String, Branch> branches, double sumOfSquares, long readings, long intervals, int rejected,
                   int iterations, boolean dense, double voltageNoiseVariance, Map<String, Double> flowErrorRatio,
                   boolean pooled) {
    }

    /**
     * Refines the branches of {@code tree}.
     *
     * @param data   readings (|V| kV, P MW, Q Mvar), the root's |V| among them
     * @param tree   topology
     * @param gaps   filled loads and loss voltages where the data have gaps, or null
     * @param starts per child bus: the start and parameterisation
     */
    Outcome refine(MeterData data, RadialTree tree, FilledReadings gaps, Map<String, Start> starts) {
        Layout lay = new Layout(tree);
        int n = lay.n;
        double[] r = new double[n];
        double[] x = new double[n];
        double[] cr = new double[n]; // type direction, NaN for free branches
        double[] cx = new double[n];
        for (int k = 1; k < n; k++) {
            Start s = starts.get(lay.buses.get(k));
            r[k] = s.rOhm();
            x[k] = s.xOhm();
            if (s.type() != null) {
                cr[k] = s.type().rOhmPerKm();
                cx[k] = s.type().xOhmPerKm();
            } else {
                cr[k] = Double.NaN;
                cx[k] = Double.NaN;
            }
        }
        Params par = new Params(lay, cr, cx);
        double[] phi = par.toPhi(r, x, starts, lay);
        boolean dense = par.m <= denseMaxUnknowns;
        Linearised lin = Linearised.of(data, tree, lay, gaps, r, x, parallel());
        double sigma2 = lin.estimateNoise(r, x);
        if (fixedNoise != null) {
            sigma2 = fixedNoise.voltageNoiseVariance();
            for (int k = 1; k < n; k++) {
                lin.kappa[k] = fixedNoise.flowErrorRatioOf(lay.buses.get(k));
            }
            lin.useNoise(sigma2);
        }
        double roundingLevel = ROUNDING_SHARE * lin.meanSquaredVoltage;
        if (2 * sigma2 <= negligibleVoltageNoise * lin.medianBranchVariance
                || (negligibleVoltageNoise > 0 && sigma2 <= roundingLevel * roundingLevel)) {
            return new Outcome(Map.of(), Double.NaN, 0, 0, 0, 0, dense, sigma2, Map.of(), false);
        }
        boolean[] fixed = new boolean[par.m];
        DenseSystem sys = dense ? DenseSystem.of(lin, par, parallel()) : null;
        Solved sol = solve(lin, par, phi, fixed, sys, sys != null && sys.exact);
        Linearised.Rejection rejection = fixedNoise != null ? new Linearised.Rejection(0, null)
                : reject(lin, par, sol.phi());
        int rejected = rejection.dropped();
        int iterations = sol.iterations();
        if (rejected > 0) {
            sol = solve(lin, par, sol.phi(), sol.fixed(), sys, false);
            iterations += sol.iterations();
        }
        for (int i = 0; i < RELINEARISE; i++) {
            par.toTheta(sol.phi(), r, x);
            Linearised next = Linearised.of(data, tree, lay, gaps, r, x, parallel());
            next.dropLike(lin); // rejected readings stay out
            lin = next;
            sol = solve(lin, par, sol.phi(), sol.fixed(), sys, false);
            iterations += sol.iterations();
        }
        par.toTheta(sol.phi(), r, x);
        double[] seR = new double[n];
        double[] seX = new double[n];
        double[] seL = new double[n];
        java.util.Arrays.fill(seR, Double.NaN);
        java.util.Arrays.fill(seX, Double.NaN);
        java.util.Arrays.fill(seL, Double.NaN);
        double[] cov = new double[n];
        java.util.Arrays.fill(cov, Double.NaN);
        // nothing dropped and no relinearisation: the rejection pass already summed the misfit at these (r, x)
        Misfit fit = rejected == 0 && RELINEARISE == 0 && rejection.misfitBefore() != null
                ? rejection.misfitBefore() : lin.misfit(r, x, parallel());
        if (sys != null) {
            double s2 = fit.sumOfSquares / Math.max(1, fit.readings - fit.intervals - par.m);
            DMatrixRMaj inv = sys.inverse();
            for (int k = 1; k < n; k++) {
                int c = par.col[k];
                if (par.typed(k)) {
                    double se = Math.sqrt(s2 * inv.get(c, c));
                    seL[k] = se;
                    seR[k] = se * cr[k];
                    seX[k] = se * cx[k];
                    cov[k] = se * se * cr[k] * cx[k];
                } else {
                    seR[k] = Math.sqrt(s2 * inv.get(c, c));
                    seX[k] = Math.sqrt(s2 * inv.get(c + 1, c + 1));
                    cov[k] = s2 * inv.get(c, c + 1);
                }
            }
        }
        double[][] branchRms = lin.branchResiduals(r, x);
        Map<String, Branch> out = new HashMap<>();
        for (int k = 1; k < n; k++) {
            double len = par.typed(k) ? sol.phi()[par.col[k]] : Double.NaN;
            out.put(lay.buses.get(k), new Branch(r[k], x[k], seR[k], seX[k], cov[k], len, seL[k],
                    branchRms[0][k], (int) branchRms[1][k]));
        }
        Map<String, Double> kap = new HashMap<>();
        for (int k = 1; k < n; k++) {
            kap.put(lay.buses.get(k), lin.kappa[k]);
        }
        return new Outcome(out, fit.sumOfSquares, fit.readings, fit.intervals, rejected, iterations, dense, sigma2, kap,
                true);
    }

    /**
     * The joint model's misfit of given impedances on a tree (no fitting): the flows and drops are
     * computed from {@code rOhm}/{@code xOhm} with the branch equation, each interval centred over
     * its buses with a reading.
     */
    Misfit misfitOf(MeterData data, RadialTree tree, FilledReadings gaps, Map<String, double[]> impedances) {
        Layout lay = new Layout(tree);
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        for (int k = 1; k < lay.n; k++) {
            double[] z = impedances.get(lay.buses.get(k));
            if (z == null) {
                throw new IllegalArgumentException("no impedance for the branch feeding " + lay.buses.get(k));
            }
            r[k] = z[0];
            x[k] = z[1];
        }
        return Linearised.of(data, tree, lay, gaps, r, x, parallel()).misfit(r, x, parallel());
    }

    /**
     * Sum of squared centred residuals (kV&#8308;), readings used and intervals with at least two
     * readings.
     */
    record Misfit(double sumOfSquares, long readings, long intervals) {
    }

    private boolean parallel() {
        return options.parallel();
    }

    private record Solved(double[] phi, boolean[] fixed, int iterations) {
    }

    /**
     * Solves the linearised problem from {@code start} with the active set for the bounds. Dense:
     * iterative refinement with the normal matrix {@code sys} formed once (on the first
     * linearisation, before rejection): the residual is recomputed matrix-free on the current
     * problem each step, so the result is the current problem's solution; the steps contract by
     * the share of readings dropped or the change of the loss terms, both small.
     */
    private Solved solve(Linearised lin, Params par, double[] start, boolean[] fixedIn, DenseSystem sys,
                         boolean exact) {
        boolean[] fixed = fixedIn.clone();
        double[] phi = start.clone();
        for (int i = 0; i < par.m; i++) {
            if (fixed[i] || phi[i] < 0) {
                phi[i] = 0;
            }
        }
        int iterations = 0;
        BlockPreconditioner pre = sys != null ? null : BlockPreconditioner.of(lin, par, parallel(), true);
        double[] rhs = sys != null ? rightHandSide(lin, par) : null;
        for (int round = 0; round < MAX_ACTIVE_SET_ROUNDS; round++) {
            if (sys != null) {
                for (int step = 0; step < MAX_REFINEMENT_STEPS; step++) {
                    // with the exact normal matrix one step solves the problem; else refine on the true residual
                    double[] g = sub(rhs, exact ? sys.times(phi) : apply(lin, par, phi));
                    mask(g, fixed);
                    double[] delta = sys.solve(g, fixed);
                    double big = 0;
                    double change = 0;
                    for (int i = 0; i < par.m; i++) {
                        phi[i] += delta[i];
                        big = Math.max(big, Math.abs(phi[i]));
                        change = Math.max(change, Math.abs(delta[i]));
                    }
                    iterations++;
                    if (exact || change <= REFINEMENT_TOLERANCE * big) {
                        break;
                    }
                }
            } else {
                int[] it = {0};
                phi = conjugateGradients(lin, par, pre, phi, fixed, it);
                iterations += it[0];
            }
            if (fixedNoise != null) {
                break; // a likelihood comparable across trees: the unbounded least-squares minimum
            }
            boolean changed = false;
            for (int i = 0; i < par.m; i++) {
                if (!fixed[i] && phi[i] < 0) {
                    fixed[i] = true;
                    phi[i] = 0;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < par.m; i++) {
            if (fixed[i]) {
                phi[i] = 0;
            }
        }
        return new Solved(phi, fixed, iterations);
    }

    private double[] rightHandSide(Linearised lin, Params par) {
        double[] rhs = par.gradientToPhi(lin.gradient(new double[lin.n], new double[lin.n], true, parallel()));
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = -rhs[i];
        }
        return rhs;
    }

    /** Preconditioned CG on the normal equations over the free components. */
    private double[] conjugateGradients(Linearised lin, Params par, BlockPreconditioner pre, double[] start,
                                        boolean[] fixed, int[] iterations) {
        int m = par.m;
        double[] phi = start.clone();
        double[] rhs = rightHandSide(lin, par);
        double[] res = sub(rhs, apply(lin, par, phi));
        mask(res, fixed);
        mask(rhs, fixed);
        double[] z = pre.apply(res, fixed);
        double[] zb = pre.apply(rhs, fixed);
        double bNorm = Math.sqrt(Math.max(dot(rhs, zb), 0));
        double rz = dot(res, z);
        double[] p = z.clone();
        int it = 0;
        double stop = Math.max(CG_TOLERANCE * bNorm, Math.sqrt(CG_CHI2 * lin.sigma2));
        while (it < MAX_CG_ITERATIONS && Math.sqrt(Math.max(rz, 0)) > stop) {
            double[] q = apply(lin, par, p);
            mask(q, fixed);
            double pq = dot(p, q);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rz / pq;
            for (int i = 0; i < m; i++) {
                phi[i] += alpha * p[i];
                res[i] -= alpha * q[i];
            }
            z = pre.apply(res, fixed);
            double rzNew = dot(res, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < m; i++) {
                p[i] = z[i] + beta * p[i];
            }
            it++;
        }
        iterations[0] = it;
        return phi;
    }

    double[] apply(Linearised lin, Params par, double[] phi) {
        double[] r = new double[lin.n];
        double[] x = new double[lin.n];
        par.toTheta(phi, r, x);
        return par.gradientToPhi(lin.gradient(r, x, false, parallel()));
    }

    private static double[] sub(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    private static void mask(double[] v, boolean[] fixed) {
        for (int i = 0; i < v.length; i++) {
            if (fixed[i]) {
                v[i] = 0;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Drops readings whose centred residual exceeds the bad-data threshold.
     *
     * @return readings dropped
     */
    private Linearised.Rejection reject(Linearised lin, Params par, double[] phi) {
        if (options.badDataSigmas() <= 0) {
            return new Linearised.Rejection(0, null);
        }
        double[] r = new double[lin.n];
        double[] x = new double[lin.n];
        par.toTheta(phi, r, x);
        return lin.reject(r, x, options.badDataSigmas(), options.residualFloor(), parallel());
    }

    /** Buses top-down (root = 0) and parent indices. */
    static final class Layout {
        final List<String> buses;
        final int n;
        final int[] parent;

        Layout(RadialTree tree) {
            buses = new ArrayList<>(tree.topDown());
            n = buses.size();
            Map<String, Integer> idx = new HashMap<>();
            for (int k = 0; k < n; k++) {
                idx.put(buses.get(k), k);
            }
            parent = new int[n];
            parent[0] = -1;
            for (int k = 1; k < n; k++) {
                parent[k] = idx.get(tree.parentOf(buses.get(k)));
                if (parent[k] >= k) {
                    throw new IllegalStateException("topDown order lists a child before its parent");
                }
            }
        }
    }

    /** The unknowns: two per free branch (r, x), one per typed branch (its length). */
    static final class Params {
        final int[] col;
        final double[] cr;
        final double[] cx;
        final int m;

        Params(Layout lay, double[] cr, double[] cx) {
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

        boolean typed(int k) {
            return !Double.isNaN(cr[k]);
        }

        double[] toPhi(double[] r, double[] x, Map<String, Start> starts, Layout lay) {
            double[] phi = new double[m];
            for (int k = 1; k < cr.length; k++) {
                if (typed(k)) {
                    phi[col[k]] = starts.get(lay.buses.get(k)).lengthKm();
                } else {
                    phi[col[k]] = r[k];
                    phi[col[k] + 1] = x[k];
                }
            }
            return phi;
        }

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

        /** B&#7488;g: a gradient in (r, x) per bus to the unknowns. */
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
    }

    /**
     * The linearised problem: per interval t and bus k (flat index t&middot;N + k), the Jacobian
     * columns a = &part;d/&part;r, b = &part;d/&part;x of the branch feeding k and the target
     * y = &minus;(u_k + &Sigma;_path offsets), NaN where no reading; so that centred y &asymp; centred X&theta;.
     */
    static final class Linearised {
        final int n;
        final int t;
        final int[] parent;
        final double[] a;
        final double[] b;
        final double[] y;
        /** Per branch (child bus): its flow-error variance over the voltage-noise variance; 0 = none. */
        final double[] kappa;
        /** The voltage-noise variance of one reading, kV&#8308; (0 until estimated). */
        double sigma2;
        /** Mean squared voltage u over the readings, kV&sup2; (NaN until estimated). */
        double meanSquaredVoltage = Double.NaN;
        /** Median over branches of the variance of u_p &minus; u_c &minus; d_c at the start, kV&#8308; (NaN until estimated). */
        double medianBranchVariance = Double.NaN;
        private final int[] count;
        private final double[] fullAlpha;
        private final double[] fullG;

        private Linearised(int n, int t, int[] parent, double[] a, double[] b, double[] y) {
            this.kappa = new double[n];
            this.count = new int[t];
            this.fullAlpha = new double[n];
            this.fullG = new double[n];
            this.n = n;
            this.t = t;
            this.parent = parent;
            this.a = a;
            this.b = b;
            this.y = y;
            recount();
            prepare();
        }

        static Linearised of(MeterData data, RadialTree tree, Layout lay, FilledReadings gaps, double[] r, double[] x,
                             boolean parallel) {
            int n = lay.n;
            int tt = data.intervalCount();
            int[] m = new int[n];
            int[] row = new int[n];
            for (int k = 0; k < n; k++) {
                m[k] = data.indexOf(lay.buses.get(k));
                row[k] = k == 0 || gaps == null ? -1 : gaps.row().get(lay.buses.get(k));
            }
            double[] a = new double[n * tt];
            double[] b = new double[n * tt];
            double[] y = new double[n * tt];
            int[] par = lay.parent;
            IntStream chunks = IntStream.range(0, CHUNKS);
            (parallel ? chunks.parallel() : chunks).forEach(c -> {
                Readings block = new Readings(n);
                double[] pr = new double[n * GROUP];
                double[] qr = new double[n * GROUP];
                double[] off = new double[n * GROUP];
                boolean[] ok = new boolean[GROUP];
                int from = (int) ((long) tt * c / CHUNKS);
                int to = (int) ((long) tt * (c + 1) / CHUNKS);
                for (int t0 = from; t0 < to; t0 += Readings.BLOCK) {
                    int len = Math.min(Readings.BLOCK, to - t0);
                    block.gather(data, gaps, m, row, t0, len);
                    for (int i = 0; i < len; i += GROUP) {
                        fill(block, i, Math.min(GROUP, len - i), t0 + i, n, par, r, x, pr, qr, off, ok, a, b, y);
                    }
                }
            });
            return new Linearised(n, tt, par, a, b, y);
        }

        /**
         * One block of intervals' readings, bus-major: gathered one meter row at a time (a few
         * consecutive cache lines each) instead of one value from every meter per interval, which
         * kept hundreds of memory streams open.
         */
        private static final class Readings {
            /** Intervals per block: 4 readings x N x 32 doubles stay in the core's cache. */
            static final int BLOCK = 32;
            /** P, Q (MW, Mvar; filled where missing), u for the flows (filled) and u read (NaN where missing). */
            final double[] p;
            final double[] q;
            final double[] uFlow;
            final double[] uRead;

            Readings(int n) {
                p = new double[n * BLOCK];
                q = new double[n * BLOCK];
                uFlow = new double[n * BLOCK];
                uRead = new double[n * BLOCK];
            }

            void gather(MeterData data, FilledReadings gaps, int[] m, int[] row, int t0, int len) {
                for (int k = 0; k < m.length; k++) {
                    int o = k * BLOCK;
                    for (int i = 0; i < len; i++) {
                        int t = t0 + i;
                        double u = sq(data.vKv(m[k], t));
                        uRead[o + i] = u;
                        if (k == 0) {
                            continue;
                        }
                        p[o + i] = gaps == null ? data.pMw(m[k], t) : gaps.pMw()[row[k]][t];
                        q[o + i] = gaps == null ? data.qMvar(m[k], t) : gaps.qMvar()[row[k]][t];
                        uFlow[o + i] = gaps == null ? u : gaps.uFilled()[row[k]][t];
                    }
                }
            }
        }

        /**
         * The Jacobian columns and targets of {@code g} consecutive intervals from {@code t0}
         * (block offset {@code i0}), interleaved (bus k of interval j at k &middot; g + j): each interval's
         * arithmetic is exactly the one-interval recursion's, and the g intervals' leaves-up chains
         * (each branch's flow waits for its children's) overlap in the core instead of running
         * one after the other.
         */
        private static void fill(Readings rd, int i0, int g, int t0, int n, int[] par, double[] r, double[] x,
                                 double[] pr, double[] qr, double[] off, boolean[] ok, double[] a, double[] b,
                                 double[] y) {
            int bl = Readings.BLOCK;
            for (int k = 1; k < n; k++) {
                for (int j = 0; j < g; j++) {
                    pr[k * g + j] = rd.p[k * bl + i0 + j];
                    qr[k * g + j] = rd.q[k * bl + i0 + j];
                }
            }
            java.util.Arrays.fill(ok, 0, g, true);
            for (int k = n - 1; k >= 1; k--) {
                double rk = r[k];
                double xk = x[k];
                int pk = par[k];
                for (int j = 0; j < g; j++) {
                    int at = k * g + j;
                    double u = rd.uFlow[k * bl + i0 + j];
                    double p = pr[at];
                    double q = qr[at];
                    double l = BranchEquation.squaredCurrentTerm(p, q, u);
                    double ak = 2 * p + 2 * rk * l;
                    double bk = 2 * q + 2 * xk * l;
                    double drop = BranchEquation.sendingSquaredVoltage(rk, xk, p, q, u) - u;
                    off[at] = drop - ak * rk - bk * xk;
                    int base = (t0 + j) * n;
                    a[base + k] = ak;
                    b[base + k] = bk;
                    ok[j] &= Double.isFinite(ak) && Double.isFinite(bk) && Double.isFinite(off[at]);
                    if (pk >= 1) {
                        pr[pk * g + j] += BranchEquation.sendingActiveMw(rk, p, q, u);
                        qr[pk * g + j] += BranchEquation.sendingReactiveMvar(xk, p, q, u);
                    }
                }
            }
            for (int j = 0; j < g; j++) {
                y[(t0 + j) * n] = -rd.uRead[i0 + j];
                off[j] = 0;
            }
            for (int k = 1; k < n; k++) {
                int pk = par[k];
                for (int j = 0; j < g; j++) {
                    off[k * g + j] += off[pk * g + j];
                    y[(t0 + j) * n + k] = -(rd.uRead[k * bl + i0 + j] + off[k * g + j]);
                }
            }
            for (int j = 0; j < g; j++) {
                if (!ok[j]) {
                    int base = (t0 + j) * n;
                    for (int k = 0; k < n; k++) {
                        a[base + k] = 0;
                        b[base + k] = 0;
                        y[base + k] = Double.NaN;
                    }
                }
            }
        }

        private static double sq(double v) {
            return Double.isFinite(v) ? v * v : Double.NaN;
        }

        /** Marks as missing every reading missing in {@code other} (same layout), and takes its &kappa;. */
        void dropLike(Linearised other) {
            System.arraycopy(other.kappa, 0, kappa, 0, n);
            sigma2 = other.sigma2;
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(other.y[i])) {
                    y[i] = Double.NaN;
                }
            }
            recount();
            prepare();
        }

        private int[] chunk(int c) {
            return new int[]{(int) ((long) t * c / CHUNKS), (int) ((long) t * (c + 1) / CHUNKS)};
        }

        private <R> List<R> overChunks(java.util.function.IntFunction<R> work, boolean parallel) {
            List<R> out = new ArrayList<>(CHUNKS);
            if (parallel) {
                Object[] res = new Object[CHUNKS];
                IntStream.range(0, CHUNKS).parallel().forEach(c -> res[c] = work.apply(c));
                for (Object o : res) {
                    @SuppressWarnings("unchecked") R rr = (R) o;
                    out.add(rr);
                }
            } else {
                for (int c = 0; c < CHUNKS; c++) {
                    out.add(work.apply(c));
                }
            }
            return out;
        }

        /**
         * The per-interval smoother: for drops h = J&theta; (per branch) and the readings (y, or zeros
         * on the same readings when {@code withY} is false) it minimises over the latent voltages w
         * &Sigma;_read (y_k &minus; w_k)&sup2; + &Sigma;_branches (w_c &minus; w_p &minus; h_c)&sup2;/&kappa;_c by
         * elimination leaves-up and substitution top-down (O(N)). &lambda;_c = (w_c &minus; w_p &minus; h_c)/&kappa;_c
         * (finite as &kappa;_c &rarr; 0) is the subtree's pull on branch c; with &kappa; = 0 it is the subtree sum of
         * the centred residuals. {@code visit} receives the interval, &lambda; and w.
         */
        private void smooth(int t, double[] r, double[] x, boolean withY, double[] alpha, double[] beta, double[] h,
                            double[] w, double[] lambda) {
            int base = t * n;
            if (count[t] == n) {
                // every bus read: the elimination's weights are the same each interval (precomputed)
                for (int k = 0; k < n; k++) {
                    beta[k] = withY ? y[base + k] : 0;
                }
                for (int k = n - 1; k >= 1; k--) {
                    double hk = a[base + k] * r[k] + b[base + k] * x[k];
                    h[k] = hk;
                    beta[parent[k]] += (beta[k] - fullAlpha[k] * hk) * fullG[k];
                }
                w[0] = beta[0] / fullAlpha[0];
                for (int k = 1; k < n; k++) {
                    double sk = w[parent[k]] + h[k];
                    double lam = (beta[k] - fullAlpha[k] * sk) * fullG[k];
                    lambda[k] = lam;
                    w[k] = sk + kappa[k] * lam;
                }
                return;
            }
            for (int k = 0; k < n; k++) {
                double yk = y[base + k];
                boolean obs = yk == yk;
                alpha[k] = obs ? 1 : 0;
                beta[k] = obs && withY ? yk : 0;
            }
            for (int k = n - 1; k >= 1; k--) {
                double hk = a[base + k] * r[k] + b[base + k] * x[k];
                h[k] = hk;
                double den = 1 + alpha[k] * kappa[k];
                double ap = alpha[k] / den;
                int p = parent[k];
                alpha[p] += ap;
                beta[p] += beta[k] / den - ap * hk;
            }
            w[0] = alpha[0] > 0 ? beta[0] / alpha[0] : 0;
            for (int k = 1; k < n; k++) {
                double sk = w[parent[k]] + h[k];
                double lam = (beta[k] - alpha[k] * sk) / (1 + alpha[k] * kappa[k]);
                lambda[k] = lam;
                w[k] = sk + kappa[k] * lam;
            }
        }

        /** Readings of interval t. */
        private int readings(int t) {
            return count[t];
        }

        /** Recounts the readings per interval (after readings were dropped). */
        private void recount() {
            for (int t = 0; t < this.t; t++) {
                int base = t * n;
                int c = 0;
                for (int k = 0; k < n; k++) {
                    double yk = y[base + k];
                    if (yk == yk) {
                        c++;
                    }
                }
                count[t] = c;
            }
        }

        /** Takes {@code s2} as the voltage-noise variance, with the &kappa; already set. */
        void useNoise(double s2) {
            this.sigma2 = s2;
            prepare();
        }

        /** The elimination weights of an interval with every reading, for the current &kappa;. */
        private void prepare() {
            java.util.Arrays.fill(fullAlpha, 1);
            for (int k = n - 1; k >= 1; k--) {
                double g = 1 / (1 + fullAlpha[k] * kappa[k]);
                fullG[k] = g;
                fullAlpha[parent[k]] += fullAlpha[k] * g;
            }
        }

        /**
         * Half the gradient of the joint objective, K&theta; &minus; rhs (withY) or K&theta;, as {gr, gx} per bus
         * (K = the normal matrix in units of the voltage-noise variance).
         */
        double[][] gradient(double[] r, double[] x, boolean withY, boolean parallel) {
            List<double[][]> parts = overChunks(c -> {
                int[] span = chunk(c);
                double[] gr = new double[n];
                double[] gx = new double[n];
                double[] alpha = new double[n];
                double[] beta = new double[n];
                double[] h = new double[n];
                double[] w = new double[n];
                double[] lam = new double[n];
                for (int t = span[0]; t < span[1]; t++) {
                    if (readings(t) < 2) {
                        continue;
                    }
                    smooth(t, r, x, withY, alpha, beta, h, w, lam);
                    int base = t * n;
                    for (int k = 1; k < n; k++) {
                        gr[k] -= a[base + k] * lam[k];
                        gx[k] -= b[base + k] * lam[k];
                    }
                }
                return new double[][]{gr, gx};
            }, parallel);
            double[] gr = new double[n];
            double[] gx = new double[n];
            for (double[][] p : parts) {
                for (int k = 0; k < n; k++) {
                    gr[k] += p[0][k];
                    gx[k] += p[1][k];
                }
            }
            return new double[][]{gr, gx};
        }

        /**
         * The objective at &theta;: &Sigma; (y &minus; w)&sup2; over the readings plus &Sigma; &kappa;&lambda;&sup2; over the
         * branches (kV&#8308;; with &kappa; = 0 the sum of squared centred residuals), readings and
         * intervals with at least two readings.
         */
        Misfit misfit(double[] r, double[] x, boolean parallel) {
            List<double[]> parts = overChunks(c -> {
                int[] span = chunk(c);
                double[] alpha = new double[n];
                double[] beta = new double[n];
                double[] h = new double[n];
                double[] w = new double[n];
                double[] lam = new double[n];
                double ss = 0;
                long readings = 0;
                long intervals = 0;
                for (int t = span[0]; t < span[1]; t++) {
                    int cnt = readings(t);
                    if (cnt < 2) {
                        continue;
                    }
                    smooth(t, r, x, true, alpha, beta, h, w, lam);
                    int base = t * n;
                    for (int k = 0; k < n; k++) {
                        double yk = y[base + k];
                        if (yk == yk) {
                            ss += (yk - w[k]) * (yk - w[k]);
                        }
                        if (k > 0) {
                            ss += kappa[k] * lam[k] * lam[k];
                        }
                    }
                    readings += cnt;
                    intervals++;
                }
                return new double[]{ss, readings, intervals};
            }, parallel);
            double ss = 0;
            long readings = 0;
            long intervals = 0;
            for (double[] p : parts) {
                ss += p[0];
                readings += (long) p[1];
                intervals += (long) p[2];
            }
            return new Misfit(ss, readings, intervals);
        }

        /**
         * What {@link #reject} did: the readings it dropped, and the misfit at the (r, x) it judged,
         * taken in the same smoother pass (before the drops: the final misfit when none were made).
         */
        record Rejection(int dropped, Misfit misfitBefore) {
        }

        /**
         * Sets to NaN the readings beyond the threshold; returns how many. The residual of a reading
         * is y &minus; w (the smoothed latent voltage); the robust scale is per bus (1.4826 &times; MAD of that
         * bus's residuals about their median), since buses differ in how much flow error their
         * residuals carry. Floored at {@code relativeFloor} &times; the rms of the centred readings.
         * The same smoother pass also sums {@link #misfit} at (r, x) (same chunks, same order: the
         * same bits), which saves the refinement that pass when nothing is dropped.
         */
        Rejection reject(double[] r, double[] x, double k, double relativeFloor, boolean parallel) {
            int tt = this.t;
            // residuals bus-major (bus j's at j*T + t): each bus's robust scale then reads them in order
            double[] res = new double[y.length];
            List<double[]> parts = overChunks(ch -> {
                int[] span = chunk(ch);
                double[] alpha = new double[n];
                double[] beta = new double[n];
                double[] h = new double[n];
                double[] w = new double[n];
                double[] lam = new double[n];
                double sig2 = 0;
                long used = 0;
                double ss = 0;
                long intervals = 0;
                for (int t = span[0]; t < span[1]; t++) {
                    int base = t * n;
                    int cnt = readings(t);
                    if (cnt < 2) {
                        for (int j = 0; j < n; j++) {
                            res[j * tt + t] = Double.NaN;
                        }
                        continue;
                    }
                    smooth(t, r, x, true, alpha, beta, h, w, lam);
                    double meanY = 0;
                    for (int j = 0; j < n; j++) {
                        double yj = y[base + j];
                        if (yj == yj) {
                            meanY += yj / cnt;
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        double yj = y[base + j];
                        if (yj == yj) {
                            res[j * tt + t] = yj - w[j];
                            sig2 += (yj - meanY) * (yj - meanY);
                            used++;
                            ss += (yj - w[j]) * (yj - w[j]);
                        } else {
                            res[j * tt + t] = Double.NaN;
                        }
                        if (j > 0) {
                            ss += kappa[j] * lam[j] * lam[j];
                        }
                    }
                    intervals++;
                }
                // used = the readings of the intervals with at least two, as misfit counts them
                return new double[]{sig2, used, ss, intervals};
            }, parallel);
            double signal2 = 0;
            long readings = 0;
            double ss = 0;
            long intervals = 0;
            for (double[] p : parts) {
                signal2 += p[0];
                readings += (long) p[1];
                ss += p[2];
                intervals += (long) p[3];
            }
            Misfit before = new Misfit(ss, readings, intervals);
            if (readings < 3) {
                return new Rejection(0, before);
            }
            double floor = relativeFloor * Math.sqrt(signal2 / readings);
            // each bus's robust scale on its own (concurrently when allowed, CHUNKS groups of buses
            // with one scratch column each); the drops are applied afterwards in bus order, so the
            // outcome does not depend on the threads
            int[][] drops = new int[n][];
            java.util.function.IntConsumer perGroup = g -> {
                double[] col = new double[tt];
                for (int j = g; j < n; j += CHUNKS) {
                    drops[j] = busDrops(res, j * tt, col, k, floor);
                }
            };
            if (parallel) {
                IntStream.range(0, CHUNKS).parallel().forEach(perGroup);
            } else {
                IntStream.range(0, CHUNKS).forEach(perGroup);
            }
            int dropped = 0;
            for (int j = 0; j < n; j++) {
                if (drops[j] == null) {
                    continue;
                }
                for (int t : drops[j]) {
                    y[t * n + j] = Double.NaN;
                    count[t]--;
                    dropped++;
                }
            }
            return new Rejection(dropped, before);
        }

        /**
         * The intervals of one bus whose residual lies beyond k robust standard deviations, or null
         * when none does.
         *
         * @param res   residuals, this bus's at [from, from + T), NaN where none
         * @param col   scratch, length T
         */
        private int[] busDrops(double[] res, int from, double[] col, double k, double floor) {
            int tt = this.t;
            int c = 0;
            for (int t = 0; t < tt; t++) {
                double e = res[from + t];
                if (e == e) {
                    col[c++] = e;
                }
            }
            if (c < 3) {
                return null;
            }
            double med = Median.ofFirst(col, c);
            if (!OutlierScreen.anyBeyond(col, c, med, k, MAD_TO_SIGMA, floor)) {
                return null; // nothing to drop, decided without the MAD's selection (the usual case)
            }
            c = 0;
            for (int t = 0; t < tt; t++) {
                double e = res[from + t];
                if (e == e) {
                    col[c++] = Math.abs(e - med);
                }
            }
            double sigma = Math.max(MAD_TO_SIGMA * Median.ofFirst(col, c), floor);
            if (!(sigma > 0)) {
                return null;
            }
            int m = 0;
            int[] out = new int[8];
            for (int t = 0; t < tt; t++) {
                double e = res[from + t];
                if (e == e && Math.abs(e - med) > k * sigma) {
                    if (m == out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * m);
                    }
                    out[m++] = t;
                }
            }
            return java.util.Arrays.copyOf(out, m);
        }

        /**
         * Estimates the flow-error variance of each branch relative to the voltage noise
         * (&kappa;_c = &tau;_c&sup2;/&sigma;&sup2;) from the pairwise residuals e_c = u_p &minus; u_c &minus; d_c at &theta;:
         * var(e_c) = 2&sigma;&sup2; + &tau;_c&sup2;, and two sibling branches share only their parent's meter, so
         * cov(e_c, e_g) = &sigma;&sup2; (their flow errors come from different loads). &sigma;&sup2; = the median
         * sibling covariance; without siblings, half the smallest var(e_c).
         *
         * @return the voltage-noise variance &sigma;&sup2;, kV&#8308;
         */
        double estimateNoise(double[] r, double[] x) {
            double[] s1 = new double[n];
            double[] s2 = new double[n];
            double[] cnt = new double[n];
            // the mean squared voltage over the readings in the same pass (summed in index order)
            double su = 0;
            long nu = 0;
            for (int t = 0; t < this.t; t++) {
                int base = t * n;
                if (y[base] == y[base]) {
                    su -= y[base];
                    nu++;
                }
                for (int k = 1; k < n; k++) {
                    double yk = y[base + k];
                    if (yk == yk) {
                        su -= yk;
                        nu++;
                    }
                    double e = edgeResidual(base, k, r, x);
                    if (e == e) {
                        s1[k] += e;
                        s2[k] += e * e;
                        cnt[k]++;
                    }
                }
            }
            double[] var = new double[n];
            double smallest = Double.POSITIVE_INFINITY;
            for (int k = 1; k < n; k++) {
                var[k] = cnt[k] > 1 ? (s2[k] - s1[k] * s1[k] / cnt[k]) / (cnt[k] - 1) : Double.NaN;
                if (var[k] == var[k]) {
                    smallest = Math.min(smallest, var[k]);
                }
            }
            meanSquaredVoltage = nu > 0 ? su / nu : Double.NaN;
            double[] vs = new double[n];
            int nv = 0;
            for (int k = 1; k < n; k++) {
                if (var[k] == var[k]) {
                    vs[nv++] = var[k];
                }
            }
            medianBranchVariance = nv > 0 ? Median.ofFirst(vs, nv) : Double.NaN;
            // sibling pairs: consecutive children of each bus
            int[] last = new int[n];
            java.util.Arrays.fill(last, -1);
            List<int[]> pairs = new ArrayList<>();
            for (int k = 1; k < n; k++) {
                int p = parent[k];
                if (last[p] >= 0) {
                    pairs.add(new int[]{last[p], k});
                }
                last[p] = k;
            }
            double sigma2;
            if (!pairs.isEmpty()) {
                // every pair's sums in one pass over the intervals (each pair's in interval order)
                int np = pairs.size();
                double[] sa = new double[np];
                double[] sb = new double[np];
                double[] sab = new double[np];
                double[] c = new double[np];
                for (int t = 0; t < this.t; t++) {
                    int base = t * n;
                    for (int q = 0; q < np; q++) {
                        int[] pr = pairs.get(q);
                        double ea = edgeResidual(base, pr[0], r, x);
                        double eb = edgeResidual(base, pr[1], r, x);
                        if (ea == ea && eb == eb) {
                            sa[q] += ea;
                            sb[q] += eb;
                            sab[q] += ea * eb;
                            c[q]++;
                        }
                    }
                }
                double[] covs = new double[np];
                int m = 0;
                for (int q = 0; q < np; q++) {
                    if (c[q] > 1) {
                        covs[m++] = (sab[q] - sa[q] * sb[q] / c[q]) / (c[q] - 1);
                    }
                }
                sigma2 = m > 0 ? Median.ofFirst(covs, m) : 0.5 * smallest;
            } else {
                sigma2 = 0.5 * smallest;
            }
            // exact data: no voltage noise seen; a tiny floor keeps kappa finite (branches then decouple)
            double floor = Double.isFinite(smallest) ? 1e-9 * Math.max(smallest, 1e-300) : 1e-300;
            sigma2 = Math.max(sigma2, floor);
            this.sigma2 = sigma2;
            for (int k = 1; k < n; k++) {
                // keep only flow errors the data show: var(e_c) - 2 sigma^2 beyond KAPPA_SIGNIFICANCE standard
                // errors of the variance estimate (sqrt(2 / T) var for Gaussian residuals); sampling noise
                // alone would otherwise give the trunk branches a spurious kappa of a few per cent, which
                // outweighs the 1/n_c precision of a large subtree's drop
                double se = var[k] * Math.sqrt(2 / Math.max(cnt[k] - 1, 1));
                kappa[k] = var[k] == var[k] ? Math.max(var[k] - 2 * sigma2 - KAPPA_SIGNIFICANCE * se, 0) / sigma2 : 0;
            }
            prepare();
            return sigma2;
        }

        private double edgeResidual(int base, int k, double[] r, double[] x) {
            return y[base + k] - y[base + parent[k]] - a[base + k] * r[k] - b[base + k] * x[k];
        }

        /** Per branch: {rms of (u_p &minus; u_c &minus; d), count} over intervals with both readings. */
        double[][] branchResiduals(double[] r, double[] x) {
            double[] ss = new double[n];
            double[] cnt = new double[n];
            for (int t = 0; t < this.t; t++) {
                int base = t * n;
                for (int k = 1; k < n; k++) {
                    double yc = y[base + k];
                    double yp = y[base + parent[k]];
                    if (yc == yc && yp == yp) {
                        double e = yc - yp - a[base + k] * r[k] - b[base + k] * x[k];
                        ss[k] += e * e;
                        cnt[k]++;
                    }
                }
            }
            double[] rms = new double[n];
            for (int k = 1; k < n; k++) {
                rms[k] = cnt[k] > 0 ? Math.sqrt(ss[k] / cnt[k]) : Double.NaN;
            }
            return new double[][]{rms, cnt};
        }
    }

    /** 2&times;2 (or 1&times;1 for a typed branch) diagonal blocks of the normal matrix, inverted. */
    static final class BlockPreconditioner {
        private final Params par;
        private final double[] kaa;
        private final double[] kab;
        private final double[] kbb;
        private final double[] weight;
        private final int[] parent;
        private final double[] kappa;
        private final boolean coupled;

        private BlockPreconditioner(Params par, double[] kaa, double[] kab, double[] kbb, double[] weight,
                                    int[] parent, double[] kappa, boolean coupled) {
            this.kappa = kappa;
            this.par = par;
            this.kaa = kaa;
            this.kab = kab;
            this.kbb = kbb;
            this.weight = weight;
            this.parent = parent;
            this.coupled = coupled;
        }

        /**
         * Tree-coupled form: K &asymp; S (W&#771; &otimes; I) S with S the symmetric square roots of the
         * diagonal blocks and W&#771; the normalised centring weight (P&#7488;CP scaled to unit diagonal), exact
         * when every branch's flows are one common pair of shapes; W&#771;&#8315;&sup1; = D&frac12; B B&#7488; D&frac12;
         * (B the branch&ndash;bus incidence) costs O(N).
         */
        double[] applyCoupled(double[] v, boolean[] fixed) {
            int n = kaa.length;
            double[][] w = new double[2][n];
            double[][] sinv = new double[n][];
            for (int k = 1; k < n; k++) {
                int c = par.col[k];
                if (par.typed(k)) {
                    double s = par.cr[k] * par.cr[k] * kaa[k] + 2 * par.cr[k] * par.cx[k] * kab[k]
                            + par.cx[k] * par.cx[k] * kbb[k];
                    double si = fixed[c] || !(s > 0) ? 0 : 1 / Math.sqrt(s);
                    sinv[k] = new double[]{si, 0, 0};
                    w[0][k] = si * v[c];
                    continue;
                }
                double p = fixed[c] ? 0 : kaa[k];
                double q = fixed[c] || fixed[c + 1] ? 0 : kab[k];
                double r = fixed[c + 1] ? 0 : kbb[k];
                double det = p * r - q * q;
                double[] m;
                if (!(det > 1e-12 * p * r)) {
                    m = new double[]{p > 0 ? 1 / Math.sqrt(p) : 0, 0, r > 0 ? 1 / Math.sqrt(r) : 0};
                } else {
                    double sd = Math.sqrt(det);
                    double tnorm = Math.sqrt(p + r + 2 * sd);
                    // sqrt = (M + sd I) / tnorm; inverse of [[e, f], [f, g]]
                    double e = (p + sd) / tnorm;
                    double f = q / tnorm;
                    double g = (r + sd) / tnorm;
                    double dd = e * g - f * f;
                    m = new double[]{g / dd, -f / dd, e / dd};
                }
                sinv[k] = m;
                w[0][k] = m[0] * v[c] + m[1] * v[c + 1];
                w[1][k] = m[1] * v[c] + m[2] * v[c + 1];
            }
            double[] bus = new double[n];
            for (int ch = 0; ch < 2; ch++) {
                java.util.Arrays.fill(bus, 0);
                double[] z = w[ch];
                for (int k = 1; k < n; k++) {
                    z[k] *= Math.sqrt(weight[k]);
                    bus[parent[k]] += z[k];
                    bus[k] -= z[k];
                }
                for (int k = 1; k < n; k++) {
                    z[k] = Math.sqrt(weight[k]) * (bus[parent[k]] - bus[k] + kappa[k] * z[k]);
                }
            }
            double[] out = new double[v.length];
            for (int k = 1; k < n; k++) {
                int c = par.col[k];
                double[] m = sinv[k];
                if (par.typed(k)) {
                    out[c] = m[0] * w[0][k];
                } else {
                    out[c] = fixed[c] ? 0 : m[0] * w[0][k] + m[1] * w[1][k];
                    out[c + 1] = fixed[c + 1] ? 0 : m[1] * w[0][k] + m[2] * w[1][k];
                }
            }
            return out;
        }

        static BlockPreconditioner of(Linearised lin, Params par, boolean parallel, boolean coupled) {
            int n = lin.n;
            List<double[][]> parts = lin.overChunks(c -> {
                int[] span = lin.chunk(c);
                double[] aa = new double[n];
                double[] ab = new double[n];
                double[] bb = new double[n];
                double[] ww = new double[n + 1];
                int[] cnt = new int[n];
                for (int t = span[0]; t < span[1]; t++) {
                    int base = t * n;
                    int total = 0;
                    for (int k = 0; k < n; k++) {
                        cnt[k] = lin.y[base + k] == lin.y[base + k] ? 1 : 0;
                        total += cnt[k];
                    }
                    for (int k = n - 1; k >= 1; k--) {
                        cnt[lin.parent[k]] += cnt[k];
                    }
                    if (total < 2) {
                        continue;
                    }
                    for (int k = 1; k < n; k++) {
                        double w0 = cnt[k] - (double) cnt[k] * cnt[k] / total;
                        double w = w0 / (1 + w0 * lin.kappa[k]);
                        double ak = lin.a[base + k];
                        double bk = lin.b[base + k];
                        aa[k] += w * ak * ak;
                        ab[k] += w * ak * bk;
                        bb[k] += w * bk * bk;
                        ww[k] += w;
                    }
                    ww[n]++;
                }
                return new double[][]{aa, ab, bb, ww};
            }, parallel);
            double[] aa = new double[n];
            double[] ab = new double[n];
            double[] bb = new double[n];
            double[] ww = new double[n + 1];
            for (double[][] p : parts) {
                for (int k = 0; k < n; k++) {
                    aa[k] += p[0][k];
                    ab[k] += p[1][k];
                    bb[k] += p[2][k];
                    ww[k] += p[3][k];
                }
                ww[n] += p[3][n];
            }
            double[] weight = new double[n];
            for (int k = 1; k < n; k++) {
                weight[k] = ww[n] > 0 ? ww[k] / ww[n] : 0;
            }
            return new BlockPreconditioner(par, aa, ab, bb, weight, lin.parent, lin.kappa, coupled);
        }

        double[] apply(double[] v, boolean[] fixed) {
            if (coupled) {
                return applyCoupled(v, fixed);
            }
            double[] out = new double[v.length];
            for (int k = 1; k < kaa.length; k++) {
                int c = par.col[k];
                if (par.typed(k)) {
                    double s = par.cr[k] * par.cr[k] * kaa[k] + 2 * par.cr[k] * par.cx[k] * kab[k]
                            + par.cx[k] * par.cx[k] * kbb[k];
                    out[c] = fixed[c] || !(s > 0) ? 0 : v[c] / s;
                    continue;
                }
                boolean fr = fixed[c];
                boolean fx = fixed[c + 1];
                if (fr && fx) {
                    continue;
                }
                if (fr) {
                    out[c + 1] = kbb[k] > 0 ? v[c + 1] / kbb[k] : 0;
                } else if (fx) {
                    out[c] = kaa[k] > 0 ? v[c] / kaa[k] : 0;
                } else {
                    double det = kaa[k] * kbb[k] - kab[k] * kab[k];
                    if (!(det > 1e-12 * kaa[k] * kbb[k])) {
                        out[c] = kaa[k] > 0 ? v[c] / kaa[k] : 0;
                        out[c + 1] = kbb[k] > 0 ? v[c + 1] / kbb[k] : 0;
                    } else {
                        out[c] = (kbb[k] * v[c] - kab[k] * v[c + 1]) / det;
                        out[c + 1] = (kaa[k] * v[c + 1] - kab[k] * v[c]) / det;
                    }
                }
            }
            return out;
        }
    }

    /** The exact normal matrix (unknowns &le; {@link #DENSE_MAX_UNKNOWNS}) and right-hand side. */
    static final class DenseSystem {
        private final int m;
        private final double[] k; // full symmetric, row-major
        /** True when every interval used had every reading: then K is the problem's normal matrix exactly. */
        final boolean exact;

        private DenseSystem(int m, double[] k, boolean exact) {
            this.m = m;
            this.k = k;
            this.exact = exact;
        }

        static DenseSystem of(Linearised lin, Params par, boolean parallel) {
            int n = lin.n;
            int e = n - 1;
            int mt = 2 * e; // (r, x) per branch
            // W = (B B^T + diag kappa)^-1: the edge differences' noise precision (all buses read)
            DMatrixRMaj cov = new DMatrixRMaj(e, e);
            int[] firstChild = new int[n];
            int[] nextSibling = new int[n];
            java.util.Arrays.fill(firstChild, -1);
            java.util.Arrays.fill(nextSibling, -1);
            for (int c = n - 1; c >= 1; c--) {
                nextSibling[c] = firstChild[lin.parent[c]];
                firstChild[lin.parent[c]] = c;
            }
            for (int c = 1; c < n; c++) {
                cov.set(c - 1, c - 1, 2 + lin.kappa[c]);
                int p = lin.parent[c];
                if (p >= 1) {
                    cov.set(c - 1, p - 1, -1);
                    cov.set(p - 1, c - 1, -1);
                }
                for (int g = nextSibling[c]; g >= 1; g = nextSibling[g]) {
                    cov.set(c - 1, g - 1, 1);
                    cov.set(g - 1, c - 1, 1);
                }
            }
            DMatrixRMaj wm = new DMatrixRMaj(e, e);
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(e);
            if (!chol.setA(cov)) {
                throw new IllegalStateException("edge-difference covariance not positive definite");
            }
            chol.invert(wm);
            // M = sum_t F_t F_t^T with F_t = (a_c, b_c) per branch: column products over the intervals
            // with at least two readings (the others' columns stay 0), blocked in cache (ColumnProducts)
            int tn = lin.t;
            double[][] cols = new double[mt][tn];
            for (int t = 0; t < tn; t++) {
                if (lin.readings(t) < 2) {
                    continue;
                }
                int base = t * n;
                for (int k = 1; k < n; k++) {
                    cols[2 * k - 2][t] = lin.a[base + k];
                    cols[2 * k - 1][t] = lin.b[base + k];
                }
            }
            double[][] upper = ColumnProducts.upper(cols, mt, parallel);
            double[] kt = new double[mt * mt];
            for (int j = 0; j < mt; j++) {
                for (int i = j; i < mt; i++) {
                    kt[i * mt + j] = upper[j][i - j];
                }
            }
            for (int i = 0; i < mt; i++) {
                double[] wrow = wm.data;
                int ei = i / 2;
                for (int j = 0; j <= i; j++) {
                    double v = kt[i * mt + j] * wrow[ei * e + j / 2];
                    kt[i * mt + j] = v;
                    kt[j * mt + i] = v;
                }
            }
            // K_phi = B^T K B
            int m = par.m;
            double[] coef = new double[mt];
            int[] to = new int[mt];
            for (int q = 1; q < n; q++) {
                int c = par.col[q];
                if (par.typed(q)) {
                    to[2 * q - 2] = c;
                    coef[2 * q - 2] = par.cr[q];
                    to[2 * q - 1] = c;
                    coef[2 * q - 1] = par.cx[q];
                } else {
                    to[2 * q - 2] = c;
                    coef[2 * q - 2] = 1;
                    to[2 * q - 1] = c + 1;
                    coef[2 * q - 1] = 1;
                }
            }
            double[] kp;
            if (m == mt) {
                kp = kt;
            } else {
                kp = new double[m * m];
                for (int i = 0; i < mt; i++) {
                    int ri = to[i] * m;
                    double ci = coef[i];
                    for (int j = 0; j < mt; j++) {
                        kp[ri + to[j]] += ci * coef[j] * kt[i * mt + j];
                    }
                }
            }
            boolean exact = true;
            for (int t = 0; t < lin.t && exact; t++) {
                int c = lin.readings(t);
                exact = c < 2 || c == n;
            }
            return new DenseSystem(m, kp, exact);
        }

        /** K&phi; (tests: the dense matrix against the matrix-free product). */
        double[] times(double[] phi) {
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                double acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += k[i * m + j] * phi[j];
                }
                out[i] = acc;
            }
            return out;
        }

        /** Solves K&delta; = g over the free components (fixed ones 0); returns all components. */
        double[] solve(double[] g, boolean[] fixed) {
            int[] free = IntStream.range(0, m).filter(i -> !fixed[i]).toArray();
            int f = free.length;
            double[] out = new double[m];
            if (f == 0) {
                return out;
            }
            DMatrixRMaj a = new DMatrixRMaj(f, f);
            DMatrixRMaj b = new DMatrixRMaj(f, 1);
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < f; j++) {
                    a.set(i, j, k[free[i] * m + free[j]]);
                }
                b.set(i, 0, g[free[i]]);
            }
            DMatrixRMaj sol = new DMatrixRMaj(f, 1);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(f);
            if (!solver.setA(a)) {
                solver = LinearSolverFactory_DDRM.pseudoInverse(true);
                solver.setA(a);
            }
            solver.solve(b, sol);
            for (int i = 0; i < f; i++) {
                out[free[i]] = sol.get(i, 0);
            }
            return out;
        }

        /** diag(K&#8315;&sup1;) of the unconstrained problem (all components free). */
        DMatrixRMaj inverse() {
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            System.arraycopy(k, 0, a.data, 0, m * m);
            DMatrixRMaj inv = new DMatrixRMaj(m, m);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m);
            if (!solver.setA(a)) {
                java.util.Arrays.fill(inv.data, Double.NaN);
                return inv;
            }
            solver.invert(inv);
            return inv;
        }
    }
}

package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.ConductorType;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.solvers.fit.Median;
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
 *   u_k(t) = v(t) &minus; &Sigma;_{e on the path root&rarr;k} d_e(t) + &epsilon;_k(t),   u_root(t) = v(t) + &epsilon;_0(t)
 * </pre>
 * with d_e the branch equation's drop ({@link BranchEquation}: u_parent &minus; u_child), u = |V|&sup2;
 * in kV&sup2;, and &epsilon; independent with one variance for all meters. The receiving-end flows
 * P'_e, Q'_e (MW, Mvar: subtree loads plus the losses below) are computed with the current
 * impedances and held fixed within a solve; d_e is linearised in (r_e, x_e) around the start
 * (Gauss&ndash;Newton: the quadratic loss term is a few per cent of the drop, so one step from the
 * sweep is at rounding level of it; a second linearisation is done when {@link #RELINEARISE} says so).
 * Eliminating v(t) (centring each interval over the buses with a reading) leaves a linear least
 * squares problem in the 2(N&minus;1) unknowns, or one length per branch whose conductor type is fixed.
 *
 * <p><b>Solvers.</b> For up to {@link #DENSE_MAX_UNKNOWNS} unknowns the normal matrix is formed
 * exactly (per interval: the ancestor&ndash;descendant pairs minus the centring's rank-one term) and
 * solved by Cholesky; its inverse gives the standard errors &sigma;&sup2;&middot;diag((X&#7488;CX)&#8315;&sup1;).
 * Above that, matrix-free conjugate gradients on the normal equations with a 2&times;2 block-Jacobi
 * preconditioner: one product X&#7488;CX&theta; is a top-down accumulation of the drops and a bottom-up
 * subtree sum of the centred residuals per interval, O(N&middot;T); the standard errors are then not
 * formed and the caller keeps the sweep's (pairwise) ones, which are larger than the joint model's.
 *
 * <p><b>Constraints and bad data.</b> r, x, lengths &ge; 0 by an active set (a component that comes
 * out negative is fixed at 0 and the rest re-solved; components are never released). Readings whose
 * centred residual exceeds {@code badDataSigmas} robust standard deviations (1.4826 &times; MAD over
 * all readings, floored at {@code residualFloor} &times; the rms of the centred voltages) are
 * dropped and the problem refitted once.
 *
 * <p>Deterministic: intervals are summed in {@link #CHUNKS} fixed chunks added in order, so the
 * parallel and sequential runs give identical bits.
 */
final class JointRefinement {
    /**
     * Largest number of unknowns solved with the dense normal matrix. Forming it costs O(T&middot;m&sup2;)
     * for m unknowns against O(N&middot;T) per conjugate-gradient product; at m = 398 (random:200)
     * forming took about as long as the CG solve (module README) and it gives exact standard errors.
     */
    static final int DENSE_MAX_UNKNOWNS = 400;
    /** Fixed partition of the intervals into chunks (deterministic sums, sequential or parallel). */
    static final int CHUNKS = 8;
    /**
     * CG stops when the preconditioned residual norm falls below this share of the right-hand
     * side's: 1e-10 puts the iteration error far below the 0.05 % noise-free accuracy of the sweep.
     */
    static final double CG_TOLERANCE = 1e-10;
    /** CG iteration cap (a safeguard; the measured solves need far fewer). */
    static final int MAX_CG_ITERATIONS = 2000;
    /** Active-set rounds at most (each fixes the newly negative components at 0). */
    static final int MAX_ACTIVE_SET_ROUNDS = 6;
    /** Normal-consistency factor of the median absolute deviation. */
    static final double MAD_TO_SIGMA = 1.4826;
    /** Linearisations: the first around the sweep's estimates, then this many more around the result. */
    static final int RELINEARISE = 1;

    private final ImpedanceOptions options;
    private final int denseMaxUnknowns;

    JointRefinement(ImpedanceOptions options) {
        this(options, DENSE_MAX_UNKNOWNS);
    }

    /** With another dense/iterative switch point (tests and measurements). */
    JointRefinement(ImpedanceOptions options, int denseMaxUnknowns) {
        this.options = options;
        this.denseMaxUnknowns = denseMaxUnknowns;
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
     * @param lengthKm      length along the fixed type, km; NaN for a free branch
     * @param lengthStdErr  its standard error, km; NaN when free or not formed
     * @param rmsResidual   rms of u_parent &minus; u_child &minus; d(r, x) over the intervals with both
     *                      voltages (after rejection), kV&sup2;
     * @param intervalsUsed those intervals
     */
    record Branch(double rOhm, double xOhm, double rStdErr, double xStdErr, double lengthKm, double lengthStdErr,
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
     */
    record Outcome(Map<String, Branch> branches, double sumOfSquares, long readings, long intervals, int rejected,
                   int iterations, boolean dense) {
        /** Residual variance per reading: sum of squares over (readings &minus; intervals &minus; unknowns). */
        double sigma2(int unknowns) {
            return sumOfSquares / Math.max(1, readings - intervals - unknowns);
        }
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
        Linearised lin = Linearised.of(data, tree, lay, gaps, r, x);
        boolean[] fixed = new boolean[par.m];
        Solved sol = solve(lin, par, phi, fixed, dense);
        int rejected = reject(lin, par, sol.phi());
        if (rejected > 0) {
            sol = solve(lin, par, sol.phi(), sol.fixed(), dense);
        }
        int iterations = sol.iterations();
        for (int i = 0; i < RELINEARISE; i++) {
            par.toTheta(sol.phi(), r, x);
            Linearised next = Linearised.of(data, tree, lay, gaps, r, x);
            next.dropLike(lin); // rejected readings stay out
            lin = next;
            sol = solve(lin, par, sol.phi(), sol.fixed(), dense);
            iterations += sol.iterations();
        }
        par.toTheta(sol.phi(), r, x);
        double[] seR = new double[n];
        double[] seX = new double[n];
        double[] seL = new double[n];
        java.util.Arrays.fill(seR, Double.NaN);
        java.util.Arrays.fill(seX, Double.NaN);
        java.util.Arrays.fill(seL, Double.NaN);
        Misfit fit = lin.misfit(r, x, parallel());
        if (sol.inverseDiagonal() != null) {
            double s2 = fit.sumOfSquares / Math.max(1, fit.readings - fit.intervals - par.m);
            for (int k = 1; k < n; k++) {
                int c = par.col[k];
                if (par.typed(k)) {
                    double se = Math.sqrt(s2 * sol.inverseDiagonal()[c]);
                    seL[k] = se;
                    seR[k] = se * cr[k];
                    seX[k] = se * cx[k];
                } else {
                    seR[k] = Math.sqrt(s2 * sol.inverseDiagonal()[c]);
                    seX[k] = Math.sqrt(s2 * sol.inverseDiagonal()[c + 1]);
                }
            }
        }
        double[][] branchRms = lin.branchResiduals(r, x);
        Map<String, Branch> out = new HashMap<>();
        for (int k = 1; k < n; k++) {
            double len = par.typed(k) ? sol.phi()[par.col[k]] : Double.NaN;
            out.put(lay.buses.get(k), new Branch(r[k], x[k], seR[k], seX[k], len, seL[k],
                    branchRms[0][k], (int) branchRms[1][k]));
        }
        return new Outcome(out, fit.sumOfSquares, fit.readings, fit.intervals, rejected, iterations, dense);
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
        return Linearised.of(data, tree, lay, gaps, r, x).misfit(r, x, parallel());
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

    private record Solved(double[] phi, boolean[] fixed, int iterations, double[] inverseDiagonal) {
    }

    /** Solves the linearised problem from {@code start} with the active set for the bounds. */
    private Solved solve(Linearised lin, Params par, double[] start, boolean[] fixedIn, boolean dense) {
        boolean[] fixed = fixedIn.clone();
        double[] phi = start.clone();
        for (int i = 0; i < par.m; i++) {
            if (fixed[i] || phi[i] < 0) {
                phi[i] = 0;
            }
        }
        int iterations = 0;
        double[] inverseDiagonal = null;
        DenseSystem sys = dense ? DenseSystem.of(lin, par, parallel()) : null;
        BlockPreconditioner pre = dense ? null : BlockPreconditioner.of(lin, par, parallel());
        for (int round = 0; round < MAX_ACTIVE_SET_ROUNDS; round++) {
            if (dense) {
                phi = sys.solve(fixed);
            } else {
                int[] it = {0};
                phi = conjugateGradients(lin, par, pre, phi, fixed, it);
                iterations += it[0];
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
        if (dense) {
            inverseDiagonal = sys.inverseDiagonal();
        }
        return new Solved(phi, fixed, iterations, inverseDiagonal);
    }

    /** Preconditioned CG on the normal equations over the free components. */
    private double[] conjugateGradients(Linearised lin, Params par, BlockPreconditioner pre, double[] start,
                                        boolean[] fixed, int[] iterations) {
        int m = par.m;
        double[] phi = start.clone();
        double[] rhs = par.gradientToPhi(lin.gradient(new double[lin.n], new double[lin.n], true, parallel()));
        for (int i = 0; i < m; i++) {
            rhs[i] = -rhs[i];
        }
        double[] res = sub(rhs, apply(lin, par, phi));
        mask(res, fixed);
        mask(rhs, fixed);
        double[] z = pre.apply(res, fixed);
        double[] zb = pre.apply(rhs, fixed);
        double bNorm = Math.sqrt(Math.max(dot(rhs, zb), 0));
        double rz = dot(res, z);
        double[] p = z.clone();
        int it = 0;
        while (it < MAX_CG_ITERATIONS && Math.sqrt(Math.max(rz, 0)) > CG_TOLERANCE * bNorm) {
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

    private double[] apply(Linearised lin, Params par, double[] phi) {
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
    private int reject(Linearised lin, Params par, double[] phi) {
        if (options.badDataSigmas() <= 0) {
            return 0;
        }
        double[] r = new double[lin.n];
        double[] x = new double[lin.n];
        par.toTheta(phi, r, x);
        return lin.reject(r, x, options.badDataSigmas(), options.residualFloor());
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

        private Linearised(int n, int t, int[] parent, double[] a, double[] b, double[] y) {
            this.n = n;
            this.t = t;
            this.parent = parent;
            this.a = a;
            this.b = b;
            this.y = y;
        }

        static Linearised of(MeterData data, RadialTree tree, Layout lay, FilledReadings gaps, double[] r, double[] x) {
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
            double[] pr = new double[n];
            double[] qr = new double[n];
            double[] off = new double[n];
            int[] par = lay.parent;
            for (int t = 0; t < tt; t++) {
                int base = t * n;
                for (int k = 1; k < n; k++) {
                    pr[k] = gaps == null ? data.pMw(m[k], t) : gaps.pMw()[row[k]][t];
                    qr[k] = gaps == null ? data.qMvar(m[k], t) : gaps.qMvar()[row[k]][t];
                }
                boolean ok = true;
                for (int k = n - 1; k >= 1; k--) {
                    double u = gaps == null ? sq(data.vKv(m[k], t)) : gaps.uFilled()[row[k]][t];
                    double p = pr[k];
                    double q = qr[k];
                    double l = BranchEquation.squaredCurrentTerm(p, q, u);
                    double ak = 2 * p + 2 * r[k] * l;
                    double bk = 2 * q + 2 * x[k] * l;
                    double drop = BranchEquation.sendingSquaredVoltage(r[k], x[k], p, q, u) - u;
                    off[k] = drop - ak * r[k] - bk * x[k];
                    a[base + k] = ak;
                    b[base + k] = bk;
                    ok &= Double.isFinite(ak) && Double.isFinite(bk) && Double.isFinite(off[k]);
                    int pk = par[k];
                    if (pk >= 1) {
                        pr[pk] += BranchEquation.sendingActiveMw(r[k], p, q, u);
                        qr[pk] += BranchEquation.sendingReactiveMvar(x[k], p, q, u);
                    }
                }
                if (!ok) {
                    for (int k = 0; k < n; k++) {
                        a[base + k] = 0;
                        b[base + k] = 0;
                        y[base + k] = Double.NaN;
                    }
                    continue;
                }
                y[base] = -sq(data.vKv(m[0], t));
                off[0] = 0;
                for (int k = 1; k < n; k++) {
                    off[k] += off[par[k]];
                    y[base + k] = -(sq(data.vKv(m[k], t)) + off[k]);
                }
            }
            return new Linearised(n, tt, par, a, b, y);
        }

        private static double sq(double v) {
            return Double.isFinite(v) ? v * v : Double.NaN;
        }

        /** Marks as missing every reading missing in {@code other} (same layout). */
        void dropLike(Linearised other) {
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(other.y[i])) {
                    y[i] = Double.NaN;
                }
            }
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
         * X&#7488;C(X&theta; &minus; y) (withY) or X&#7488;CX&theta;, as {gr, gx} per bus.
         */
        double[][] gradient(double[] r, double[] x, boolean withY, boolean parallel) {
            List<double[][]> parts = overChunks(c -> {
                int[] span = chunk(c);
                double[] gr = new double[n];
                double[] gx = new double[n];
                double[] drop = new double[n];
                double[] s = new double[n];
                for (int t = span[0]; t < span[1]; t++) {
                    int base = t * n;
                    drop[0] = 0;
                    for (int k = 1; k < n; k++) {
                        drop[k] = drop[parent[k]] + a[base + k] * r[k] + b[base + k] * x[k];
                    }
                    double sum = 0;
                    int cnt = 0;
                    for (int k = 0; k < n; k++) {
                        double yk = y[base + k];
                        if (yk == yk) {
                            double v = withY ? drop[k] - yk : drop[k];
                            s[k] = v;
                            sum += v;
                            cnt++;
                        }
                    }
                    if (cnt < 2) {
                        continue;
                    }
                    double mean = sum / cnt;
                    for (int k = 0; k < n; k++) {
                        double yk = y[base + k];
                        s[k] = yk == yk ? s[k] - mean : 0;
                    }
                    for (int k = n - 1; k >= 1; k--) {
                        double sk = s[k];
                        s[parent[k]] += sk;
                        gr[k] += a[base + k] * sk;
                        gx[k] += b[base + k] * sk;
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

        /** Sum of squared centred residuals of y &minus; X&theta;, readings and intervals used. */
        Misfit misfit(double[] r, double[] x, boolean parallel) {
            List<double[]> parts = overChunks(c -> {
                int[] span = chunk(c);
                double[] drop = new double[n];
                double ss = 0;
                long readings = 0;
                long intervals = 0;
                for (int t = span[0]; t < span[1]; t++) {
                    int base = t * n;
                    drop[0] = 0;
                    for (int k = 1; k < n; k++) {
                        drop[k] = drop[parent[k]] + a[base + k] * r[k] + b[base + k] * x[k];
                    }
                    double sum = 0;
                    double sum2 = 0;
                    int cnt = 0;
                    for (int k = 0; k < n; k++) {
                        double yk = y[base + k];
                        if (yk == yk) {
                            double v = yk - drop[k];
                            sum += v;
                            cnt++;
                        }
                    }
                    if (cnt < 2) {
                        continue;
                    }
                    double mean = sum / cnt;
                    for (int k = 0; k < n; k++) {
                        double yk = y[base + k];
                        if (yk == yk) {
                            double v = yk - drop[k] - mean;
                            sum2 += v * v;
                        }
                    }
                    ss += sum2;
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
         * Sets to NaN the readings beyond the threshold; returns how many. The robust scale is per
         * bus (1.4826 &times; MAD of that bus's centred residuals about their median): the residual of a
         * deep bus carries the flow-measurement errors of every branch above it, so the buses'
         * residual spreads differ and one feeder-wide scale would reject the deep buses' ordinary
         * readings. Floored at {@code relativeFloor} &times; the rms of the centred voltages.
         */
        int reject(double[] r, double[] x, double k, double relativeFloor) {
            double[] res = new double[y.length];
            double signal2 = 0;
            long readings = 0;
            double[] drop = new double[n];
            for (int t = 0; t < this.t; t++) {
                int base = t * n;
                drop[0] = 0;
                for (int j = 1; j < n; j++) {
                    drop[j] = drop[parent[j]] + a[base + j] * r[j] + b[base + j] * x[j];
                }
                double sum = 0;
                double sumY = 0;
                int c = 0;
                for (int j = 0; j < n; j++) {
                    double yj = y[base + j];
                    if (yj == yj) {
                        sum += yj - drop[j];
                        sumY += yj;
                        c++;
                    }
                }
                double mean = sum / c;
                double meanY = sumY / c;
                for (int j = 0; j < n; j++) {
                    double yj = y[base + j];
                    if (yj == yj && c >= 2) {
                        res[base + j] = yj - drop[j] - mean;
                        signal2 += (yj - meanY) * (yj - meanY);
                        readings++;
                    } else {
                        res[base + j] = Double.NaN;
                    }
                }
            }
            if (readings < 3) {
                return 0;
            }
            double floor = relativeFloor * Math.sqrt(signal2 / readings);
            double[] col = new double[this.t];
            int dropped = 0;
            for (int j = 0; j < n; j++) {
                int c = 0;
                for (int t = 0; t < this.t; t++) {
                    double e = res[t * n + j];
                    if (e == e) {
                        col[c++] = e;
                    }
                }
                if (c < 3) {
                    continue;
                }
                double med = Median.ofFirst(col, c);
                c = 0;
                for (int t = 0; t < this.t; t++) {
                    double e = res[t * n + j];
                    if (e == e) {
                        col[c++] = Math.abs(e - med);
                    }
                }
                double sigma = Math.max(MAD_TO_SIGMA * Median.ofFirst(col, c), floor);
                if (!(sigma > 0)) {
                    continue;
                }
                for (int t = 0; t < this.t; t++) {
                    double e = res[t * n + j];
                    if (e == e && Math.abs(e - med) > k * sigma) {
                        y[t * n + j] = Double.NaN;
                        dropped++;
                    }
                }
            }
            return dropped;
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

        private BlockPreconditioner(Params par, double[] kaa, double[] kab, double[] kbb) {
            this.par = par;
            this.kaa = kaa;
            this.kab = kab;
            this.kbb = kbb;
        }

        static BlockPreconditioner of(Linearised lin, Params par, boolean parallel) {
            int n = lin.n;
            List<double[][]> parts = lin.overChunks(c -> {
                int[] span = lin.chunk(c);
                double[] aa = new double[n];
                double[] ab = new double[n];
                double[] bb = new double[n];
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
                        double w = cnt[k] - (double) cnt[k] * cnt[k] / total;
                        double ak = lin.a[base + k];
                        double bk = lin.b[base + k];
                        aa[k] += w * ak * ak;
                        ab[k] += w * ak * bk;
                        bb[k] += w * bk * bk;
                    }
                }
                return new double[][]{aa, ab, bb};
            }, parallel);
            double[] aa = new double[n];
            double[] ab = new double[n];
            double[] bb = new double[n];
            for (double[][] p : parts) {
                for (int k = 0; k < n; k++) {
                    aa[k] += p[0][k];
                    ab[k] += p[1][k];
                    bb[k] += p[2][k];
                }
            }
            return new BlockPreconditioner(par, aa, ab, bb);
        }

        double[] apply(double[] v, boolean[] fixed) {
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
        private final double[] rhs;

        private DenseSystem(int m, double[] k, double[] rhs) {
            this.m = m;
            this.k = k;
            this.rhs = rhs;
        }

        static DenseSystem of(Linearised lin, Params par, boolean parallel) {
            int n = lin.n;
            int mt = 2 * (n - 1); // (r, x) per branch
            List<double[]> parts = lin.overChunks(c -> {
                int[] span = lin.chunk(c);
                double[] kk = new double[mt * mt];
                double[] g = new double[mt];
                int[] cnt = new int[n];
                for (int t = span[0]; t < span[1]; t++) {
                    int base = t * n;
                    int total = 0;
                    for (int j = 0; j < n; j++) {
                        cnt[j] = lin.y[base + j] == lin.y[base + j] ? 1 : 0;
                        total += cnt[j];
                    }
                    for (int j = n - 1; j >= 1; j--) {
                        cnt[lin.parent[j]] += cnt[j];
                    }
                    if (total < 2) {
                        continue;
                    }
                    for (int e = 1; e < n; e++) {
                        double ne = cnt[e];
                        double ae = lin.a[base + e];
                        double be = lin.b[base + e];
                        g[2 * e - 2] = ne * ae;
                        g[2 * e - 1] = ne * be;
                        if (ne == 0) {
                            continue;
                        }
                        int re = (2 * e - 2) * mt;
                        int xe = (2 * e - 1) * mt;
                        double nae = ne * ae;
                        double nbe = ne * be;
                        // the branch itself (lower triangle of its block)
                        kk[re + 2 * e - 2] += nae * ae;
                        kk[xe + 2 * e - 2] += nbe * ae;
                        kk[xe + 2 * e - 1] += nbe * be;
                        for (int f = lin.parent[e]; f >= 1; f = lin.parent[f]) {
                            double af = lin.a[base + f];
                            double bf = lin.b[base + f];
                            kk[re + 2 * f - 2] += nae * af;
                            kk[re + 2 * f - 1] += nae * bf;
                            kk[xe + 2 * f - 2] += nbe * af;
                            kk[xe + 2 * f - 1] += nbe * bf;
                        }
                    }
                    double inv = 1.0 / total;
                    for (int i = 0; i < mt; i++) {
                        double gi = g[i] * inv;
                        if (gi == 0) {
                            continue;
                        }
                        int ri = i * mt;
                        for (int j = 0; j <= i; j++) {
                            kk[ri + j] -= gi * g[j];
                        }
                    }
                }
                return kk;
            }, parallel);
            double[] kt = new double[mt * mt];
            for (double[] p : parts) {
                for (int i = 0; i < kt.length; i++) {
                    kt[i] += p[i];
                }
            }
            for (int i = 0; i < mt; i++) {
                for (int j = 0; j < i; j++) {
                    kt[j * mt + i] = kt[i * mt + j];
                }
            }
            double[][] g0 = lin.gradient(new double[n], new double[n], true, parallel);
            double[] rhs = par.gradientToPhi(g0);
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = -rhs[i];
            }
            // K_phi = B^T K B
            int m = par.m;
            double[] coef = new double[mt];
            int[] to = new int[mt];
            for (int e = 1; e < n; e++) {
                int c = par.col[e];
                if (par.typed(e)) {
                    to[2 * e - 2] = c;
                    coef[2 * e - 2] = par.cr[e];
                    to[2 * e - 1] = c;
                    coef[2 * e - 1] = par.cx[e];
                } else {
                    to[2 * e - 2] = c;
                    coef[2 * e - 2] = 1;
                    to[2 * e - 1] = c + 1;
                    coef[2 * e - 1] = 1;
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
            return new DenseSystem(m, kp, rhs);
        }

        /** Solves K&phi; = rhs with the fixed components at 0; returns all components. */
        double[] solve(boolean[] fixed) {
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
                b.set(i, 0, rhs[free[i]]);
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
        double[] inverseDiagonal() {
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            System.arraycopy(k, 0, a.data, 0, m * m);
            DMatrixRMaj inv = new DMatrixRMaj(m, m);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m);
            double[] d = new double[m];
            if (!solver.setA(a)) {
                java.util.Arrays.fill(d, Double.NaN);
                return d;
            }
            solver.invert(inv);
            for (int i = 0; i < m; i++) {
                d[i] = inv.get(i, i);
            }
            return d;
        }
    }
}

package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.ConductorType;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.ejml.data.DMatrixRMaj;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
 * estimated from the pairwise residuals ({@link JointNoiseEstimator}). The drops are linearised in
 * (r_e, x_e) around the start, the flows held at the start's ({@link LinearisedModel}); eliminating
 * v(t) and the latent voltages per interval ({@link TreeSmoother}, O(N)) leaves a generalised
 * least-squares problem in the unknowns of {@link JointParameters}: (r, x) per free branch, a length
 * per branch whose conductor type is fixed.
 *
 * <p><b>Steps.</b> Linearise; estimate the noise; when there is nothing to pool (the voltage noise
 * negligible against the branches' own residuals, or at rounding level) return without changing
 * anything ({@link Outcome#pooled()} false: the joint model then reduces to the pairwise fits);
 * else solve with r, x, lengths &ge; 0 ({@link BoundedLeastSquares} over the solver
 * {@link NormalEquationsSolver#choose} picks by size), drop the readings beyond
 * {@code badDataSigmas} robust standard deviations of their bus ({@link ReadingRejection}) and
 * re-solve once. Standard errors &sigma;&sup2;&middot;diag(K&#8315;&sup1;) where the dense solver formed K; else
 * NaN (the caller keeps the sweep's pairwise ones).
 *
 * <p>Cost: O(N&middot;T) for the linearisation, the noise estimate, the rejection and each
 * matrix-free product; the dense solver adds O(T&middot;m&sup2; + m&sup3;) for m unknowns. Deterministic:
 * every pass sums the intervals in fixed chunks added in order, so the parallel and sequential
 * runs give identical bits.
 */
final class JointRefinement {
    private final ImpedanceOptions options;
    private final int denseMaxUnknowns;
    private final double negligibleVoltageNoise;
    /** Held fixed across trees (no estimate, no rejection, no bounds), or null: estimated per tree. */
    private final JointNoiseModel fixedNoise;

    JointRefinement(ImpedanceOptions options) {
        this(options, NormalEquationsSolver.DENSE_MAX_UNKNOWNS, JointNoiseEstimator.NEGLIGIBLE_VOLTAGE_NOISE);
    }

    /** With another dense/iterative switch point (tests and measurements). */
    JointRefinement(ImpedanceOptions options, int denseMaxUnknowns) {
        this(options, denseMaxUnknowns, JointNoiseEstimator.NEGLIGIBLE_VOLTAGE_NOISE);
    }

    /** With another "negligible voltage noise" share (tests: 0 always pools). */
    JointRefinement(ImpedanceOptions options, int denseMaxUnknowns, double negligibleVoltageNoise) {
        this(options, denseMaxUnknowns, negligibleVoltageNoise, null);
    }

    private JointRefinement(ImpedanceOptions options, int denseMaxUnknowns, double negligibleVoltageNoise,
                            JointNoiseModel fixedNoise) {
        this.options = Objects.requireNonNull(options, "options");
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
        return new JointRefinement(options, denseMaxUnknowns, 0, Objects.requireNonNull(noise, "noise"));
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
     * @param iterations      the solver's work: refinement steps (dense) or CG iterations
     * @param dense           whether the dense solver (and so exact standard errors) was used
     * @param voltageNoiseVariance the estimated variance &sigma;&sup2; of one squared-voltage reading, kV&#8308;
     * @param flowErrorRatio  per child bus: &kappa; = the branch's flow-error variance over &sigma;&sup2;
     * @param pooled          false when the voltage noise was negligible against the branches' own
     *                        residuals ({@link JointNoiseEstimator#NEGLIGIBLE_VOLTAGE_NOISE}): nothing to
     *                        pool, the starts are returned unchanged and {@code branches} is empty
     * @param logDeterminant  with a fixed noise model: the tree's part of the readings' log-determinant
     *                        over the same intervals, each with its own readings
     *                        ({@link TreeSmoother#logDeterminant}); else NaN
     */
    record Outcome(Map<String, Branch> branches, double sumOfSquares, long readings, long intervals, int rejected,
                   int iterations, boolean dense, double voltageNoiseVariance, Map<String, Double> flowErrorRatio,
                   boolean pooled, double logDeterminant) {
        /** This outcome as a pass of the public report. */
        JointRefinementReport.Pass report() {
            JointRefinementReport.Solver solver = !pooled ? JointRefinementReport.Solver.NONE
                    : dense ? JointRefinementReport.Solver.DENSE : JointRefinementReport.Solver.CONJUGATE_GRADIENTS;
            return new JointRefinementReport.Pass(pooled, solver, iterations, rejected, voltageNoiseVariance, readings,
                    intervals, sumOfSquares);
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
        TreeLayout lay = new TreeLayout(tree);
        int n = lay.n;
        JointParameters par = JointParameters.of(lay, starts);
        boolean dense = NormalEquationsSolver.dense(par.m, denseMaxUnknowns);
        double[] r = new double[n];
        double[] x = new double[n];
        startImpedances(lay, starts, r, x);
        LinearisedModel lin = LinearisedModel.of(data, tree, lay, gaps, r, x, parallel());
        double sigma2;
        double[] kappa;
        if (fixedNoise != null) {
            sigma2 = fixedNoise.voltageNoiseVariance();
            kappa = JointNoiseEstimator.kappaOf(fixedNoise, lay);
        } else {
            JointNoiseEstimator.Estimate noise = JointNoiseEstimator.estimate(lin, r, x);
            sigma2 = noise.voltageNoiseVariance();
            if (noise.negligible(negligibleVoltageNoise)) {
                return new Outcome(Map.of(), Double.NaN, 0, 0, 0, 0, dense, sigma2, Map.of(), false, Double.NaN);
            }
            kappa = noise.kappa();
        }
        TreeSmoother smoother = new TreeSmoother(lin, kappa, sigma2);
        JointProblem problem = new JointProblem(smoother, par, parallel());
        NormalEquationsSolver solver = NormalEquationsSolver.choose(problem, denseMaxUnknowns, sigma2);
        boolean bounded = fixedNoise == null; // fixed noise: the unbounded minimum, comparable across trees
        BoundedLeastSquares.Solved sol = BoundedLeastSquares.solve(solver.prepare(), par.toPhi(lay, starts),
                new boolean[par.m], bounded);
        ReadingRejection.Outcome rejection = ReadingRejection.Outcome.NONE;
        if (fixedNoise == null && options.badDataSigmas() > 0) {
            par.toTheta(sol.phi(), r, x);
            rejection = ReadingRejection.reject(smoother, r, x, options.badDataSigmas(), options.residualFloor(),
                    parallel());
        }
        int rejected = rejection.dropped();
        int iterations = sol.iterations();
        if (rejected > 0) {
            sol = BoundedLeastSquares.solve(solver.prepare(), sol.phi(), sol.fixed(), bounded);
            iterations += sol.iterations();
        }
        par.toTheta(sol.phi(), r, x);
        // nothing dropped: the rejection pass already summed the misfit at these (r, x)
        JointMisfit fit = rejected == 0 && rejection.misfitBefore() != null
                ? rejection.misfitBefore() : smoother.misfit(r, x, parallel());
        double[][] se = standardErrors(solver.inverse(), par, fit);
        double[][] branchRms = lin.branchResiduals(r, x);
        Map<String, Branch> out = new HashMap<>();
        Map<String, Double> kap = new HashMap<>();
        for (int k = 1; k < n; k++) {
            double len = par.typed(k) ? sol.phi()[par.col[k]] : Double.NaN;
            out.put(lay.buses.get(k), new Branch(r[k], x[k], se[0][k], se[1][k], se[3][k], len, se[2][k],
                    branchRms[0][k], (int) branchRms[1][k]));
            kap.put(lay.buses.get(k), kappa[k]);
        }
        double logDet = fixedNoise != null ? smoother.logDeterminant(parallel()) : Double.NaN;
        return new Outcome(out, fit.sumOfSquares(), fit.readings(), fit.intervals(), rejected, iterations,
                solver.dense(), sigma2, kap, true, logDet);
    }

    /**
     * The noise model {@link #refine} estimates on {@code tree} from {@code starts}, without fitting:
     * &sigma;&sup2;, and &kappa; per branch where there is something to pool (none otherwise). One
     * linearisation and the estimator's passes, O(N&middot;T).
     *
     * @return null when no positive &sigma;&sup2; is measurable
     */
    JointNoiseModel noiseModel(MeterData data, RadialTree tree, FilledReadings gaps, Map<String, Start> starts) {
        TreeLayout lay = new TreeLayout(tree);
        double[] r = new double[lay.n];
        double[] x = new double[lay.n];
        startImpedances(lay, starts, r, x);
        LinearisedModel lin = LinearisedModel.of(data, tree, lay, gaps, r, x, parallel());
        JointNoiseEstimator.Estimate noise = JointNoiseEstimator.estimate(lin, r, x);
        if (!(noise.voltageNoiseVariance() > 0)) {
            return null;
        }
        return noise.negligible(negligibleVoltageNoise)
                ? new JointNoiseModel(noise.voltageNoiseVariance(), Map.of()) : noise.model(lay);
    }

    /**
     * The joint model's misfit of given impedances on a tree (no fitting, &kappa; = 0): the flows and
     * drops are computed from {@code rOhm}/{@code xOhm} with the branch equation, each interval
     * centred over its buses with a reading.
     *
     * @param impedances per child bus {r, x}, ohm
     */
    JointMisfit misfitOf(MeterData data, RadialTree tree, FilledReadings gaps, Map<String, double[]> impedances) {
        TreeLayout lay = new TreeLayout(tree);
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
        LinearisedModel lin = LinearisedModel.of(data, tree, lay, gaps, r, x, parallel());
        return new TreeSmoother(lin, new double[lay.n]).misfit(r, x, parallel());
    }

    private boolean parallel() {
        return options.parallel();
    }

    private static void startImpedances(TreeLayout lay, Map<String, Start> starts, double[] r, double[] x) {
        for (int k = 1; k < lay.n; k++) {
            Start s = starts.get(lay.buses.get(k));
            r[k] = s.rOhm();
            x[k] = s.xOhm();
        }
    }

    /**
     * Per bus {se r, se x, se length, cov(r, x)} from &sigma;&sup2;&middot;K&#8315;&sup1;, &sigma;&sup2; estimated as the misfit
     * over its degrees of freedom; all NaN without K&#8315;&sup1;.
     */
    private static double[][] standardErrors(DMatrixRMaj inv, JointParameters par, JointMisfit fit) {
        int n = par.col.length;
        double[][] se = new double[4][n];
        for (double[] row : se) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        if (inv == null) {
            return se;
        }
        double s2 = fit.sumOfSquares() / Math.max(1, fit.readings() - fit.intervals() - par.m);
        for (int k = 1; k < n; k++) {
            int c = par.col[k];
            if (par.typed(k)) {
                double s = Math.sqrt(s2 * inv.get(c, c));
                se[2][k] = s;
                se[0][k] = s * par.cr[k];
                se[1][k] = s * par.cx[k];
                se[3][k] = s * s * par.cr[k] * par.cx[k];
            } else {
                se[0][k] = Math.sqrt(s2 * inv.get(c, c));
                se[1][k] = Math.sqrt(s2 * inv.get(c + 1, c + 1));
                se[3][k] = s2 * inv.get(c, c + 1);
            }
        }
        return se;
    }
}

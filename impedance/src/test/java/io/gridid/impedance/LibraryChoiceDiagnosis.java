package io.gridid.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.solvers.fit.FitNorm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-branch diagnosis of the library path under noise (not a test; a minute of CPU per feeder).
 * Synthesises hourly data (seed 1, 0.5 % P/Q noise, true tree), runs stage 2 with the built-in
 * library (LS, joint refinement on) and, for comparison, without it; then per branch prints the
 * truth, the joint unconstrained (r, x) with its standard errors and correlation, the chosen type
 * and the "reference" type (the true conductor where the feeder knows it, else the library type
 * whose x/r ratio is nearest the truth's), the Mahalanobis &chi;&sup2; of both under the joint
 * covariance, and the category of the branch's x error. A summary table counts the categories
 * and their share of the branches whose x error exceeds 5 %. Before it, "variant" lines: the type
 * choice redone offline from the joint (r, x) and covariance by the smallest &chi;&sup2;, with an Occam
 * factor, with the feeder's type frequencies (EM mixture; Dirichlet weight {@code -Dalpha}, default
 * 0.5), and the posterior mean over types: medians with the Mahalanobis lengths and with the lengths
 * refitted jointly (the measurements behind {@link TypeTreePrior}'s design).
 *
 * <p>Usage: {@code LibraryChoiceDiagnosis FEEDER DAYS SIGMA [perBranch [SEED]]} (data seed, default 1).
 */
public final class LibraryChoiceDiagnosis {
    private static final double POWER_NOISE = 0.005;

    private LibraryChoiceDiagnosis() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int days = Integer.parseInt(args[1]);
        double sigma = Double.parseDouble(args[2]);
        boolean perBranch = args.length > 3 && Boolean.parseBoolean(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Feeder feeder = TestFeeders.load(name);
        MeterData data = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(days)
                .withIntervalMinutes(60).withSeed(seed).withNoiseVoltagePu(sigma)
                .withNoisePowerRelative(POWER_NOISE)).meters();
        List<ConductorType> lib = ConductorLibrary.builtIn().types();
        ImpedanceOptions withLib = ImpedanceOptions.defaults().withNorm(FitNorm.LS).withConductors(lib)
                .withJointRefinement(true);
        ImpedanceResult res = new ImpedanceEstimator(withLib).estimate(data, feeder.tree());
        // the free joint refinement with its covariance (same as inside the estimator)
        BottomUpSweep.Outcome sweep = new BottomUpSweep(withLib).run(data, feeder.tree(), SweepProgress.NONE);
        Map<String, JointRefinement.Start> starts = new HashMap<>();
        for (SweptBranch b : sweep.branches().values()) {
            starts.put(b.toBus(), JointRefinement.Start.free(b.fit().rOhm(), b.fit().xOhm()));
        }
        Map<String, JointRefinement.Branch> free = new JointRefinement(withLib)
                .refine(data, feeder.tree(), null, starts).branches();
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int k = 0; k < lib.size(); k++) {
            typeIndex.put(lib.get(k).name(), k);
        }
        Map<String, List<Double>> xErrByCat = new TreeMap<>();
        Map<String, Integer> bigByCat = new TreeMap<>();
        List<Double> xTyped = new ArrayList<>();
        List<Double> xFree = new ArrayList<>();
        List<Double> xRef = new ArrayList<>();
        List<Double> rTyped = new ArrayList<>();
        List<Double> rFree = new ArrayList<>();
        List<Double> rRef = new ArrayList<>();
        if (perBranch) {
            System.out.println("| branch | r | x | x/r | ref type (x/r) | chosen (x/r) | free r err % | free x err % "
                    + "| r SE % | x SE % | rho | chi2 chosen | chi2 ref | sweep fits ref | r err % | x err % | cat |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        }
        for (BranchEstimate e : res.branches()) {
            Branch t = feeder.branchTo(e.toBus());
            JointRefinement.Branch j = free.get(e.toBus());
            int ref = t.conductor() != null ? typeIndex.get(t.conductor()) : nearestRatio(lib, t.xOhm() / t.rOhm());
            double chiChosen = e.conductor() == null ? Double.NaN : chi2(j, lib.get(typeIndex.get(e.conductor())));
            double chiRef = chi2(j, lib.get(ref));
            SweptBranch sb = sweep.branches().get(e.toBus());
            boolean sweepFitsRef = sb.typeFits().stream().anyMatch(tf -> tf.typeIndex() == ref && tf.fitsWell());
            double er = Math.abs(e.rOhm() - t.rOhm()) / t.rOhm();
            double ex = Math.abs(e.xOhm() - t.xOhm()) / t.xOhm();
            double fr = Math.abs(j.rOhm() - t.rOhm()) / t.rOhm();
            double fx = Math.abs(j.xOhm() - t.xOhm()) / t.xOhm();
            // the reference type with its joint Mahalanobis length (an oracle for the type choice)
            double[] refZ = alongType(j, lib.get(ref));
            rRef.add(Math.abs(refZ[0] - t.rOhm()) / t.rOhm());
            xRef.add(Math.abs(refZ[1] - t.xOhm()) / t.xOhm());
            String cat;
            if (e.conductor() == null) {
                cat = "fallback";
            } else if (e.rOhm() == 0 || e.xOhm() == 0) {
                cat = "pinned at 0";
            } else if (typeIndex.get(e.conductor()) == ref) {
                cat = "ref type";
            } else {
                double ratioChosen = lib.get(typeIndex.get(e.conductor())).xOhmPerKm()
                        / lib.get(typeIndex.get(e.conductor())).rOhmPerKm();
                double ratioRef = lib.get(ref).xOhmPerKm() / lib.get(ref).rOhmPerKm();
                cat = Math.abs(Math.log(ratioChosen / ratioRef)) < 0.1 ? "other type, x/r within 10 %"
                        : "other type, x/r off > 10 %";
            }
            xErrByCat.computeIfAbsent(cat, c -> new ArrayList<>()).add(ex);
            if (ex > 0.05) {
                bigByCat.merge(cat, 1, Integer::sum);
            }
            xTyped.add(ex);
            xFree.add(fx);
            rTyped.add(er);
            rFree.add(fr);
            if (perBranch) {
                String chosen = e.conductor() == null ? "-" : String.format(Locale.ROOT, "%s (%.2f)", e.conductor(),
                        lib.get(typeIndex.get(e.conductor())).xOhmPerKm()
                                / lib.get(typeIndex.get(e.conductor())).rOhmPerKm());
                System.out.printf(Locale.ROOT, "| %s-%s | %.4f | %.4f | %.2f | %s (%.2f) | %s | %.1f | %.1f | %.1f | %.1f "
                                + "| %.2f | %.1f | %.1f | %s | %.1f | %.1f | %s |%n",
                        e.fromBus(), e.toBus(), t.rOhm(), t.xOhm(), t.xOhm() / t.rOhm(), lib.get(ref).name(),
                        lib.get(ref).xOhmPerKm() / lib.get(ref).rOhmPerKm(), chosen, 100 * fr, 100 * fx,
                        100 * j.rStdErr() / t.rOhm(), 100 * j.xStdErr() / t.xOhm(),
                        j.rxCovariance() / (j.rStdErr() * j.xStdErr()), chiChosen, chiRef, sweepFitsRef,
                        100 * er, 100 * ex, cat);
            }
        }
        System.out.printf(Locale.ROOT, "%n%s %d d sigma %s: r median typed %.2f %% free %.2f %% ref-type %.2f %%;"
                        + " x median typed %.2f %% free %.2f %% ref-type %.2f %%%n", name, days, sigma,
                100 * median(rTyped), 100 * median(rFree), 100 * median(rRef), 100 * median(xTyped),
                100 * median(xFree), 100 * median(xRef));
        variants(feeder, res, free, lib, typeIndex, data, withLib);
        System.out.println("| category | branches | x err median % | branches with x err > 5 % |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<Double>> c : xErrByCat.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d |%n", c.getKey(), c.getValue().size(),
                    100 * median(c.getValue()), bigByCat.getOrDefault(c.getKey(), 0));
        }
    }

    /** Offline variants of the type choice from the joint (r, x) and covariance: medians of r and x errors. */
    private static void variants(Feeder feeder, ImpedanceResult res, Map<String, JointRefinement.Branch> free,
                                 List<ConductorType> lib, Map<String, Integer> typeIndex, MeterData data,
                                 ImpedanceOptions options) {
        List<String> buses = new ArrayList<>();
        for (BranchEstimate e : res.branches()) {
            buses.add(e.toBus());
        }
        int n = buses.size();
        int m = lib.size();
        double[][] chi = new double[n][m];
        double[][] occ = new double[n][m];
        double[][][] z = new double[n][m][];
        for (int i = 0; i < n; i++) {
            JointRefinement.Branch j = free.get(buses.get(i));
            double[] inv = inverseCov(j);
            for (int k = 0; k < m; k++) {
                chi[i][k] = chi2(j, lib.get(k));
                z[i][k] = alongType(j, lib.get(k));
                double cr = lib.get(k).rOhmPerKm();
                double cx = lib.get(k).xOhmPerKm();
                double h = Math.hypot(cr, cx);
                cr /= h;
                cx /= h;
                double cc = cr * cr * inv[0] + 2 * cr * cx * inv[1] + cx * cx * inv[2];
                occ[i][k] = -0.5 * Math.log(cc); // log of the magnitude's standard error along the ray
            }
        }
        for (String v : List.of("chi2", "chi2+occam", "em", "em+occam", "em+occam mean")) {
            boolean occam = v.contains("occam");
            boolean em = v.startsWith("em");
            double[] logPi = new double[m];
            double[][] post = new double[n][m];
            for (int it = 0; it < (em ? 200 : 1); it++) {
                double[] sum = new double[m];
                for (int i = 0; i < n; i++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < m; k++) {
                        post[i][k] = -0.5 * chi[i][k] + (occam ? occ[i][k] : 0) + logPi[k];
                        best = Math.max(best, post[i][k]);
                    }
                    double tot = 0;
                    for (int k = 0; k < m; k++) {
                        post[i][k] = Math.exp(post[i][k] - best);
                        tot += post[i][k];
                    }
                    for (int k = 0; k < m; k++) {
                        post[i][k] /= tot;
                        sum[k] += post[i][k];
                    }
                }
                if (em) {
                    for (int k = 0; k < m; k++) {
                        double alpha = Double.parseDouble(System.getProperty("alpha", "0.5"));
                        logPi[k] = Math.log((sum[k] + alpha) / (n + alpha * m));
                    }
                }
            }
            List<Double> er = new ArrayList<>();
            List<Double> ex = new ArrayList<>();
            Map<String, JointRefinement.Start> typedStarts = new HashMap<>();
            int right = 0;
            for (int i = 0; i < n; i++) {
                Branch t = feeder.branchTo(buses.get(i));
                int arg = 0;
                for (int k = 1; k < m; k++) {
                    if (post[i][k] > post[i][arg]) {
                        arg = k;
                    }
                }
                double r;
                double x;
                if (v.endsWith("mean")) {
                    r = 0;
                    x = 0;
                    for (int k = 0; k < m; k++) {
                        r += post[i][k] * z[i][k][0];
                        x += post[i][k] * z[i][k][1];
                    }
                } else {
                    r = z[i][arg][0];
                    x = z[i][arg][1];
                }
                typedStarts.put(buses.get(i), new JointRefinement.Start(z[i][arg][0], z[i][arg][1], lib.get(arg),
                        z[i][arg][0] / lib.get(arg).rOhmPerKm()));
                int ref = t.conductor() != null ? typeIndex.get(t.conductor()) : nearestRatio(lib, t.xOhm() / t.rOhm());
                right += arg == ref ? 1 : 0;
                er.add(Math.abs(r - t.rOhm()) / t.rOhm());
                ex.add(Math.abs(x - t.xOhm()) / t.xOhm());
            }
            List<Double> jr = new ArrayList<>();
            List<Double> jx = new ArrayList<>();
            Map<String, JointRefinement.Branch> refit = new JointRefinement(options)
                    .refine(data, feeder.tree(), null, typedStarts).branches();
            for (String b : buses) {
                Branch t = feeder.branchTo(b);
                jr.add(Math.abs(refit.get(b).rOhm() - t.rOhm()) / t.rOhm());
                jx.add(Math.abs(refit.get(b).xOhm() - t.xOhm()) / t.xOhm());
            }
            StringBuilder pis = new StringBuilder();
            for (int k = 0; k < m; k++) {
                pis.append(String.format(Locale.ROOT, " %.2f", Math.exp(logPi[k])));
            }
            System.out.printf(Locale.ROOT, "variant %-14s r median %.2f %% x median %.2f %% (joint lengths: r %.2f %%"
                            + " x %.2f %%) ref type %d/%d pi%s%n", v, 100 * median(er), 100 * median(ex),
                    100 * median(jr), 100 * median(jx), right, n, em ? pis : "");
        }
    }

    private static int nearestRatio(List<ConductorType> lib, double ratio) {
        int best = 0;
        for (int k = 1; k < lib.size(); k++) {
            double d = Math.abs(Math.log(lib.get(k).xOhmPerKm() / lib.get(k).rOhmPerKm() / ratio));
            double b = Math.abs(Math.log(lib.get(best).xOhmPerKm() / lib.get(best).rOhmPerKm() / ratio));
            if (d < b) {
                best = k;
            }
        }
        return best;
    }

    private static double[] inverseCov(JointRefinement.Branch j) {
        double sr = j.rStdErr();
        double sx = j.xStdErr();
        double c = j.rxCovariance();
        double det = sr * sr * sx * sx - c * c;
        return new double[]{sx * sx / det, -c / det, sr * sr / det};
    }

    private static double[] alongType(JointRefinement.Branch j, ConductorType t) {
        double[] i = inverseCov(j);
        double cr = t.rOhmPerKm();
        double cx = t.xOhmPerKm();
        double cc = cr * cr * i[0] + 2 * cr * cx * i[1] + cx * cx * i[2];
        double ct = cr * j.rOhm() * i[0] + (cr * j.xOhm() + cx * j.rOhm()) * i[1] + cx * j.xOhm() * i[2];
        double len = Math.max(ct / cc, 0);
        return new double[]{len * cr, len * cx};
    }

    private static double chi2(JointRefinement.Branch j, ConductorType t) {
        double[] i = inverseCov(j);
        double[] z = alongType(j, t);
        double dr = j.rOhm() - z[0];
        double dx = j.xOhm() - z[1];
        return dr * dr * i[0] + 2 * dr * dx * i[1] + dx * dx * i[2];
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}

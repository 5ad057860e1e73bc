package io.gridid.benchmarks.impedance;

import io.gridid.benchmarks.BranchError;
import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.WarningCode;
import io.gridid.solvers.fit.FitNorm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Stage-2 accuracy sweep (not a test; minutes of CPU). For each feeder, data length and voltage
 * noise, synthesises hourly meter data with 0.5 % P/Q noise (true topology), runs LAD and LS with
 * and without the built-in conductor library, and prints a markdown table: median and 90th
 * percentile of |r&#770; &minus; r|/r and |x&#770; &minus; x|/x over all branches, the share of line
 * branches given their true conductor (where the feeder knows it), the number of branches
 * flagged as not pinned down, the share of r and x estimates within two reported standard errors
 * of the truth (95 % for honest Gaussian errors), and the wall time of the estimate.
 *
 * <p>Usage: {@code AccuracyRunner [FEEDERS [DAYS [SIGMAS [BAD]]]]}, comma-separated, defaults
 * {@code ieee69,random:200 90,365 0,1e-5,1e-4 0}. Seed 1 for the data. BAD is the fraction of
 * voltage readings replaced by gross errors (&plusmn;1 % of the reading, sign random, seed 2): the
 * bad-data case where LAD should beat LS. {@code -DmaxTypes=K} and {@code -Dtapered=true} add the
 * library priors. {@code -Djoint=false,true} (default both) and {@code -Dlibrary=false,true} (default
 * both) choose the stage-2 joint refinement and library settings run; {@code -Dnorms=LS} the fits;
 * {@code -Drepeat=N} runs each estimate N times and reports the median wall time.
 */
public final class AccuracyRunner {
    /** Meter P/Q noise of every run: 0.5 % relative (the setting). */
    private static final double POWER_NOISE = 0.005;

    private AccuracyRunner() {
    }

    public static void main(String[] args) throws Exception {
        List<String> feeders = List.of((args.length > 0 ? args[0] : "ieee69,random:200").split(","));
        int[] days = Arrays.stream((args.length > 1 ? args[1] : "90,365").split(",")).mapToInt(Integer::parseInt).toArray();
        double[] sigmas = Arrays.stream((args.length > 2 ? args[2] : "0,1e-5,1e-4").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        double bad = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        System.out.println("| feeder | days | sigma_v p.u. | fit | library | joint | r median % | r p90 % | x median % "
                + "| x p90 % | true type | weak | within 2 SE | s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String name : feeders) {
            Feeder feeder = TestFeeders.load(name);
            for (int d : days) {
                for (double sigma : sigmas) {
                    SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults()
                            .withDays(d).withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(sigma)
                            .withNoisePowerRelative(POWER_NOISE));
                    MeterData meters = bad > 0 ? withGrossErrors(sim.meters(), bad, feeder.rootBus()) : sim.meters();
                    for (FitNorm norm : norms()) {
                        for (boolean library : settings("library")) {
                            for (boolean joint : settings("joint")) {
                                ImpedanceOptions o = ImpedanceOptions.defaults().withNorm(norm)
                                        .withConductors(library ? ConductorLibrary.builtIn().types() : List.of())
                                        .withMaxTypes(Integer.getInteger("maxTypes", 0))
                                        .withTapered(Boolean.getBoolean("tapered"))
                                        .withJointRefinement(joint);
                                int repeat = Integer.getInteger("repeat", 1);
                                double[] times = new double[repeat];
                                ImpedanceResult r = null;
                                for (int i = 0; i < repeat; i++) {
                                    long t0 = System.nanoTime();
                                    r = new ImpedanceEstimator(o).estimate(meters, feeder.tree());
                                    times[i] = (System.nanoTime() - t0) / 1e9;
                                }
                                Arrays.sort(times);
                                double secs = times[repeat / 2];
                                System.out.println(row(name, d, sigma, norm, library, joint, feeder, r, secs));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The on/off settings to run from a system property ({@code joint}: the joint refinement,
     * {@code library}: the built-in library): {@code false,true} by default, or one of them.
     */
    static boolean[] settings(String property) {
        String[] v = System.getProperty(property, "false,true").split(",");
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Boolean.parseBoolean(v[i].trim());
        }
        return out;
    }

    /** The fits to run: system property {@code norms} (e.g. {@code LS} or {@code LAD,LS}), default both. */
    static FitNorm[] norms() {
        return Arrays.stream(System.getProperty("norms", "LAD,LS").split(",")).map(FitNorm::valueOf)
                .toArray(FitNorm[]::new);
    }

    private static String row(String name, int days, double sigma, FitNorm norm, boolean library, boolean joint,
                              Feeder feeder,
                              ImpedanceResult r, double secs) {
        List<Double> er = new ArrayList<>();
        List<Double> ex = new ArrayList<>();
        int typed = 0;
        int right = 0;
        int covered = 0;
        for (BranchEstimate e : r.branches()) {
            Branch t = feeder.branchTo(e.toBus());
            BranchError err = BranchError.of(e, t);
            covered += err.rStdErrs() <= 2 ? 1 : 0;
            covered += err.xStdErrs() <= 2 ? 1 : 0;
            er.add(err.rRelative());
            ex.add(err.xRelative());
            if (t.conductor() != null) {
                typed++;
                if (t.conductor().equals(e.conductor())) {
                    right++;
                }
            }
        }
        long weak = r.warnings().stream().filter(w -> w.code() == WarningCode.R_NOT_PINNED
                || w.code() == WarningCode.X_NOT_PINNED || w.code() == WarningCode.R_AND_X_NOT_PINNED).count();
        if (Boolean.getBoolean("se")) {
            // the reported relative standard errors: a median error far below the median SE would need
            // more information than the data hold (the errors are calibrated, column "within 2 SE")
            List<Double> sr = new ArrayList<>();
            List<Double> sx = new ArrayList<>();
            for (BranchEstimate e : r.branches()) {
                Branch t = feeder.branchTo(e.toBus());
                sr.add(e.rStdErr() / t.rOhm());
                sx.add(e.xStdErr() / t.xOhm());
            }
            System.out.printf(Locale.ROOT, "  (%s %d d %s: median standard error relative to the true value: r %.2f %%, x %.2f %%)%n",
                    name, days, sigma, 100 * quantile(sr, 0.5), 100 * quantile(sx, 0.5));
        }
        String type = library && typed > 0 ? right + "/" + typed : "-";
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %d | %.0f %% | %.2f |",
                name, days, sigma == 0 ? "0" : String.format(Locale.ROOT, "%.0e", sigma), norm,
                library ? "built-in" : "none", joint ? "on" : "off", 100 * quantile(er, 0.5), 100 * quantile(er, 0.9),
                100 * quantile(ex, 0.5), 100 * quantile(ex, 0.9), type, weak,
                100.0 * covered / (2 * r.branches().size()), secs);
    }

    /** Replaces a fraction of the non-root voltage readings by the reading times (1 &plusmn; 1 %). */
    static MeterData withGrossErrors(MeterData d, double fraction, String root) {
        SplittableRandom rnd = new SplittableRandom(2);
        MeterData.Builder b = MeterData.builder(d.meterIds(), d.epochSeconds());
        int r = d.indexOf(root);
        for (int m = 0; m < d.meterCount(); m++) {
            for (int t = 0; t < d.intervalCount(); t++) {
                double v = d.vKv(m, t);
                if (m != r && rnd.nextDouble() < fraction) {
                    v *= rnd.nextBoolean() ? 1.01 : 0.99;
                }
                b.set(m, t, v, d.pMw(m, t), d.qMvar(m, t));
            }
        }
        return b.build();
    }

    /** Linear-interpolated quantile (q in [0, 1]). */
    static double quantile(List<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}

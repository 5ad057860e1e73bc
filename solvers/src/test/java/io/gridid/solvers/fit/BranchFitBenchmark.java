package io.gridid.solvers.fit;

import java.util.Arrays;
import java.util.Locale;

/**
 * Micro-benchmark (a main, not a test): one branch fit and one fitLength, LS and LAD, at
 * T = 8760 and 35,040 intervals of synthetic 12.47 kV data (exact; Gaussian noise of 0.02 kV&sup2;
 * on y; the same plus 5 % gross errors of +-1 kV&sup2;); prints the median wall time over repeats
 * after warm-up, and the largest |error| of r and x over the repeats. Run from the repository root after {@code mvn -o -q -pl solvers -am test-compile}:
 * <pre>
 *   java -cp solvers/target/classes:solvers/target/test-classes:model/target/classes:$OJALGO_JAR \
 *        io.gridid.solvers.fit.BranchFitBenchmark [repeats]
 * </pre>
 * where $OJALGO_JAR is ojalgo-55.0.1.jar from the local Maven repository, or run it with
 * <pre>
 *   mvn -o -q -pl solvers exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=io.gridid.solvers.fit.BranchFitBenchmark -Dexec.args=21
 * </pre>
 * (It lives in the fit package to reuse the test-data generator {@link SyntheticBranch}.)
 */
public final class BranchFitBenchmark {
    private BranchFitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int warmup = 10;
        SyntheticBranch branch = SyntheticBranch.at12kV(0.3, 0.25);
        System.out.println("what       norm  T       noise_kV2  outliers  median_ms  min_ms  max_ms  polished  r_err_ohm  x_err_ohm");
        for (int intervals : new int[] {8760, 35040}) {
            for (FitNorm norm : FitNorm.values()) {
                for (double[] noise : new double[][] {{0, 0}, {0.02, 0}, {0.02, 0.05}}) {
                    run("fit", norm, intervals, noise[0], noise[1], branch, repeats, warmup);
                }
                run("fitLength", norm, intervals, 0.02, 0, branch, repeats, warmup);
            }
        }
    }

    private static void run(String what, FitNorm norm, int intervals, double sigma, double outliers,
                            SyntheticBranch branch, int repeats, int warmup) throws Exception {
        BranchFitter fitter = new BranchFitter(BranchFitOptions.defaults().withNorm(norm));
        double[] ms = new double[repeats];
        double rErr = 0, xErr = 0;
        int polished = 0;
        // the branch is 0.3 + j0.25 ohm = 1.5 km of a 0.2 + j(1/6) ohm/km type
        double rc = 0.2, xc = 0.25 / 1.5;
        for (int i = -warmup; i < repeats; i++) {
            BranchFitData data = branch.noisy(intervals, 1000 + Math.max(i, 0), sigma, outliers, 1.0);
            long t0 = System.nanoTime();
            double r, x;
            boolean pol = false;
            if (what.equals("fit")) {
                BranchFit fit = fitter.fit(data);
                r = fit.rOhm();
                x = fit.xOhm();
                pol = fit.polished();
            } else {
                LengthFit fit = fitter.fitLength(data, rc, xc);
                r = fit.lengthKm() * rc;
                x = fit.lengthKm() * xc;
            }
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
                polished += pol ? 1 : 0;
                rErr = Math.max(rErr, Math.abs(r - branch.rOhm()));
                xErr = Math.max(xErr, Math.abs(x - branch.xOhm()));
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-10s %-5s %-7d %-10.3g %-9.2f %-10.2f %-7.2f %-7.2f %3d/%-4d %-10.2e %-10.2e%n",
                what, norm, intervals, sigma, outliers, ms[repeats / 2], ms[0], ms[repeats - 1], polished, repeats,
                rErr, xErr);
    }
}

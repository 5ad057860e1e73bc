package io.gridid.solvers.fit;

import java.util.Arrays;
import java.util.Locale;

/**
 * Micro-benchmark (a main, not a test): one branch fit, LS and LAD, at T = 8760 and 35,040
 * intervals of noisy synthetic 12.47 kV data; prints the median wall time over repeats after
 * warm-up. Run from the repository root after {@code mvn -o -q -pl solvers -am test-compile}:
 * <pre>
 *   java -cp solvers/target/classes:solvers/target/test-classes:model/target/classes:$OJALGO_JAR \
 *        io.gridid.solvers.fit.BranchFitBenchmark [repeats]
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
        System.out.println("norm  T       noise_kV2  median_ms  min_ms  max_ms  polished  cuts  r_err_ohm  x_err_ohm");
        for (int intervals : new int[] {8760, 35040}) {
            for (FitNorm norm : FitNorm.values()) {
                for (double sigma : new double[] {0.0, 0.02}) {
                    BranchFitter fitter = new BranchFitter(BranchFitOptions.defaults().withNorm(norm));
                    double[] ms = new double[repeats];
                    BranchFit last = null;
                    int polished = 0;
                    for (int i = -warmup; i < repeats; i++) {
                        BranchFitData data = branch.noisy(intervals, 1000 + Math.max(i, 0), sigma, 0, 0);
                        long t0 = System.nanoTime();
                        last = fitter.fit(data);
                        long t1 = System.nanoTime();
                        if (i >= 0) {
                            ms[i] = (t1 - t0) / 1e6;
                            polished += last.polished() ? 1 : 0;
                        }
                    }
                    Arrays.sort(ms);
                    System.out.printf(Locale.ROOT, "%-5s %-7d %-10.3g %-10.2f %-7.2f %-7.2f %2d/%-5d %-5d %-10.2e %-10.2e%n",
                            norm, intervals, sigma, ms[repeats / 2], ms[0], ms[repeats - 1], polished, repeats,
                            last.cuts(), last.rOhm() - branch.rOhm(), last.xOhm() - branch.xOhm());
                }
            }
        }
    }
}

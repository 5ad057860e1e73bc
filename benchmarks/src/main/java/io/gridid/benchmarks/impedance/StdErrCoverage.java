package io.gridid.benchmarks.impedance;

import io.gridid.benchmarks.BranchError;
import io.gridid.benchmarks.RunArguments;
import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.List;
import java.util.Locale;

/**
 * Are the reported standard errors honest? (Not a test.) For each feeder and seed: hourly data,
 * 0.5 % P/Q noise, the given σ_v, stage 2 with the defaults on the true tree; prints the share of r
 * and x estimates within 1 and 2 standard errors of the truth (a calibrated Gaussian error gives
 * 68 % and 95 %) and the mean squared z-score of r and of x (1 when calibrated).
 * Usage: {@code StdErrCoverage [FEEDERS [SIGMA]] [days=365] [seeds=1] [library=false]}, default
 * {@code ieee69,random:200 1e-4}.
 */
public final class StdErrCoverage {
    private StdErrCoverage() {
    }

    public static void main(String[] args) throws Exception {
        RunArguments a = RunArguments.withOthers(args, "days", "seeds", "library");
        List<String> rest = a.others();
        String[] names = (rest.size() > 0 ? rest.get(0) : "ieee69,random:200").split(",");
        double sigma = rest.size() > 1 ? Double.parseDouble(rest.get(1)) : 1e-4;
        int days = a.intValue("days", 365);
        boolean library = Boolean.parseBoolean(a.text("library", "false"));
        System.out.println("| feeder | days | σ_v | seed | library | ≤ 1 SE | ≤ 2 SE | mean z² r | mean z² x | estimates |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String name : names) {
            for (String seed : a.list("seeds", "1")) {
                Feeder f = TestFeeders.load(name);
                MeterData d = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(days)
                        .withIntervalMinutes(60).withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005)
                        .withSeed(Long.parseLong(seed))).meters();
                ImpedanceOptions options = ImpedanceOptions.defaults();
                if (library) {
                    options = options.withConductors(ConductorLibrary.builtIn().types());
                }
                ImpedanceResult r = new ImpedanceEstimator(options).estimate(d, f.tree());
                int n = 0;
                int within1 = 0;
                int within2 = 0;
                double z2r = 0;
                double z2x = 0;
                for (BranchEstimate e : r.branches()) {
                    BranchError err = BranchError.of(e, f.branchTo(e.toBus()));
                    z2r += err.rStdErrs() * err.rStdErrs();
                    z2x += err.xStdErrs() * err.xStdErrs();
                    for (double z : new double[]{err.rStdErrs(), err.xStdErrs()}) {
                        n++;
                        within1 += z <= 1 ? 1 : 0;
                        within2 += z <= 2 ? 1 : 0;
                    }
                }
                int branches = r.branches().size();
                System.out.printf(Locale.ROOT, "| %s | %d | %.0e | %s | %s | %.0f %% | %.0f %% | %.2f | %.2f | %d |%n",
                        name, days, sigma, seed, library ? "built-in" : "none", 100.0 * within1 / n,
                        100.0 * within2 / n, z2r / branches, z2x / branches, n);
            }
        }
    }
}

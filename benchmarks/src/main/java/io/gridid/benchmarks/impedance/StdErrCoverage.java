package io.gridid.benchmarks.impedance;

import io.gridid.benchmarks.BranchError;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;

import java.util.Locale;

/**
 * Are the reported standard errors honest? (Not a test.) For each feeder: one year hourly,
 * 0.5 % P/Q noise, the given σ_v; prints the share of r and x estimates within 1 and 2 standard
 * errors of the truth (a calibrated Gaussian error gives 68 % and 95 %).
 * Usage: {@code StdErrCoverage [FEEDERS [SIGMA]]}, default {@code ieee69,random:200 1e-4}.
 */
public final class StdErrCoverage {
    private StdErrCoverage() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = (args.length > 0 ? args[0] : "ieee69,random:200").split(",");
        double sigma = args.length > 1 ? Double.parseDouble(args[1]) : 1e-4;
        for (String name : names) {
            Feeder f = TestFeeders.load(name);
            MeterData d = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(365)
                    .withIntervalMinutes(60).withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005)).meters();
            ImpedanceResult r = new ImpedanceEstimator(ImpedanceOptions.defaults()).estimate(d, f.tree());
            int n = 0;
            int within1 = 0;
            int within2 = 0;
            for (BranchEstimate e : r.branches()) {
                BranchError err = BranchError.of(e, f.branchTo(e.toBus()));
                for (double z : new double[]{err.rStdErrs(), err.xStdErrs()}) {
                    n++;
                    within1 += z <= 1 ? 1 : 0;
                    within2 += z <= 2 ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %.0e | %.0f %% | %.0f %% | %d |%n", name, sigma,
                    100.0 * within1 / n, 100.0 * within2 / n, n);
        }
    }
}

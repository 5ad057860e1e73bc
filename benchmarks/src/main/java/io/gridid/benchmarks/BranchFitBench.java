package io.gridid.benchmarks;

import io.gridid.model.BranchEquation;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.BranchFitData;
import io.gridid.solvers.fit.BranchFitOptions;
import io.gridid.solvers.fit.BranchFitter;
import io.gridid.solvers.fit.FitNorm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One branch fit, LS and LAD, on T intervals of a 12.47 kV branch (r = 0.3, x = 0.4 ohm) with
 * loads drawn at random and the drop computed by {@link BranchEquation}, plus Gaussian noise of
 * 1e-4 p.u. on each voltage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BranchFitBench {
    private static final double KV = 12.47;
    private static final double R_OHM = 0.3;
    private static final double X_OHM = 0.4;
    private static final double NOISE_PU = 1e-4;

    @Param({"8760", "35040"})
    public int intervals;

    @Param({"LS", "LAD"})
    public FitNorm norm;

    private BranchFitData data;
    private BranchFitter fitter;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = intervals;
        double[] uSend = new double[n];
        double[] uRecv = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        for (int t = 0; t < n; t++) {
            double v = KV * (0.97 + 0.02 * rnd.nextDouble());
            p[t] = 0.2 + 1.5 * rnd.nextDouble();
            q[t] = 0.3 * p[t] + 0.1 * rnd.nextDouble();
            uRecv[t] = v * v;
            double vs = Math.sqrt(BranchEquation.sendingSquaredVoltage(R_OHM, X_OHM, p[t], q[t], uRecv[t]));
            vs += KV * NOISE_PU * gaussian(rnd);
            double vr = v + KV * NOISE_PU * gaussian(rnd);
            uSend[t] = vs * vs;
            uRecv[t] = vr * vr;
        }
        data = BranchFitData.fromFlows(uSend, uRecv, p, q);
        fitter = new BranchFitter(BranchFitOptions.defaults().withNorm(norm));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Benchmark
    public BranchFit fit() throws Exception {
        return fitter.fit(data);
    }
}

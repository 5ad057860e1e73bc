package io.gridid.benchmarks;

import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Stage 2: the whole bottom-up sweep (default options) on the true tree, sequential and parallel. */
public class SweepBench extends CaseBench {
    @Param({"ieee69x8760", "random:300x8760", "random:1000x8760"})
    public String benchCase;

    @Param({"false", "true"})
    public boolean parallel;

    private CaseData data;
    private ImpedanceEstimator estimator;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new CaseData(benchCase);
        estimator = new ImpedanceEstimator(ImpedanceOptions.defaults().withParallel(parallel));
    }

    @Benchmark
    public ImpedanceResult sweep() throws Exception {
        return estimator.estimate(data.meters, data.feeder.tree());
    }
}

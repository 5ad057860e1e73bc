package io.gridid.benchmarks;

import io.gridid.solvers.regression.SensitivityFit;
import io.gridid.solvers.regression.SensitivityOptions;
import io.gridid.solvers.regression.SensitivityRegression;
import io.gridid.topology.FeederSeries;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyIdentifier;
import io.gridid.topology.TopologyOptions;
import io.gridid.topology.TreeMetric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Stage 1 kernels: the sensitivity regression alone, regression + tree extraction (tree metric),
 * and the default identifier (physics search) on in-memory data.
 */
public class Stage1Bench extends CaseBench {
    @Param({"ieee69x8760", "random:300x8760", "random:1000x8760"})
    public String benchCase;

    private CaseData data;
    private FeederSeries series;
    private double[][] drops;
    private double[][] p;
    private double[][] q;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new CaseData(benchCase);
        series = FeederSeries.of(data.meters, data.feeder.rootBus());
        drops = series.drops();
        p = series.activeMw();
        q = series.reactiveMvar();
    }

    @Benchmark
    public SensitivityFit regression() throws Exception {
        return new SensitivityRegression(SensitivityOptions.defaults()).fit(series.buses(), drops, p, q);
    }

    @Benchmark
    public Topology regressionAndTree() throws Exception {
        return new TreeMetric(SensitivityOptions.defaults()).estimate(series);
    }

    @Benchmark
    public Topology identifyDefault() throws Exception {
        return new TopologyIdentifier(TopologyOptions.defaults()).identify(data.meters, data.feeder.rootBus());
    }
}

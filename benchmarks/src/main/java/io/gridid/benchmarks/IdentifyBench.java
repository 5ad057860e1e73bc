package io.gridid.benchmarks;

import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** End to end in process: read meters.csv, then both stages with default options. */
public class IdentifyBench extends CaseBench {
    @Param({"ieee69x8760", "random:100x8760", "random:300x8760", "random:1000x8760"})
    public String benchCase;

    private CaseData data;
    private IdentifyPipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new CaseData(benchCase);
        data.csv();
        pipeline = new IdentifyPipeline(IdentifyOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        data.delete();
    }

    @Benchmark
    public IdentificationResult ingestAndIdentify() throws Exception {
        MeterFile f = data.reader().read(data.csv());
        return pipeline.identify(f.data(), data.feeder.rootBus(), data.feeder.baseKv(), f.warnings());
    }
}

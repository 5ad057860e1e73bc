package io.gridid.benchmarks;

import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** End to end in process: read meters.csv, then both stages with default options. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class IdentifyBench {
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

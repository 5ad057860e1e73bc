package io.gridid.benchmarks;

import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;

/**
 * CSV ingest of a contract-layout meters.csv (fast path), with full round-trip digits and with
 * meter-export digits, on one thread ({@code threads=1}) and on all processors ({@code threads=0},
 * the reader's default: the file is parsed in chunks). MB/s = the file size printed at setup
 * divided by the time per operation.
 */
public class IngestBench extends CaseBench {
    @Param({"ieee69x8760", "random:300x8760", "random:1000x8760"})
    public String benchCase;

    /** "full": Java's round-trip digits (up to 17); "rounded": 6 decimals of p.u., 3 of kW/kvar. */
    @Param({"full", "rounded"})
    public String digits;

    /** {@link MeterCsvReader.Options#threads()}: "1" = sequential, "0" = all processors. */
    @Param({"1", "0"})
    public String threads;

    private CaseData data;
    private java.nio.file.Path file;
    private MeterCsvReader reader;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new CaseData(benchCase);
        file = digits.equals("full") ? data.csv() : data.roundedCsv();
        reader = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(data.feeder.baseKv())
                .withThreads(Integer.parseInt(threads)));
        System.out.printf("%n%s %s: meters.csv %d bytes%n", benchCase, digits, Files.size(file));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        data.delete();
    }

    @Benchmark
    public MeterFile ingest() throws Exception {
        return reader.read(file);
    }
}

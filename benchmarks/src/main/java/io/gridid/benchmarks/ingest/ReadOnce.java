package io.gridid.benchmarks.ingest;

import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One read of a given {@code meters.csv} in a fresh JVM, as a command's read phase runs (JIT cold):
 * prints the seconds around {@link MeterCsvReader#read}, MB/s (10^6 bytes) and the table's size.
 * Start it with the JVM options under test and time the process for its CPU and peak RSS.
 *
 * <p>{@code java [JVM options] -cp <benchmarks classpath> io.gridid.benchmarks.ingest.ReadOnce METERS_CSV [BASE_KV]}
 * (BASE_KV default 12.47, for a {@code v_pu} file).
 */
public final class ReadOnce {
    private ReadOnce() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double baseKv = args.length > 1 ? Double.parseDouble(args[1]) : 12.47;
        long t0 = System.nanoTime();
        MeterFile m = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(baseKv)).read(file);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "read %.3f s, %.0f MB/s, %d meters x %d intervals%n", s,
                Files.size(file) / 1e6 / s, m.data().meterCount(), m.data().intervalCount());
    }
}

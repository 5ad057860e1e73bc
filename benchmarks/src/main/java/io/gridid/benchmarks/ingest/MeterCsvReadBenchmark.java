package io.gridid.benchmarks.ingest;

import io.gridid.model.MeterData;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Reader benchmark (not a test): generates a ~100 MB plain {@code meters.csv} from a seed in a
 * temporary folder (deleted after), reads it {@value #RUNS} times through the fast path, then
 * {@value #COMMONS_RUNS} times through Apache Commons CSV (the same content with a byte-order mark,
 * which routes it there), and prints the median MB/s (10^6 bytes) by wall clock and by the
 * process's CPU time (all threads, GC and JIT included; the machine may be shared), rows/s, and the
 * heap held per value after GC with the result alive. {@value #WARMUP_RUNS} warm-up reads (JIT) of
 * each file come first and are not counted.
 *
 * <p>Arguments: {@code METERS INTERVALS SEED DIGITS [THREADS [COMMONS_RUNS]]}. DIGITS is {@code rounded} (meter
 * exports: 6 decimals of p.u., 2 of kW, 3 of kvar) or {@code full} (Java's shortest round-trip text
 * of a random double, up to 17 significant digits, as {@code gridid simulate} writes). THREADS is
 * {@link MeterCsvReader.Options#threads()} (1 = sequential, 0 = all cores); without it or with
 * {@code default} the reader's default is used (so the benchmark also runs against readers that
 * predate the option).
 *
 * <p>{@code java -cp <benchmarks classpath> io.gridid.benchmarks.ingest.MeterCsvReadBenchmark METERS INTERVALS
 * SEED DIGITS [THREADS [COMMONS_RUNS]]} (the classpath as in benchmarks/README.md).
 */
public final class MeterCsvReadBenchmark {
    static final int RUNS = 5;
    static final int WARMUP_RUNS = 2;
    static final int COMMONS_RUNS = 3;
    static final double BASE_KV = 12.47;

    private MeterCsvReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int intervals = args.length > 1 ? Integer.parseInt(args[1]) : 9600;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        boolean full = args.length > 3 && args[3].equals("full");
        int commonsRuns = args.length > 5 ? Integer.parseInt(args[5]) : COMMONS_RUNS;
        MeterCsvReader.Options options = MeterCsvReader.Options.defaults().withBaseKv(BASE_KV);
        boolean threadsGiven = args.length > 4 && !args[4].equals("default");
        if (threadsGiven) {
            options = options.withThreads(Integer.parseInt(args[4]));
        }
        Path dir = Files.createTempDirectory("gridid-bench");
        Path plain = dir.resolve("meters.csv");
        Path bom = dir.resolve("meters-bom.csv");
        try {
            generate(plain, meters, intervals, seed, false, full);
            if (commonsRuns > 0) {
                generate(bom, meters, intervals, seed, true, full);
            }
            long bytes = Files.size(plain);
            long rows = (long) meters * intervals;
            System.out.printf(Locale.ROOT, "file: %d meters x %d intervals = %d rows, %.1f MB (seed %d, %s digits, %s)%n",
                    meters, intervals, rows, bytes / 1e6, seed, full ? "full" : "rounded",
                    threadsGiven ? "threads " + args[4] : "reader's default threads");
            MeterCsvReader reader = new MeterCsvReader(options);
            run("fast path", reader, plain, bytes, rows, RUNS, meters, intervals);
            if (commonsRuns > 0) {
                run("commons-csv", reader, bom, bytes, rows, commonsRuns, meters, intervals);
            }
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(bom);
            Files.deleteIfExists(dir);
        }
    }

    private static void run(String label, MeterCsvReader reader, Path file, long bytes, long rows, int runs,
                            int meters, int intervals) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        double bytesPerValue = Double.NaN;
        for (int w = 0; w < WARMUP_RUNS; w++) {
            if (reader.read(file).rows() != rows) {
                throw new IllegalStateException("read back wrong row count");
            }
        }
        for (int r = 0; r < runs; r++) {
            long before = usedAfterGc();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            MeterFile f = reader.read(file);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpuSeconds[r] = (os.getProcessCpuTime() - c0) / 1e9;
            MeterData d = f.data();
            if (d.meterCount() != meters || d.intervalCount() != intervals || f.rows() != rows) {
                throw new IllegalStateException("read back wrong shape: " + d.meterCount() + " x " + d.intervalCount());
            }
            long after = usedAfterGc();
            bytesPerValue = (after - before) / (3.0 * meters * intervals);
            System.out.printf(Locale.ROOT, "  %s run %d: %.3f s wall = %.1f MB/s; %.3f s CPU = %.1f MB/s%n", label, r + 1,
                    seconds[r], bytes / 1e6 / seconds[r], cpuSeconds[r], bytes / 1e6 / cpuSeconds[r]);
            if (d.vKv(0, 0) < 0) {
                System.out.println("unreachable; keeps the data alive until here");
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        double[] cpuSorted = cpuSeconds.clone();
        Arrays.sort(cpuSorted);
        double cpuMedian = cpuSorted[runs / 2];
        System.out.printf(Locale.ROOT, "%s: median wall %.3f s = %.1f MB/s, %.2f M rows/s; median CPU %.3f s = %.1f MB/s;"
                + " heap after GC %.2f bytes/value%n", label, median, bytes / 1e6 / median, rows / 1e6 / median,
                cpuMedian, bytes / 1e6 / cpuMedian, bytesPerValue);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /**
     * Plain contract layout, v_pu with 6 decimals, kW with 2, kvar with 3, 1 % empty fields; loads up
     * to 300 kW a meter, less with more than 100 meters (the feeder's total stays under 30 MW).
     */
    static void generate(Path file, int meters, int intervals, long seed, boolean bom, boolean full) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            }
            out.write("timestamp,meter_id,v_pu,p_kw,q_kvar\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder(1 << 16);
            // loads scaled so that the feeder stays plausible (the reader checks the total)
            int maxCentiKw = (int) Math.min(30_000, 3_000_000L / meters);
            for (int t = 0; t < intervals; t++) {
                String ts = Instant.ofEpochSecond(1_767_225_600L + 900L * t).toString();
                for (int m = 0; m < meters; m++) {
                    sb.append(ts).append(",m").append(m).append(',');
                    if (full) {
                        shortest(sb, rnd, rnd.nextDouble(0.9, 1.1));
                        sb.append(',');
                        shortest(sb, rnd, rnd.nextDouble(-maxCentiKw / 1000.0, maxCentiKw / 100.0));
                        sb.append(',');
                        shortest(sb, rnd, rnd.nextDouble(-maxCentiKw / 500.0, maxCentiKw / 200.0));
                    } else {
                        fixed(sb, rnd, 900_000 + rnd.nextInt(200_001), 6);
                        sb.append(',');
                        fixed(sb, rnd, rnd.nextInt(-maxCentiKw / 10, maxCentiKw), 2);
                        sb.append(',');
                        fixed(sb, rnd, rnd.nextInt(-maxCentiKw * 2, maxCentiKw * 5), 3);
                    }
                    sb.append('\n');
                    if (sb.length() > (1 << 15)) {
                        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                        sb.setLength(0);
                    }
                }
            }
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Appends Java's shortest round-trip text of a double, or nothing (1 % of fields: missing). */
    private static void shortest(StringBuilder sb, SplittableRandom rnd, double value) {
        if (rnd.nextInt(100) != 0) {
            sb.append(value);
        }
    }

    /** Appends units / 10^decimals in plain decimal form, or nothing (1 % of fields: missing). */
    private static void fixed(StringBuilder sb, SplittableRandom rnd, long units, int decimals) {
        if (rnd.nextInt(100) == 0) {
            return;
        }
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        long scale = (long) Math.pow(10, decimals);
        sb.append(units / scale).append('.');
        String frac = Long.toString(units % scale);
        for (int k = frac.length(); k < decimals; k++) {
            sb.append('0');
        }
        sb.append(frac);
    }
}

package io.gridid.benchmarks;

import io.gridid.feeders.SimulatedData;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterCsvWriter;
import io.gridid.model.io.MeterFile;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * End-to-end scaling runner: for each case (feeder &times; T) synthesizes meter data, writes
 * {@code meters.csv} to a temporary folder, then times ingest + {@code identify} in this process
 * (median and spread over repeated runs after a warm-up), with process CPU time, allocation and
 * peak heap; checks that stage 2 gives identical results in parallel and sequentially; fits the
 * scaling exponents in N and in T by log-log least squares; writes {@code scaling.md},
 * {@code scaling.csv} and {@code scaling.svg} to the folder given as the first argument.
 *
 * <p>Usage: {@code ScalingRun OUT_DIR [CASE ...]} with CASE like {@code random:1000x8760}; without
 * cases, the default list below. System property {@code bench.runs} overrides the run count;
 * {@code scaling.accuracyExtras=false} times the pipeline without its two accuracy steps (see
 * {@link #options()}).
 */
public final class ScalingRun {
    /** N series at T = 8760, then a T series on random:300. */
    static final List<String> DEFAULT_CASES = List.of(
            "ieee69x8760", "random:100x8760", "random:300x8760", "random:1000x8760", "random:3000x8760",
            "random:300x2190", "random:300x4380", "random:300x17520", "random:300x35040", "random:1000x35040");
    private static final int T_SERIES_N = 300;
    private static final int N_SERIES_T = 8760;

    /** One case's figures. */
    record Row(BenchCase benchCase, int buses, long csvBytes, int runs, double synthSeconds,
               double[] ingest, double[] identify, double[] topology, double[] impedance, double[] total,
               double[] cpu, double medianAllocatedGb, double maxPeakHeapGb, String parallelCheck,
               double sequentialStage2, double parallelStage2, int wrongEdges) {
    }

    private ScalingRun() {
    }

    /**
     * The pipeline's options: the defaults, or with {@code -Dscaling.accuracyExtras=false} the
     * defaults without the two accuracy steps whose cost is not in the search and the sweep
     * proper (stage 1's denoised parent drops, stage 2's joint refinement), to time the rest alone.
     */
    static IdentifyOptions options() {
        IdentifyOptions o = IdentifyOptions.defaults();
        if (Boolean.parseBoolean(System.getProperty("scaling.accuracyExtras", "true"))) {
            return o;
        }
        return o.withTopology(o.topology().withSearch(o.topology().search().withDenoiseParents(false)))
                .withImpedance(o.impedance().withJointRefinement(false));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScalingRun OUT_DIR [FEEDERxT ...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : DEFAULT_CASES;
        PrintStream log = System.out;
        log.printf(Locale.ROOT, "cores %d, max heap %.1f GB, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Row> rows = new ArrayList<>();
        Path tmp = Files.createTempDirectory("gridid-bench");
        try {
            for (String name : names) {
                Row r = runCase(BenchCase.parse(name), tmp, log);
                rows.add(r);
                write(out, rows);
            }
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                s.forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.deleteIfExists(tmp);
        }
        log.println("wrote " + out.resolve("scaling.md"));
    }

    static Row runCase(BenchCase c, Path tmp, PrintStream log) throws Exception {
        long s0 = System.nanoTime();
        SimulatedData sim = c.simulate();
        double synth = (System.nanoTime() - s0) / 1e9;
        Feeder feeder = sim.feeder();
        int n = feeder.tree().size();
        Path csv = tmp.resolve("meters.csv");
        MeterCsvWriter.write(csv, sim.meters(), feeder.baseKv());
        long bytes = Files.size(csv);
        log.printf(Locale.ROOT, "%s: N=%d T=%d, synthesized in %.1f s, csv %.1f MB, load %.2f%n", c, n,
                c.intervals(), synth, bytes / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        sim = null;
        int runs = Integer.getInteger("bench.runs", n <= 300 && c.intervals() <= 8760 ? 5 : n < 3000 ? 3 : 1);
        boolean warmUp = n < 3000;
        IdentifyPipeline pipeline = new IdentifyPipeline(options());
        MeterCsvReader reader = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(feeder.baseKv()));
        if (warmUp) {
            MeterFile f = reader.read(csv);
            pipeline.identify(f.data(), feeder.rootBus(), feeder.baseKv(), f.warnings());
        }
        double[] ingest = new double[runs];
        double[] identify = new double[runs];
        double[] topo = new double[runs];
        double[] imp = new double[runs];
        double[] total = new double[runs];
        double[] cpu = new double[runs];
        double[] alloc = new double[runs];
        double peak = 0;
        IdentificationResult last = null;
        MeterData data = null;
        for (int k = 0; k < runs; k++) {
            double[] ingestSeconds = new double[1];
            Object[] sink = new Object[1];
            Measured m = Measured.of(() -> {
                long t0 = System.nanoTime();
                MeterFile f = reader.read(csv);
                ingestSeconds[0] = (System.nanoTime() - t0) / 1e9;
                return pipeline.identify(f.data(), feeder.rootBus(), feeder.baseKv(), f.warnings());
            }, sink);
            last = (IdentificationResult) sink[0];
            ingest[k] = ingestSeconds[0];
            identify[k] = m.wallSeconds() - ingestSeconds[0];
            topo[k] = last.stageSeconds().get(IdentifyPipeline.TOPOLOGY);
            imp[k] = last.stageSeconds().get(IdentifyPipeline.IMPEDANCE);
            total[k] = m.wallSeconds();
            cpu[k] = m.cpuSeconds();
            alloc[k] = m.allocatedBytes() / 1e9;
            peak = Math.max(peak, m.peakHeapBytes() / 1e9);
            log.printf(Locale.ROOT, "  run %d: ingest %.3f s, topology %.3f s, impedance %.3f s, total %.3f s,"
                            + " cpu %.2f s, alloc %.2f GB, peak heap %.2f GB%n", k + 1, ingest[k], topo[k], imp[k],
                    total[k], cpu[k], alloc[k], m.peakHeapBytes() / 1e9);
        }
        int wrong = wrongEdges(feeder.tree(), last.contractRows());
        String check = "not run";
        double seqT = Double.NaN;
        double parT = Double.NaN;
        if (n <= 1000) {
            data = reader.read(csv).data();
            MeterData d = data;
            Object[] seq = new Object[1];
            Object[] par = new Object[1];
            seqT = Measured.of(() -> new ImpedanceEstimator(ImpedanceOptions.defaults().withParallel(false))
                    .estimate(d, feeder.tree()), seq).wallSeconds();
            parT = Measured.of(() -> new ImpedanceEstimator(ImpedanceOptions.defaults().withParallel(true))
                    .estimate(d, feeder.tree()), par).wallSeconds();
            check = ((ImpedanceResult) seq[0]).equals(par[0]) ? "identical" : "DIFFERENT";
            log.printf(Locale.ROOT, "  stage 2 on the true tree: sequential %.3f s, parallel %.3f s, %s%n",
                    seqT, parT, check);
        }
        Files.deleteIfExists(csv);
        return new Row(c, n, bytes, runs, synth, ingest, identify, topo, imp, total, cpu, median(alloc), peak,
                check, seqT, parT, wrong);
    }

    /** Branches of the identified tree whose parent differs from the truth's. */
    static int wrongEdges(RadialTree truth, List<BranchRow> rows) {
        int wrong = 0;
        for (BranchRow r : rows) {
            if (!truth.contains(r.toBus()) || !r.fromBus().equals(truth.parentOf(r.toBus()))) {
                wrong++;
            }
        }
        return wrong;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** "median [min-max]" in seconds. */
    static String spread(double[] v) {
        return v.length == 1 ? String.format(Locale.ROOT, "%.3f", v[0])
                : String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", median(v), min(v), max(v));
    }

    /** Slope of log(y) on log(x) by least squares (NaN with fewer than two points). */
    static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** The N series (random feeders at T = 8760) and the T series (random:300). */
    static List<Row> nSeries(List<Row> rows) {
        return rows.stream().filter(r -> r.benchCase().feederName().startsWith("random:")
                && r.benchCase().intervals() == N_SERIES_T).sorted((a, b) -> Integer.compare(a.buses(), b.buses())).toList();
    }

    static List<Row> tSeries(List<Row> rows) {
        return rows.stream().filter(r -> r.benchCase().feederName().equals("random:" + T_SERIES_N))
                .sorted((a, b) -> Integer.compare(a.benchCase().intervals(), b.benchCase().intervals())).toList();
    }

    static double[] exponents(List<Row> series, boolean inN) {
        double[] x = series.stream().mapToDouble(r -> inN ? r.buses() : r.benchCase().intervals()).toArray();
        double[][] ys = {
                series.stream().mapToDouble(r -> median(r.ingest())).toArray(),
                series.stream().mapToDouble(r -> median(r.topology())).toArray(),
                series.stream().mapToDouble(r -> median(r.impedance())).toArray(),
                series.stream().mapToDouble(r -> median(r.total())).toArray(),
                series.stream().mapToDouble(r -> median(r.cpu())).toArray()};
        double[] e = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            e[i] = logLogSlope(x, ys[i]);
        }
        return e;
    }

    static void write(Path out, List<Row> rows) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| case | N | T | CSV MB | runs | ingest s | ingest MB/s | topology s | impedance s | total s | CPU s"
                + " | alloc GB | peak heap GB | wrong edges | stage 2 seq s | stage 2 par s | par = seq |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("case,N,T,csv_bytes,runs,ingest_s,topology_s,impedance_s,total_s,cpu_s,"
                + "alloc_gb,peak_heap_gb,wrong_edges,stage2_seq_s,stage2_par_s,par_equals_seq\n");
        for (Row r : rows) {
            double mbps = r.csvBytes() / 1e6 / median(r.ingest());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %s | %.0f | %s | %s | %s | %s | %.2f | %.2f | %d"
                            + " | %.3f | %.3f | %s |%n", r.benchCase(), r.buses(), r.benchCase().intervals(),
                    r.csvBytes() / 1e6, r.runs(), spread(r.ingest()), mbps, spread(r.topology()), spread(r.impedance()),
                    spread(r.total()), spread(r.cpu()), r.medianAllocatedGb(), r.maxPeakHeapGb(), r.wrongEdges(),
                    r.sequentialStage2(), r.parallelStage2(), r.parallelCheck()));
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.3f,%.3f,%d,%.4f,%.4f,%s%n",
                    r.benchCase(), r.buses(), r.benchCase().intervals(), r.csvBytes(), r.runs(), median(r.ingest()),
                    median(r.topology()), median(r.impedance()), median(r.total()), median(r.cpu()),
                    r.medianAllocatedGb(), r.maxPeakHeapGb(), r.wrongEdges(), r.sequentialStage2(),
                    r.parallelStage2(), r.parallelCheck()));
        }
        md.append("\nMedians over the runs, [min-max] spread; wall times in process after one warm-up run"
                + " (none for N >= 3000).\n\n");
        md.append("| scaling exponent (log-log LS) | ingest | topology | impedance | total | total CPU | points |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<Row> ns = nSeries(rows);
        List<Row> ts = tSeries(rows);
        double[] en = exponents(ns, true);
        double[] et = exponents(ts, false);
        md.append(String.format(Locale.ROOT, "| in N (random feeders, T = %d) | %.2f | %.2f | %.2f | %.2f | %.2f | %d |%n",
                N_SERIES_T, en[0], en[1], en[2], en[3], en[4], ns.size()));
        md.append(String.format(Locale.ROOT, "| in T (random:%d) | %.2f | %.2f | %.2f | %.2f | %.2f | %d |%n",
                T_SERIES_N, et[0], et[1], et[2], et[3], et[4], ts.size()));
        Files.writeString(out.resolve("scaling.md"), md.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("scaling.csv"), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("scaling.svg"), ScalingPlot.svg(ns, ts, N_SERIES_T, T_SERIES_N),
                StandardCharsets.UTF_8);
    }
}

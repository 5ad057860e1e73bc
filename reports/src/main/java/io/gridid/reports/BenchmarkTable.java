package io.gridid.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result: one row per case, as a Markdown table ({@code benchmark.md}) and as
 * JSON ({@code benchmark.json}: {@code options} and {@code rows}, relative errors as fractions,
 * times in seconds, NaN as null).
 *
 * @param options what was run
 * @param rows    one per case, in run order
 */
public record BenchmarkTable(BenchmarkOptions options, List<BenchmarkRow> rows) {
    public BenchmarkTable {
        rows = List.copyOf(rows);
    }

    /** The table in Markdown, errors in percent, preceded by one line stating the run's parameters. */
    public String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Synthetic data: %d-minute intervals, P/Q noise %.3g %%, seed %d. "
                        + "Errors are |estimate - truth| / truth over the branches found.%n%n",
                options.intervalMinutes(), 100 * options.noisePowerRelative(), options.seed()));
        s.append("| feeder | buses | noise V (p.u.) | days | precision | recall | F1 | r err median | r err p90 "
                + "| x err median | x err p90 | max gap | t sim (s) | t topology (s) | t impedance (s) |\n");
        s.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (BenchmarkRow r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.feeder(), r.buses(), noise(r.noiseVoltagePu()), r.days(), fixed(r.precision()),
                    fixed(r.recall()), fixed(r.f1()), pct(r.rRelErrorMedian()), pct(r.rRelErrorP90()),
                    pct(r.xRelErrorMedian()), pct(r.xRelErrorP90()), sci(r.maxRelaxationGap()),
                    secs(r.simulateSeconds()), secs(r.topologySeconds()), secs(r.impedanceSeconds())));
        }
        boolean anyFailed = false;
        for (BenchmarkRow r : rows) {
            if (r.failed()) {
                if (!anyFailed) {
                    s.append("\nFailed cases:\n");
                    anyFailed = true;
                }
                s.append("- ").append(r.feeder()).append(", noise ").append(noise(r.noiseVoltagePu())).append(", ")
                        .append(r.days()).append(" days: ").append(r.error()).append('\n');
            }
        }
        return s.toString();
    }

    /** The table as JSON text. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode o = root.putObject("options");
        ArrayNode f = o.putArray("feeders");
        options.feeders().forEach(f::add);
        ArrayNode n = o.putArray("noise_v_pu");
        options.noiseVoltagePu().forEach(n::add);
        ArrayNode d = o.putArray("days");
        options.days().forEach(d::add);
        o.put("interval_minutes", options.intervalMinutes());
        o.put("noise_power_relative", options.noisePowerRelative());
        o.put("seed", options.seed());
        ArrayNode a = root.putArray("rows");
        for (BenchmarkRow r : rows) {
            ObjectNode x = a.addObject();
            x.put("feeder", r.feeder());
            x.put("buses", r.buses());
            put(x, "noise_v_pu", r.noiseVoltagePu());
            x.put("days", r.days());
            x.put("intervals", r.intervals());
            put(x, "precision", r.precision());
            put(x, "recall", r.recall());
            put(x, "f1", r.f1());
            put(x, "r_rel_error_median", r.rRelErrorMedian());
            put(x, "r_rel_error_p90", r.rRelErrorP90());
            put(x, "x_rel_error_median", r.xRelErrorMedian());
            put(x, "x_rel_error_p90", r.xRelErrorP90());
            put(x, "max_relaxation_gap", r.maxRelaxationGap());
            put(x, "simulate_seconds", r.simulateSeconds());
            put(x, "topology_seconds", r.topologySeconds());
            put(x, "impedance_seconds", r.impedanceSeconds());
            if (r.error() != null) {
                x.put("error", r.error());
            } else {
                x.putNull("error");
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the benchmark table", e);
        }
    }

    private static void put(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static String noise(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.0e", v);
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1e", v);
    }

    private static String secs(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}

package io.gridid.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet at a glance: feeders per status, wall time and throughput, the slowest feeders,
 * the identified feeders whose topology is least sure (lowest mean confidence), the mean F1
 * against the truth, and the failures with their messages. Written as {@code summary.json} and
 * printed by {@code gridid-fleet}.
 *
 * @param feeders     every feeder's outcome (without rows), in feeder order
 * @param wallSeconds the job's wall time from listing the feeders to the last table written, s
 */
public record FleetSummary(List<FeederOutcome> feeders, double wallSeconds) {
    /** How many feeders the lists of slowest and least sure name. */
    public static final int LISTED = 5;
    /** How many failures the summary names (all are in the status table). */
    public static final int FAILURES_LISTED = 20;

    public FleetSummary {
        feeders = List.copyOf(feeders);
    }

    public Map<FeederStatus, Integer> counts() {
        Map<FeederStatus, Integer> c = new EnumMap<>(FeederStatus.class);
        for (FeederStatus s : FeederStatus.values()) {
            c.put(s, 0);
        }
        for (FeederOutcome o : feeders) {
            c.merge(o.status(), 1, Integer::sum);
        }
        return c;
    }

    /** Whether any feeder ended other than ok. */
    public boolean anyFailed() {
        return feeders.stream().anyMatch(o -> o.status() != FeederStatus.OK);
    }

    public double feedersPerMinute() {
        return feeders.size() / wallSeconds * 60;
    }

    public List<FeederOutcome> slowest() {
        return feeders.stream().sorted(Comparator.comparingDouble(FeederOutcome::seconds).reversed()).limit(LISTED)
                .toList();
    }

    public List<FeederOutcome> leastSure() {
        return feeders.stream().filter(o -> o.meanConfidence() != null)
                .sorted(Comparator.comparingDouble(FeederOutcome::meanConfidence)).limit(LISTED).toList();
    }

    /** Mean topology F1 over the feeders scored against a truth (null when none was). */
    public Double meanF1() {
        double[] f1 = feeders.stream().filter(o -> o.f1() != null).mapToDouble(FeederOutcome::f1).toArray();
        return f1.length == 0 ? null : java.util.Arrays.stream(f1).average().orElseThrow();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feeders", feeders.size());
        counts().forEach((s, n) -> m.put(s.label(), n));
        m.put("wall_seconds", wallSeconds);
        m.put("feeders_per_minute", feedersPerMinute());
        m.put("task_seconds", feeders.stream().mapToDouble(FeederOutcome::seconds).sum());
        m.put("mean_f1", meanF1());
        m.put("slowest", slowest().stream().map(o -> entry(o, "seconds", o.seconds())).toList());
        m.put("least_sure", leastSure().stream().map(o -> entry(o, "mean_confidence", o.meanConfidence())).toList());
        List<Map<String, Object>> failed = new ArrayList<>();
        for (FeederOutcome o : feeders) {
            if (o.status() != FeederStatus.OK && failed.size() < FAILURES_LISTED) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put(FleetTables.FEEDER_ID, o.feederId());
                f.put("status", o.status().label());
                f.put("message", o.message());
                failed.add(f);
            }
        }
        m.put("failed", failed);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and strings is always JSON", e);
        }
    }

    private static Map<String, Object> entry(FeederOutcome o, String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(FleetTables.FEEDER_ID, o.feederId());
        e.put(key, value);
        e.put("buses", o.buses());
        e.put("intervals", o.intervals());
        return e;
    }

    /** The summary as the launcher prints it. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        Map<FeederStatus, Integer> c = counts();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d feeders in %.1f s (%.1f feeders/min):",
                feeders.size(), wallSeconds, feedersPerMinute()));
        for (FeederStatus s : FeederStatus.values()) {
            b.append(' ').append(c.get(s)).append(' ').append(s.label()).append(s == FeederStatus.INTERNAL_ERROR ? "" : ",");
        }
        l.add(b.toString());
        Double f1 = meanF1();
        if (f1 != null) {
            l.add(String.format(Locale.ROOT, "mean topology F1 against the truth: %.3f", f1));
        }
        l.add("slowest: " + String.join(", ", slowest().stream()
                .map(o -> String.format(Locale.ROOT, "%s %.2f s", o.feederId(), o.seconds())).toList()));
        if (!leastSure().isEmpty()) {
            l.add("least sure (mean edge confidence): " + String.join(", ", leastSure().stream()
                    .map(o -> String.format(Locale.ROOT, "%s %.3f", o.feederId(), o.meanConfidence())).toList()));
        }
        int failed = 0;
        for (FeederOutcome o : feeders) {
            if (o.status() != FeederStatus.OK && ++failed <= FAILURES_LISTED) {
                l.add(o.feederId() + " " + o.status().label() + ": " + o.message());
            }
        }
        if (failed > FAILURES_LISTED) {
            l.add("... and " + (failed - FAILURES_LISTED) + " more failed feeders: see the status table");
        }
        return l;
    }
}

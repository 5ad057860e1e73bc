package io.gridid.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runner's command line: {@code key=value} options from the runner's own set of keys, and the
 * other arguments in order (feeder names, which may contain '=' themselves, as
 * {@code random:200+caps=10}).
 */
public final class RunArguments {
    private final Map<String, String> options;
    private final List<String> others;

    private RunArguments(Map<String, String> options, List<String> others) {
        this.options = options;
        this.others = others;
    }

    /**
     * Every argument an option with one of {@code keys}.
     *
     * @throws IllegalArgumentException for any other argument
     */
    public static RunArguments options(String[] args, String... keys) {
        RunArguments a = withOthers(args, keys);
        if (!a.others.isEmpty()) {
            throw new IllegalArgumentException("unknown argument '" + a.others.get(0) + "': the options are "
                    + String.join("=, ", keys) + "=");
        }
        return a;
    }

    /** Options with one of {@code keys}; every other argument kept in {@link #others()}. */
    public static RunArguments withOthers(String[] args, String... keys) {
        Set<String> known = Set.copyOf(Arrays.asList(keys));
        Map<String, String> options = new HashMap<>();
        List<String> others = new ArrayList<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (eq > 0 && known.contains(s.substring(0, eq))) {
                options.put(s.substring(0, eq), s.substring(eq + 1));
            } else {
                others.add(s);
            }
        }
        return new RunArguments(options, others);
    }

    /** The arguments that are not options, in order. */
    public List<String> others() {
        return List.copyOf(others);
    }

    public String text(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public int intValue(String key, int fallback) {
        String v = options.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }

    public long longValue(String key, long fallback) {
        String v = options.get(key);
        return v == null ? fallback : Long.parseLong(v);
    }

    public double doubleValue(String key, double fallback) {
        String v = options.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }

    /** A comma-separated option's items ({@code fallback} is comma-separated too). */
    public List<String> list(String key, String fallback) {
        return List.of(text(key, fallback).split(","));
    }
}

package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ragged meter layouts, as field exports have them: a meter that stops reporting (exchanged), one
 * that starts late (a new id taking over), one with random gaps, one reporting at its own minute
 * past the hour. Every parser (sequential fast path, four chunks, Commons CSV) must read exactly the
 * cells written, NaN elsewhere, on the sorted union of the timestamps, and name every meter that
 * does not cover every interval. The expectation is built from the generated rows, not by the
 * reader. Interval counts run past 64 and 128: the reader's columns grow in steps of 64 bits.
 */
class RaggedMeterLayoutPropertiesTest {
    static final int TRIES = 60;
    static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z
    static final long HOUR = 3600;

    private enum Shape { FULL, STOPS, STARTS, GAPS, OWN_MINUTE }

    @Property(tries = TRIES)
    void raggedMetersReadToExactlyTheCellsWritten(@ForAll @IntRange(min = 2, max = 6) int meters,
                                                  @ForAll @IntRange(min = 1, max = 300) int hours,
                                                  @ForAll long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        Shape[] shapes = new Shape[meters];
        boolean[][] present = new boolean[meters][hours];
        int[] minute = new int[meters];
        for (int m = 0; m < meters; m++) {
            shapes[m] = m == 0 ? Shape.FULL : Shape.values()[rnd.nextInt(Shape.values().length)];
            int cut = rnd.nextInt(hours);
            for (int t = 0; t < hours; t++) {
                present[m][t] = switch (shapes[m]) {
                    case FULL, OWN_MINUTE -> true;
                    case STOPS -> t <= cut;
                    case STARTS -> t >= cut;
                    case GAPS -> t == cut || rnd.nextDouble() < 0.7;
                };
            }
            minute[m] = shapes[m] == Shape.OWN_MINUTE ? 1 + rnd.nextInt(59) : 0;
        }
        String[][][] text = new String[meters][hours][];
        StringBuilder csv = new StringBuilder("timestamp,meter_id,v_kv,p_kw,q_kvar\n");
        TreeSet<Long> epochs = new TreeSet<>();
        for (int t = 0; t < hours; t++) {
            for (int m = 0; m < meters; m++) {
                if (!present[m][t]) {
                    continue;
                }
                long epoch = START + t * HOUR + minute[m] * 60L;
                epochs.add(epoch);
                String[] f = {
                        String.format(Locale.ROOT, "%.3f", 12.0 + rnd.nextDouble()),
                        String.format(Locale.ROOT, "%.1f", rnd.nextDouble() * 300),
                        String.format(Locale.ROOT, "%.1f", rnd.nextDouble() * 100)};
                text[m][t] = f;
                csv.append(Instant.ofEpochSecond(epoch)).append(",m").append(m).append(',')
                        .append(String.join(",", f)).append('\n');
            }
        }
        long[] sorted = epochs.stream().mapToLong(Long::longValue).toArray();
        List<String> partial = new ArrayList<>();
        Path file = Files.createTempFile("gridid-ragged", ".csv");
        try {
            Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
            MeterCsvReader reader = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(12.47));
            for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
                MeterFile read = reader.read(file, parser);
                MeterData d = read.data();
                assertArrayEquals(sorted, d.epochSeconds(), parser.name());
                partial.clear();
                for (int m = 0; m < meters; m++) {
                    int k = d.indexOf("m" + m);
                    int count = 0;
                    for (int i = 0; i < sorted.length; i++) {
                        long rel = sorted[i] - START - minute[m] * 60L;
                        int t = rel % HOUR == 0 ? (int) (rel / HOUR) : -1;
                        boolean has = t >= 0 && t < hours && present[m][t];
                        double v = has ? Double.parseDouble(text[m][t][0]) : Double.NaN;
                        double p = has ? Double.parseDouble(text[m][t][1]) / 1000.0 : Double.NaN;
                        double q = has ? Double.parseDouble(text[m][t][2]) / 1000.0 : Double.NaN;
                        assertEquals(v, d.vKv(k, i), parser + " m" + m + " interval " + i);
                        assertEquals(p, d.pMw(k, i), parser + " m" + m + " interval " + i);
                        assertEquals(q, d.qMvar(k, i), parser + " m" + m + " interval " + i);
                        count += has ? 1 : 0;
                    }
                    if (count < sorted.length) {
                        partial.add("m" + m);
                    }
                }
                List<Warning> warnings = read.warnings().stream()
                        .filter(w -> w.code() == WarningCode.METERS_PARTIAL).toList();
                if (partial.isEmpty()) {
                    assertEquals(List.of(), warnings, parser.name());
                } else {
                    assertEquals(1, warnings.size(), parser.name());
                    assertEquals(new TreeSet<>(partial), new TreeSet<>(warnings.get(0).subjects()), parser.name());
                    assertEquals(partial.size(), warnings.get(0).subjects().size(), parser.name());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

package io.gridid.model.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded generator of valid plain {@code meters.csv} text (contract layout, v_pu, numbers with a
 * few decimals, some missing fields), for tests. Loads are at most 400 kW, 150 kvar a meter, so
 * up to 100 meters stay a plausible 12.47 kV feeder.
 *
 * @param meters          number of meters
 * @param intervals       number of intervals (15 minutes apart from 2026-01-01T00:00Z)
 * @param missingFraction probability that a field is empty
 * @param local           local timestamps ({@code 2026-01-01 00:15}) instead of UTC ({@code ...Z})
 */
record RandomMeterCsv(int meters, int intervals, double missingFraction, boolean local, long seed) {
    static final long START = 1_767_225_600L;
    static final long STEP = 900;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    void writeTo(Writer out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        out.write("timestamp,meter_id,v_pu,p_kw,q_kvar\n");
        StringBuilder line = new StringBuilder(80);
        for (int t = 0; t < intervals; t++) {
            long epoch = START + t * STEP;
            String ts = local ? LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC).format(LOCAL)
                    : Instant.ofEpochSecond(epoch).toString();
            for (int m = 0; m < meters; m++) {
                line.setLength(0);
                line.append(ts).append(",m").append(m).append(',');
                field(line, rnd, 0.9 + rnd.nextInt(200_001) / 1_000_000.0, 6);
                line.append(',');
                field(line, rnd, rnd.nextInt(-2_000, 40_000) / 100.0, 2);
                line.append(',');
                field(line, rnd, rnd.nextInt(-50_000, 150_000) / 1000.0, 3);
                line.append('\n');
                out.append(line);
            }
        }
    }

    private void field(StringBuilder line, SplittableRandom rnd, double value, int decimals) {
        if (rnd.nextDouble() < missingFraction) {
            return;
        }
        line.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    String text() {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            writeTo(w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    Path writeFile(Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            writeTo(w);
        }
        return file;
    }
}

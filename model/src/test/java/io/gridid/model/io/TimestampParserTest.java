package io.gridid.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocation-free timestamp parser against java.time (the truth). */
class TimestampParserTest {
    static final int RANDOM_CASES = 50_000;

    @Test
    void randomInstantsInEveryForm() {
        SplittableRandom rnd = new SplittableRandom(7);
        TimestampParser p = new TimestampParser();
        DateTimeFormatter local = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
        DateTimeFormatter localMinutes = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
        for (int k = 0; k < RANDOM_CASES; k++) {
            long epoch = rnd.nextLong(-2_000_000_000L, 8_000_000_000L);
            int offsetMinutes = rnd.nextInt(-14 * 60, 14 * 60 + 1);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            OffsetDateTime odt = java.time.Instant.ofEpochSecond(epoch).atOffset(offset);
            // with an offset: the instant
            assertEquals(epoch, p.parse(odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)), odt.toString());
            assertFalse(p.isLocal());
            // local: the wall clock read as UTC
            LocalDateTime ldt = odt.toLocalDateTime();
            assertEquals(ldt.toEpochSecond(ZoneOffset.UTC), p.parse(ldt.format(local)));
            assertTrue(p.isLocal());
            assertEquals(ldt.withSecond(0).toEpochSecond(ZoneOffset.UTC), p.parse(ldt.format(localMinutes)));
        }
    }

    @Test
    void contractExamples() {
        TimestampParser p = new TimestampParser();
        long t = 1_767_226_500L; // 2026-01-01T00:15:00Z
        assertEquals(t, p.parse("2026-01-01T00:15:00Z"));
        assertEquals(t - 3600, p.parse("2026-01-01T00:15:00+01:00"));
        assertEquals(t - 3600, p.parse("2026-01-01T00:15:00+0100"));
        assertEquals(t - 3600, p.parse("2026-01-01T00:15:00+01"));
        assertEquals(t, p.parse("2026-01-01 00:15"));
        assertEquals(t, p.parse("2026-01-01 00:15:00"));
        assertEquals(t, p.parse("2026-01-01T00:15"));
        assertEquals(t, p.parse("2026-01-01T00:15:00.000Z"));
        assertEquals(1_709_164_800L, p.parse("2024-02-29T00:00:00Z")); // a leap day
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-01-01", "2026-1-01T00:00Z", "2026-01-01T00:00:00ZZ", "2026-01-01T00:00:00+1",
        "2026-01-01T00:00:00+19:00", "2026-01-01T00:00:60Z", "2026-01-01T00:60Z", "2025-02-29T00:00Z",
        "2026-01-01X00:00Z", "2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:0", "01/01/2026 00:00",
        "2026-01-01T00:00:00 Europe/Paris", "2026-01-01T00:00:00+01:00:00", "２026-01-01T00:00Z"})
    void rejects(String text) {
        assertEquals(TimestampParser.INVALID, new TimestampParser().parse(text), text);
    }
}

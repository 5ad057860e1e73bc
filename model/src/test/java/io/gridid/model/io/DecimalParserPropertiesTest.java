package io.gridid.model.io;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DecimalParser} (with its Eisel-Lemire path) against the JDK's correctly rounded
 * {@link Double#parseDouble}, the independent truth, bit for bit, on a few million generated
 * inputs: every double's shortest text, {@code %.Ng} for N = 1..17, random digit strings with
 * random exponents, exact halfway points between neighbouring doubles and the decimals just
 * below and above them, and subnormals. Seeded: a failure repeats.
 */
class DecimalParserPropertiesTest {
    static final long SEED = 20_261_124L;
    static final int SHORTEST_CASES = 1_000_000;
    static final int PER_PRECISION_CASES = 40_000;
    static final int DIGIT_STRING_CASES = 600_000;
    static final int HALFWAY_CASES = 60_000;
    static final int SUBNORMAL_CASES = 50_000;
    /**
     * The Eisel-Lemire path must take nearly all 17-digit round-trip texts (the whole point of it):
     * it declines only at possible halfway points and at products whose truncated bits are all ones,
     * about 2^-9 of the time at worst; allow 1 %.
     */
    static final double MAX_DECLINED_SHARE = 0.01;

    private final DecimalParser parser = new DecimalParser();

    /** Bit-identical to the JDK; a text the JDK reads as infinite is INFINITE by the parser's contract. */
    private void assertSameBits(String text) {
        double got = parser.parse(text);
        double expected = Double.parseDouble(text);
        if (Double.isInfinite(expected)) {
            assertEquals(DecimalParser.Status.INFINITE, parser.status(), text);
            return;
        }
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)
                || parser.status() != DecimalParser.Status.VALUE) {
            assertEquals(DecimalParser.Status.VALUE, parser.status(), text);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                    text + ": " + expected + " expected, got " + got);
        }
    }

    /** A random finite double, sign included, every exponent equally likely. */
    private static double anyFinite(SplittableRandom rnd) {
        long bits;
        do {
            bits = rnd.nextLong();
        } while (((bits >>> 52) & 0x7FF) == 0x7FF);
        return Double.longBitsToDouble(bits);
    }

    @Test
    void shortestRoundTripTextOfRandomDoubles() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        int declined = 0;
        for (int k = 0; k < SHORTEST_CASES; k++) {
            double d = k % 2 == 0 ? anyFinite(rnd) : rnd.nextDouble(-1e4, 1e4); // meter-sized half the time
            String text = Double.toString(d);
            assertSameBits(text);
            if (Math.abs(d) >= Double.MIN_NORMAL && declined(d)) {
                declined++;
            }
        }
        double share = declined / (double) SHORTEST_CASES;
        assertTrue(share < MAX_DECLINED_SHARE, "Eisel-Lemire declined " + share);
    }

    /** Whether Eisel-Lemire declines the 17-significant-digit decimal of d. */
    private static boolean declined(double d) {
        BigDecimal exact = new BigDecimal(Math.abs(d)).round(new MathContext(17, RoundingMode.HALF_EVEN));
        BigDecimal digits = exact.stripTrailingZeros();
        return EiselLemire.toDoubleBits(digits.unscaledValue().longValueExact(), -digits.scale()) == EiselLemire.DECLINED;
    }

    @Test
    void everyPrecisionOfPercentG() {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int n = 1; n <= 17; n++) {
            String format = "%." + n + "g";
            for (int k = 0; k < PER_PRECISION_CASES; k++) {
                double d = k % 2 == 0 ? anyFinite(rnd) : rnd.nextDouble(-2000, 2000);
                assertSameBits(String.format(Locale.ROOT, format, d));
            }
        }
    }

    @Test
    void randomDigitStringsWithRandomExponents() {
        SplittableRandom rnd = new SplittableRandom(SEED + 2);
        StringBuilder sb = new StringBuilder(48);
        for (int k = 0; k < DIGIT_STRING_CASES; k++) {
            sb.setLength(0);
            if (rnd.nextBoolean()) {
                sb.append('-');
            }
            int digits = 1 + rnd.nextInt(k % 8 == 0 ? 30 : 19);
            int point = rnd.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextInt(4) != 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-360, 330));
            }
            assertSameBits(sb.toString());
        }
    }

    /**
     * The exact midpoint between two neighbouring doubles (round half to even decides it) and its
     * 17-, 18- and 19-digit roundings just below and above it, where a wrong last bit would show.
     */
    @Test
    void halfwayPointsAndTheirNeighbours() {
        SplittableRandom rnd = new SplittableRandom(SEED + 3);
        for (int k = 0; k < HALFWAY_CASES; k++) {
            double d = Math.abs(k % 3 == 0 ? anyFinite(rnd) : rnd.nextDouble(0, 1e6));
            if (d == Double.MAX_VALUE) {
                continue;
            }
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            if (k % 10 == 0) {
                assertSameBits(mid.toString());
            }
            for (int digits = 17; digits <= 19; digits++) {
                assertSameBits(mid.round(new MathContext(digits, RoundingMode.FLOOR)).toString());
                assertSameBits(mid.round(new MathContext(digits, RoundingMode.CEILING)).toString());
            }
        }
        // integers on both sides of 2^53 .. 2^63, where 19-digit ties are exact
        for (int k = 0; k < HALFWAY_CASES; k++) {
            int shift = rnd.nextInt(1, 11);
            long base = (rnd.nextLong() >>> (11 - shift)) | (1L << (52 + shift));
            long tie = (base & ~((1L << shift) - 1)) | (1L << (shift - 1));
            for (long t = tie - 1; t <= tie + 1; t++) {
                assertSameBits(Long.toString(t));
            }
        }
    }

    @Test
    void subnormalsAndTheEdgesOfTheRange() {
        SplittableRandom rnd = new SplittableRandom(SEED + 4);
        for (int k = 0; k < SUBNORMAL_CASES; k++) {
            double d = Double.longBitsToDouble(rnd.nextLong(1, 1L << 52));
            assertSameBits(Double.toString(d));
            assertSameBits(String.format(Locale.ROOT, "%.17g", d));
            assertSameBits(String.format(Locale.ROOT, "%.3g", d));
        }
        for (String s : new String[] {"2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "9999999999999999999e-343", "1e-342", "1e-348", "1e-349", "9e307", "1e308",
            "1.8e308", "9999999999999999999e289", "18446744073709551615", "9223372036854775807", "9223372036854775808",
            "10000000000000000000", "9999999999999999999", "0.0000000000000000000000000000000000000000001"}) {
            DecimalParser p = new DecimalParser();
            double got = p.parse(s);
            double expected = Double.parseDouble(s);
            if (Double.isInfinite(expected)) {
                assertEquals(DecimalParser.Status.INFINITE, p.status(), s);
            } else {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), s);
            }
        }
    }
}

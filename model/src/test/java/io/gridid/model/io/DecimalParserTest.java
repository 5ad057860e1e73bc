package io.gridid.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast decimal parser against the JDK's correctly rounded {@link Double#parseDouble} (the truth), bit for bit. */
class DecimalParserTest {
    static final int RANDOM_CASES = 200_000;

    private static void assertSameBits(String text) {
        DecimalParser p = new DecimalParser();
        double got = p.parse(text);
        assertEquals(DecimalParser.Status.VALUE, p.status(), text);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(got), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "1", "-1", "0.1", "0.987", "1155.0", "120.5", ".5", "5.", "-.5",
        "1e3", "1E-3", "2.5e+2", "0.30000000000000004", "123456789012345", "1234567890123456", "12345678901234567890",
        "9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "2.2250738585072014E-308", "1.7976931348623157e308",
        "0.000000000000000000000000000001", "000123.4500", "3.14159265358979323846", "1e-400", "0.1e1", "100000000000000000000000"})
    void sameBitsAsTheJdk(String text) {
        assertSameBits(text);
    }

    @Test
    void randomMeterLikeAndWildNumbers() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < RANDOM_CASES; k++) {
            String text;
            switch (k % 4) {
                case 0: // meter-like: a few decimals
                    text = String.format(java.util.Locale.ROOT, "%." + rnd.nextInt(7) + "f", rnd.nextDouble(-5000, 5000));
                    break;
                case 1: // any double's shortest text
                    text = Double.toString(Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL));
                    break;
                case 2: { // digits and exponent at random, often past the exact range
                    StringBuilder sb = new StringBuilder();
                    int digits = 1 + rnd.nextInt(25);
                    for (int d = 0; d < digits; d++) {
                        sb.append((char) ('0' + rnd.nextInt(10)));
                    }
                    sb.insert(rnd.nextInt(sb.length() + 1), '.');
                    if (sb.length() == 1) {
                        sb.append('0');
                    }
                    sb.append('e').append(rnd.nextInt(-40, 40));
                    text = sb.toString();
                    break;
                }
                default: // p.u. voltages to 6 decimals
                    text = String.format(java.util.Locale.ROOT, "%.6f", rnd.nextDouble(0.9, 1.1));
            }
            assertSameBits(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NaN", "nan", "NAN", " NaN "})
    void missing(String text) {
        DecimalParser p = new DecimalParser();
        assertEquals(Double.NaN, p.parse(text));
        assertEquals(DecimalParser.Status.MISSING, p.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "+inf", "INF", "1e400", "-1e99999999999"})
    void infinite(String text) {
        DecimalParser p = new DecimalParser();
        p.parse(text);
        assertEquals(DecimalParser.Status.INFINITE, p.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "0x10", "1d", "1f", "1e", "1e+", "--1", "+-1", ".", "-", "e5", "1..2",
        "1 2", "١", "1_000", "-NaN", "0x1p3", "Infinityx", "1.0.0"})
    void invalid(String text) {
        DecimalParser p = new DecimalParser();
        p.parse(text);
        assertEquals(DecimalParser.Status.INVALID, p.status(), text);
    }

    @Test
    void surroundingSpacesAreIgnored() {
        DecimalParser p = new DecimalParser();
        assertEquals(1.5, p.parse(" \t1.5 "));
        assertEquals(DecimalParser.Status.VALUE, p.status());
    }
}

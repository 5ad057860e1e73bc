package io.gridid.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Eisel-Lemire alone: it returns the JDK's bits where it answers, and declines (so that
 * {@link DecimalParser} asks {@link Double#parseDouble}) exactly where it must: exact ties between
 * two doubles, subnormal results, overflow and exponents outside its table.
 */
class EiselLemireTest {
    private static long jdk(long w, int q) {
        return Double.doubleToRawLongBits(Double.parseDouble(Long.toUnsignedString(w) + "e" + q));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "9007199254740992,0", "9007199254740994,0", "1,22", "1,-1", "17976931348623157,292",
        "22250738585072014,-324", "9999999999999999999,0", "12345678901234567890,-5", "1,308", "1,-307",
        "4,-1", "30000000000000004,-17", "9223372036854775808,0"})
    void answersWithTheJdkBits(String w, int q) {
        long unsigned = Long.parseUnsignedLong(w);
        assertEquals(jdk(unsigned, q), EiselLemire.toDoubleBits(unsigned, q), w + "e" + q);
    }

    @ParameterizedTest
    @CsvSource({
        "9007199254740993,0",     // 2^53 + 1: exactly halfway between two doubles
        "9223372036854776832,0",  // 2^63 + 2^10: halfway too
        "1,-310",                 // subnormal
        "49,-325",                // below half the smallest subnormal: zero by underflow
        "1,309",                  // overflow
        "1,-349",                 // outside the table
        "1,348"})
    void declinesWhatItCannotRoundWithCertainty(String w, int q) {
        assertEquals(EiselLemire.DECLINED, EiselLemire.toDoubleBits(Long.parseUnsignedLong(w), q), w + "e" + q);
    }

    @Test
    void zeroIsZero() {
        assertEquals(0L, EiselLemire.toDoubleBits(0, 5));
        assertEquals(0L, EiselLemire.toDoubleBits(0, -400));
    }
}

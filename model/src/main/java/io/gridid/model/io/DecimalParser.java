package io.gridid.model.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict, exact decimal-number parsing of a CSV field given as bytes (ASCII).
 *
 * <p>Grammar, after trimming spaces and tabs: {@code [+-]? (D+ ('.' D*)? | '.' D+) ([eE] [+-]? D+)?}.
 * An empty field or {@code NaN} (any case) is a missing reading; {@code Infinity}/{@code inf} with an
 * optional sign is {@link Status#INFINITE}; anything else ({@code 1,5}, {@code 0x10}, {@code 1d}, ...)
 * is {@link Status#INVALID}. A value whose magnitude overflows to infinity is INFINITE too.
 *
 * <p>Results are correctly rounded, bit for bit what {@link Double#parseDouble} returns. Three paths:
 * <ol>
 *   <li>digits forming an integer of at most 2^53 with a decimal exponent within &plusmn;22: one correctly
 *       rounded multiplication or division of two exactly representable doubles (Clinger 1990);</li>
 *   <li>otherwise, up to 19 significant digits with a decimal exponent in [{@value EiselLemire#MIN_EXPONENT},
 *       {@value EiselLemire#MAX_EXPONENT}]: the Eisel-Lemire algorithm ({@link EiselLemire}), which
 *       declines the rare inputs it cannot round with certainty;</li>
 *   <li>everything else (more than 19 significant digits, subnormal or overflowing results, the declined
 *       cases): {@link Double#parseDouble}.</li>
 * </ol>
 *
 * <p>Not thread-safe: one instance per read; {@link #status()} describes the last call.
 */
final class DecimalParser {
    /** What the last {@link #parse} call found. */
    enum Status { VALUE, MISSING, INVALID, INFINITE }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /** Mantissas up to 2^53 are exact doubles. */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    /**
     * Digits are accumulated while the mantissa is below this (unsigned), so that it holds up to 19
     * significant digits exactly: 10^19 - 1 &lt; 2^64.
     */
    private static final long MANTISSA_LIMIT = 1_000_000_000_000_000_000L;

    /** Eight more digits are taken at once while the mantissa is below this: 10^11 * 10^8 = 10^19. */
    private static final long SWAR_MANTISSA_LIMIT = 100_000_000_000L;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Status status = Status.MISSING;

    Status status() {
        return status;
    }

    /** Parses the text of a (Java) string; see {@link #parse(byte[], int, int)}. */
    double parse(String text) {
        int n = text.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            b[i] = c < 128 ? (byte) c : (byte) 0x80; // any non-ASCII char makes the field invalid
        }
        return parse(b, 0, n);
    }

    /**
     * Parses {@code b[from, to)}. Returns the value for {@link Status#VALUE}, NaN otherwise.
     * Never throws for any content.
     */
    double parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        if (from == to) {
            status = Status.MISSING;
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        boolean dropped = false;  // a non-zero digit did not fit in the mantissa
        int scale = 0;            // power of ten to apply to the mantissa
        int start = i;
        while (i < to && isDigit(b[i])) {
            if (Long.compareUnsigned(mantissa, MANTISSA_LIMIT) < 0) {
                mantissa = mantissa * 10 + (b[i] - '0');
            } else {
                scale++;
                dropped |= b[i] != '0';
            }
            i++;
        }
        int digits = i - start;
        if (i < to && b[i] == '.') {
            i++;
            int fractionStart = i;
            // eight digits at a time while all eight fit in the mantissa (it has at most 11 digits)
            while (i + 8 <= to && Long.compareUnsigned(mantissa, SWAR_MANTISSA_LIMIT) < 0) {
                long eight = (long) LITTLE_ENDIAN_LONGS.get(b, i);
                if (!isEightDigits(eight)) {
                    break;
                }
                mantissa = mantissa * 100_000_000L + eightDigits(eight);
                scale -= 8;
                i += 8;
            }
            while (i < to && isDigit(b[i])) {
                if (Long.compareUnsigned(mantissa, MANTISSA_LIMIT) < 0) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    scale--;
                } else {
                    dropped |= b[i] != '0';
                }
                i++;
            }
            digits += i - fractionStart;
        }
        if (digits == 0) {
            return special(b, from, to);
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i == to) {
                status = Status.INVALID;
                return Double.NaN;
            }
            while (i < to && isDigit(b[i])) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            status = Status.INVALID;
            return Double.NaN;
        }
        status = Status.VALUE;
        int power = exponent + scale;
        if (!dropped) {
            if (mantissa >= 0 && mantissa <= MAX_EXACT_MANTISSA && power >= -22 && power <= 22) {
                double value = mantissa;
                value = power >= 0 ? value * POW10[power] : value / POW10[-power];
                return negative ? -value : value;
            }
            long bits = EiselLemire.toDoubleBits(mantissa, power);
            if (bits != EiselLemire.DECLINED) {
                double value = Double.longBitsToDouble(bits);
                return negative ? -value : value;
            }
        }
        double value = Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(value)) {
            status = Status.INFINITE;
            return Double.NaN;
        }
        return value; // parseDouble handled the sign
    }

    private double special(byte[] b, int from, int to) {
        int i = from;
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        if (i == from && equalsIgnoreCase(b, i, to, "nan")) {
            status = Status.MISSING;
        } else if (equalsIgnoreCase(b, i, to, "infinity") || equalsIgnoreCase(b, i, to, "inf")) {
            status = Status.INFINITE;
        } else {
            status = Status.INVALID;
        }
        return Double.NaN;
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int c = b[from + k] | 0x20; // ASCII lower case (harmless for non-letters: they never match)
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether all eight bytes of a little-endian load are ASCII digits (D. Lemire's SWAR test). */
    private static boolean isEightDigits(long v) {
        return ((v & 0xF0F0_F0F0_F0F0_F0F0L) | (((v + 0x0606_0606_0606_0606L) & 0xF0F0_F0F0_F0F0_F0F0L) >>> 4))
                == 0x3333_3333_3333_3333L;
    }

    /** The value of eight ASCII digits loaded little-endian (first digit in the low byte), in three multiplications. */
    private static long eightDigits(long v) {
        long mask = 0x0000_00FF_0000_00FFL;
        long mul1 = 0x000F_4240_0000_0064L; // 100 + (1,000,000 << 32)
        long mul2 = 0x0000_2710_0000_0001L; // 1 + (10,000 << 32)
        v -= 0x3030_3030_3030_3030L;
        v = (v * 10) + (v >>> 8); // pairs of digits
        return (((v & mask) * mul1) + (((v >>> 16) & mask) * mul2)) >>> 32;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}

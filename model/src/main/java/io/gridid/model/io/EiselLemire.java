package io.gridid.model.io;

import java.math.BigInteger;

/**
 * The Eisel-Lemire algorithm: the double nearest to {@code w * 10^q} for a decimal significand
 * {@code w} of up to 19 digits (an unsigned 64-bit integer), from one or two 64 x 64-bit products
 * with a 128-bit truncated approximation of {@code 10^q} (D. Lemire, "Number parsing at a gigabyte
 * per second", Software: Practice and Experience 51(8), 2021; the checks follow N. Tao's
 * description and Go's {@code strconv.eiselLemire64}, which decline whatever they cannot round with
 * certainty).
 *
 * <p>It declines ({@link #DECLINED}) when the truncation error could change the rounding, when the
 * value sits on what may be a halfway point, and when the result is subnormal, zero by underflow,
 * or overflows: the caller then asks {@link Double#parseDouble}. For 17-digit numbers such as
 * {@link Double#toString} prints, declining is rare (measured in the tests).
 *
 * <p>The table of powers of ten is computed once, exactly, with {@link BigInteger} when the class
 * is loaded (696 entries, under a millisecond or so); it is never written afterwards.
 */
final class EiselLemire {
    /** Returned when the algorithm cannot decide; not the bits of any double it returns. */
    static final long DECLINED = -1L;
    /** Smallest decimal exponent the table covers (below it a 19-digit significand underflows). */
    static final int MIN_EXPONENT = -348;
    /** Largest decimal exponent the table covers (above it every significand overflows). */
    static final int MAX_EXPONENT = 347;

    /** High and low 64 bits of 10^q normalized to [2^127, 2^128), truncated: index q - MIN_EXPONENT. */
    private static final long[] HIGH = new long[MAX_EXPONENT - MIN_EXPONENT + 1];
    private static final long[] LOW = new long[MAX_EXPONENT - MIN_EXPONENT + 1];

    static {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXPONENT; q <= MAX_EXPONENT; q++) {
            BigInteger m;
            if (q >= 0) {
                BigInteger p = BigInteger.TEN.pow(q);
                int shift = 128 - p.bitLength();
                m = shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift);
            } else {
                BigInteger p = BigInteger.TEN.pow(-q);
                // floor(2^(L + 127) / 10^-q) lies in [2^127, 2^128) for L = bitLength(10^-q)
                m = BigInteger.ONE.shiftLeft(p.bitLength() + 127).divide(p);
            }
            HIGH[q - MIN_EXPONENT] = m.shiftRight(64).longValue();
            LOW[q - MIN_EXPONENT] = m.and(mask64).longValue();
        }
    }

    private EiselLemire() {
    }

    /**
     * The bits of the (positive) double nearest to {@code w * 10^q}, ties to even, or {@link #DECLINED}.
     *
     * @param w the significand as an unsigned 64-bit integer (exact decimal digits, at most 19)
     * @param q the decimal exponent
     */
    static long toDoubleBits(long w, int q) {
        if (w == 0) {
            return 0L;
        }
        if (q < MIN_EXPONENT || q > MAX_EXPONENT) {
            return DECLINED;
        }
        int index = q - MIN_EXPONENT;
        // normalization: the significand's top bit set
        int clz = Long.numberOfLeadingZeros(w);
        long man = w << clz;
        // 217706 / 2^16 ~ log2(10): floor(q log2 10) for |q| within the table
        long exp2 = ((217_706L * q) >> 16) + 64 + 1023 - clz;

        // multiplication by the high 64 bits of 10^q
        long xHi = unsignedMultiplyHigh(man, HIGH[index]);
        long xLo = man * HIGH[index];
        // wider approximation: the low bits are all ones, the product of the truncated part may carry
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, LOW[index]);
            long yLo = man * LOW[index];
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return DECLINED;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        // shifting to 54 bits
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        // halfway ambiguity: the discarded bits may be exactly one half
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return DECLINED;
        }
        // from 54 to 53 bits, ties to even
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        // subnormal, underflow or overflow: leave it to the JDK
        if (exp2 <= 0 || exp2 >= 0x7FF) {
            return DECLINED;
        }
        return (exp2 << 52) | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}

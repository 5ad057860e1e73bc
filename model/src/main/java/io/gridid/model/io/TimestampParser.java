package io.gridid.model.io;

/**
 * Parses the contract's timestamps from ASCII bytes into seconds since the epoch, without
 * allocating: {@code yyyy-MM-ddTHH:mm[:ss]} followed by {@code Z} or an offset ({@code +01:00},
 * {@code +0100}, {@code +01}), or the same without offset (also with a space instead of
 * {@code T}), which is local time and is stored as if it were UTC wall-clock time. Seconds may
 * carry a fraction of zeros only ({@code :00.000}); surrounding spaces are ignored.
 *
 * <p>Not thread-safe: one instance per read; {@link #isLocal()} describes the last successful call.
 */
final class TimestampParser {
    /** Returned for text that is not a valid timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private boolean local;

    /** Whether the last successfully parsed timestamp had no offset. */
    boolean isLocal() {
        return local;
    }

    long parse(String text) {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = c < 128 ? (byte) c : (byte) 0x80;
        }
        return parse(b, 0, b.length);
    }

    /** Epoch seconds of {@code b[from, to)}, or {@link #INVALID}. */
    long parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        // yyyy-MM-dd?HH:mm = 16 characters at least
        if (to - from < 16) {
            return INVALID;
        }
        int i = from;
        int year = digits(b, i, 4);
        int month = digits(b, i + 5, 2);
        int day = digits(b, i + 8, 2);
        int hour = digits(b, i + 11, 2);
        int minute = digits(b, i + 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0
                || b[i + 4] != '-' || b[i + 7] != '-' || (b[i + 10] != 'T' && b[i + 10] != ' ')
                || b[i + 13] != ':') {
            return INVALID;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
            return INVALID;
        }
        i += 16;
        int second = 0;
        if (i < to && b[i] == ':') {
            if (i + 3 > to) {
                return INVALID;
            }
            second = digits(b, i + 1, 2);
            if (second < 0 || second > 59) {
                return INVALID;
            }
            i += 3;
            if (i < to && (b[i] == '.' || b[i] == ',')) {
                i++;
                int start = i;
                while (i < to && b[i] == '0') {
                    i++;
                }
                if (i == start || (i < to && b[i] >= '0' && b[i] <= '9')) {
                    return INVALID; // no digits, or a non-zero fraction of a second
                }
            }
        }
        int offset = 0;
        boolean isLocal;
        if (i == to) {
            isLocal = true;
        } else if ((b[i] == 'Z' || b[i] == 'z') && i + 1 == to) {
            isLocal = false;
        } else if (b[i] == '+' || b[i] == '-') {
            int sign = b[i] == '-' ? -1 : 1;
            int rest = to - i - 1;
            int oh;
            int om = 0;
            if (rest == 2) {
                oh = digits(b, i + 1, 2);
            } else if (rest == 4) {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 3, 2);
            } else if (rest == 5 && b[i + 3] == ':') {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 4, 2);
            } else {
                return INVALID;
            }
            if (oh < 0 || om < 0 || om > 59) {
                return INVALID;
            }
            offset = sign * (oh * 3600 + om * 60);
            if (Math.abs(offset) > MAX_OFFSET_SECONDS) {
                return INVALID;
            }
            isLocal = false;
        } else {
            return INVALID;
        }
        local = isLocal;
        long days = daysFromCivil(year, month, day);
        return days * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}

package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;

import java.util.Locale;

/**
 * What a read's dense columns cost, and the refusal of a file they would not fit: meters times
 * intervals cells, each {@link #BYTES_PER_CELL} bytes by the end of a read, however few of them the
 * file fills (30,000 meters each reporting once at its own minute make 9e8 cells from 1.2 MB).
 */
final class DenseTable {
    /**
     * Bytes a (meter, interval) cell takes at least by the end of a read: V, P and Q as doubles in the
     * reader's columns and again in the {@link MeterData} built from them.
     */
    static final long BYTES_PER_CELL = 48;

    private DenseTable() {
    }

    /** The one-line refusal: what the table needs, what the heap allows, how full it is, what to do. */
    static InvalidInputException refusal(String file, long line, int meters, int intervals, long rows, long memoryBytes) {
        long cells = (long) meters * intervals;
        return new InvalidInputException(file, line, String.format(Locale.ROOT,
                "%d meters x %d intervals so far need at least %s as a dense table, more than the %s this Java heap"
                        + " may take; %.3g %% of those cells have a reading: meters on different clocks? put the"
                        + " timestamps on one interval grid, or raise the heap (e.g. GRIDID_JAVA_OPTS=-Xmx%dg)",
                meters, intervals, bytes(cells * BYTES_PER_CELL), bytes(memoryBytes), 100.0 * rows / cells,
                Math.max(2, (cells * BYTES_PER_CELL * 2 >> 30) + 1)));
    }

    /** Bytes as MB or GB, three significant digits. */
    static String bytes(long n) {
        return n >= 1L << 30 ? String.format(Locale.ROOT, "%.3g GB", n / 1e9) : String.format(Locale.ROOT, "%.3g MB", n / 1e6);
    }
}

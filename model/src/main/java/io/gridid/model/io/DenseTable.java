package io.gridid.model.io;

import io.gridid.model.InvalidInputException;

import java.util.Locale;

/**
 * What a read's dense columns cost, and the refusal of a file they would not fit, or that would fill
 * only a sliver of them: meters times intervals cells, each {@link #BYTES_PER_CELL} bytes by the end
 * of a read, however few of them the file fills (30,000 meters each reporting once at its own minute
 * make 9e8 cells from 1.2 MB). So a read's memory stays bounded by the file's content.
 */
final class DenseTable {
    /**
     * Bytes a (meter, interval) cell may take during a read: V, P and Q as doubles (24), held up to
     * twice while a chunked read merges its chunks' columns into one table.
     */
    static final long BYTES_PER_CELL = 48;

    /** A table below this many cells is never too sparse (2^24 cells: 805 MB). */
    static final long SPARSE_MIN_CELLS = 1L << 24;
    /** Cells per row above which a table is too sparse to hold (below 1/64, 1.6 %, of the cells filled). */
    static final long SPARSE_CELLS_PER_ROW = 64;

    private DenseTable() {
    }

    /**
     * Whether a table of {@code cells} for {@code rows} rows is so sparse that holding it would cost
     * memory out of all proportion to the file (whatever the heap): more than {@link #SPARSE_MIN_CELLS}
     * cells and more than {@link #SPARSE_CELLS_PER_ROW} per row.
     */
    static boolean tooSparse(long cells, long rows) {
        return cells > SPARSE_MIN_CELLS && cells > SPARSE_CELLS_PER_ROW * rows;
    }

    /** The one-line refusal: what the table needs, what the heap allows or how empty it is, what to do. */
    static InvalidInputException refusal(String file, long line, int meters, int intervals, long rows, long memoryBytes) {
        long cells = (long) meters * intervals;
        if (cells * BYTES_PER_CELL <= memoryBytes) {
            return new InvalidInputException(file, line, String.format(Locale.ROOT,
                    "%d meters x %d intervals so far make a dense table of %s of which only %.3g %% of the cells have"
                            + " a reading: meters on different clocks? put the timestamps on one interval grid",
                    meters, intervals, bytes(cells * BYTES_PER_CELL), 100.0 * rows / cells));
        }
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

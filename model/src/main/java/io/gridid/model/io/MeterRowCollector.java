package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.Units;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Receives the parsed rows of one {@code meters.csv} (from either parser), checks each row, and
 * stores its readings in growable primitive columns, one per meter and quantity, indexed by interval
 * in order of first appearance (8 bytes a value plus one presence bit). {@link #finish} sorts the
 * intervals, builds the {@link MeterData} and lists the warnings.
 *
 * <p>The row-level messages live here so that both parsers word them identically; unit mix-ups
 * are {@link UnitMistakes}' business.
 */
final class MeterRowCollector {
    /** How many meters a warning names before it says "and N more". */
    static final int NAMED_IN_WARNING = 10;

    private static final int INITIAL_CAPACITY = 64;
    /** Presized columns may take up to this many bytes per byte of input (dense data takes about one). */
    static final double MAX_PRESIZE_PER_FILE_BYTE = 2.0;
    private static final DateTimeFormatter LOCAL_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** Thrown when a (timestamp, meter) cell repeats; the reader then finds the first line. */
    static final class DuplicateReading extends Exception {
        private static final long serialVersionUID = 1L;
        final int meter;
        final long epochSecond;
        final long line;
        final boolean localTimeRepeats;

        DuplicateReading(int meter, long epochSecond, long line, boolean localTimeRepeats) {
            super(null, null, false, false);
            this.meter = meter;
            this.epochSecond = epochSecond;
            this.line = line;
            this.localTimeRepeats = localTimeRepeats;
        }
    }

    /** The current row's text, asked for only to word an error. */
    interface RowText {
        String field(int index);
    }

    private final String file;
    private final MeterCsvLayout layout;
    private final double baseKv;
    private final UnitMistakes mistakes;
    private final long memoryBytes;
    private final long maxCells;

    private final List<String> meterIds = new ArrayList<>();
    private final Map<String, Integer> meterIndex = new HashMap<>();
    private double[][] v = new double[16][];
    private double[][] p = new double[16][];
    private double[][] q = new double[16][];
    private long[][] present = new long[16][];

    private final Map<Long, Integer> intervalIndex = new HashMap<>();
    private long[] epochs = new long[INITIAL_CAPACITY];
    private int intervalCount;
    private int expectedIntervals;
    private long presizeBudgetBytes;
    private long lastEpoch = Long.MIN_VALUE;
    private int lastInterval = -1;
    private long maxEpoch = Long.MIN_VALUE;
    private boolean unsorted;

    private long formLine;         // first data line, fixes local vs offset form
    private boolean localForm;
    private long rows;

    private int probeMeter = -1;
    private long probeEpoch;

    /**
     * @param memoryBytes the memory the reading may take at most (the Java heap's limit): a file whose
     *                    meters times intervals would need more as dense columns is refused early
     */
    MeterRowCollector(String file, MeterCsvLayout layout, double baseKv, long memoryBytes) {
        this.file = file;
        this.layout = layout;
        this.baseKv = baseKv;
        this.memoryBytes = memoryBytes;
        this.maxCells = memoryBytes / DenseTable.BYTES_PER_CELL;
        this.mistakes = new UnitMistakes(file, layout, baseKv, meterIds);
    }

    /**
     * Turns this collector into a probe: {@link #add} throws {@link DuplicateReading} at the first row
     * of the given cell, whose line is the first occurrence of a duplicate found earlier.
     */
    void probe(int meter, long epochSecond) {
        probeMeter = meter;
        probeEpoch = epochSecond;
    }

    MeterCsvLayout layout() {
        return layout;
    }

    long rows() {
        return rows;
    }

    List<String> meterIds() {
        return meterIds;
    }

    /** An empty collector for the same file, layout and base voltage (a chunk's, in a chunked read). */
    MeterRowCollector emptyCopy() {
        return new MeterRowCollector(file, layout, baseKv, memoryBytes);
    }

    /** Whether a row so far showed a unit mistake (raised only by {@link #finish}). */
    boolean hasUnitMistake() {
        return mistakes.hasOffense();
    }

    /**
     * Index of a meter id, registering it on first sight; the id must pass {@link BusId}'s rule. (An
     * id that is not valid UTF-8 the parsers refuse with {@link #notUtf8}; a literal U+FFFD is a
     * character like any.)
     */
    int meter(String id, long line) throws InvalidInputException {
        Integer known = meterIndex.get(id);
        if (known != null) {
            return known;
        }
        String stripped = id.strip();
        if (!stripped.equals(id)) {
            return meter(stripped, line);
        }
        String problem = BusId.problem(id, "meter_id");
        if (problem != null) {
            throw new InvalidInputException(file, line, problem);
        }
        return register(id, Math.max(INITIAL_CAPACITY, intervalCount));
    }

    /** Adds a (checked) meter id with all-missing columns of the given capacity; returns its index. */
    private int register(String id, int capacity) {
        int m = meterIds.size();
        meterIds.add(id);
        meterIndex.put(id, m);
        if (m == v.length) {
            int n = m * 2;
            v = Arrays.copyOf(v, n);
            p = Arrays.copyOf(p, n);
            q = Arrays.copyOf(q, n);
            present = Arrays.copyOf(present, n);
        }
        v[m] = nanArray(capacity);
        p[m] = nanArray(capacity);
        q[m] = nanArray(capacity);
        present[m] = new long[(capacity + 63) >>> 6];
        return m;
    }

    /** The index of an interval, registering it on first sight. */
    private int interval(long epochSecond) {
        Integer known = intervalIndex.get(epochSecond);
        if (known != null) {
            return known;
        }
        int t = intervalCount++;
        if (t == epochs.length) {
            epochs = Arrays.copyOf(epochs, t * 2);
        }
        epochs[t] = epochSecond;
        intervalIndex.put(epochSecond, t);
        return t;
    }

    /**
     * The collector one sequential read of the parts' rows, in the parts' order, would have filled:
     * meters and intervals in order of first appearance, the same readings, row count, time form and
     * order flag. The parts must be clean (no unit mistake; the caller checks). Returns null when the
     * parts conflict, i.e. a (meter, interval) cell appears in two parts or parts use different
     * timestamp forms: the sequential read then finds and words the error. Drops each part's columns
     * once copied, so that parts and merged columns together hold at most about 1 + (parts - 1) / parts
     * times the readings (below the 2 times that {@link #finish} needs anyway).
     *
     * @param firstLines the physical line number, in the file, of each part's first line
     */
    static MeterRowCollector merge(List<MeterRowCollector> parts, long[] firstLines) {
        MeterRowCollector merged = parts.get(0).emptyCopy();
        boolean formKnown = false;
        long maxBefore = Long.MIN_VALUE;
        int[][] toMerged = new int[parts.size()][];
        for (int k = 0; k < parts.size(); k++) {
            MeterRowCollector part = parts.get(k);
            if (part.rows == 0) {
                continue;
            }
            if (!formKnown) {
                formKnown = true;
                merged.localForm = part.localForm;
                merged.formLine = firstLines[k] - 1 + part.formLine;
            } else if (part.localForm != merged.localForm) {
                return null;
            }
            merged.rows += part.rows;
            long minEpoch = Long.MAX_VALUE;
            int[] map = new int[part.intervalCount];
            for (int t = 0; t < part.intervalCount; t++) {
                map[t] = merged.interval(part.epochs[t]);
                minEpoch = Math.min(minEpoch, part.epochs[t]);
            }
            toMerged[k] = map;
            // a row is out of order when it precedes any earlier row, within its part or before it
            merged.unsorted |= part.unsorted || minEpoch < maxBefore;
            maxBefore = Math.max(maxBefore, part.maxEpoch);
        }
        merged.maxEpoch = maxBefore;
        int tCount = merged.intervalCount;
        long meters = parts.stream().flatMap(p -> p.meterIds.stream()).distinct().count();
        if (meters * tCount > merged.maxCells || DenseTable.tooSparse(meters * tCount, merged.rows)) {
            return null; // the sequential read words it, at the line where the table outgrew the memory
        }
        for (int k = 0; k < parts.size(); k++) {
            MeterRowCollector part = parts.get(k);
            int[] map = toMerged[k];
            for (int i = 0; i < part.meterIds.size(); i++) {
                Integer known = merged.meterIndex.get(part.meterIds.get(i));
                int m = known != null ? known : merged.register(part.meterIds.get(i), tCount);
                double[] pv = part.v[i];
                double[] pp = part.p[i];
                double[] pq = part.q[i];
                long[] bits = part.present[i];
                double[] mv = merged.v[m];
                double[] mp = merged.p[m];
                double[] mq = merged.q[m];
                long[] mBits = merged.present[m];
                // a meter's column ends at its last reading (it is never padded to the part's intervals)
                int columnEnd = Math.min(part.intervalCount, pv.length);
                for (int t = 0; t < columnEnd; t++) {
                    if ((bits[t >>> 6] & (1L << t)) == 0) {
                        continue;
                    }
                    int g = map[t];
                    long bit = 1L << g;
                    if ((mBits[g >>> 6] & bit) != 0) {
                        return null;
                    }
                    mBits[g >>> 6] |= bit;
                    mv[g] = pv[t];
                    mp[g] = pp[t];
                    mq[g] = pq[t];
                }
                part.v[i] = null;
                part.p[i] = null;
                part.q[i] = null;
                part.present[i] = null;
            }
        }
        return merged;
    }

    /**
     * Stores one row.
     *
     * @param volt    voltage as written (p.u. or kV), NaN if missing
     * @param pKw     active power as written, kW
     * @param qKvar   reactive power as written, kvar
     */
    void add(long line, long epochSecond, boolean local, int m, double volt, double pKw, double qKvar, RowText text)
            throws InvalidInputException, DuplicateReading {
        if (rows == 0) {
            formLine = line;
            localForm = local;
        } else if (local != localForm) {
            throw new InvalidInputException(file, line, (local ? "local timestamp without offset" : "timestamp with offset")
                    + " '" + text.field(layout.timestamp).strip() + "', but line " + formLine + " is "
                    + (localForm ? "local time" : "offset/UTC time") + "; use one form throughout");
        }
        if (m == probeMeter && epochSecond == probeEpoch) {
            throw new DuplicateReading(m, epochSecond, line, false);
        }
        rows++;
        int t;
        if (epochSecond == lastEpoch) {
            t = lastInterval;
        } else {
            t = interval(epochSecond);
            lastEpoch = epochSecond;
            lastInterval = t;
        }
        long cells = (long) meterIds.size() * intervalCount;
        if (cells > maxCells || DenseTable.tooSparse(cells, rows)) {
            throw tooLarge(line);
        }
        long maxBefore = maxEpoch;
        if (epochSecond < maxEpoch) {
            unsorted = true;
        } else {
            maxEpoch = epochSecond;
        }
        if (t >= v[m].length) {
            grow(m, t);
        }
        long bit = 1L << t;
        if ((present[m][t >>> 6] & bit) != 0) {
            throw new DuplicateReading(m, epochSecond, line, local && maxBefore > epochSecond);
        }
        present[m][t >>> 6] |= bit;
        if (!Double.isNaN(volt)) {
            if (!(volt > 0)) {
                throw new InvalidInputException(file, line, layout.voltageColumn() + " = "
                        + text.field(layout.voltage).strip()
                        + " is not a voltage; write a missing reading as an empty field or NaN");
            }
            v[m][t] = layout.perUnit ? Units.puToKv(volt, baseKv) : volt;
        }
        if (!Double.isNaN(pKw)) {
            p[m][t] = Units.kwToMw(pKw);
        }
        if (!Double.isNaN(qKvar)) {
            q[m][t] = Units.kwToMw(qKvar);
        }
        mistakes.row(line, m, volt, pKw, qKvar, text);
    }

    /**
     * A guess of the number of intervals from the file's size (the fast path makes it once the first
     * interval is read), so that columns grow once instead of a dozen times. A wrong guess (a file
     * sorted by meter, say) is harmless: columns jump to the guess only while all meters' columns at
     * that size stay within {@link #MAX_PRESIZE_PER_FILE_BYTE} bytes per byte of file.
     */
    void expectIntervals(long estimate, long fileBytes) {
        expectedIntervals = (int) Math.min(estimate, Integer.MAX_VALUE - 8);
        presizeBudgetBytes = (long) (MAX_PRESIZE_PER_FILE_BYTE * fileBytes);
    }

    private void grow(int m, int t) {
        int n = Math.max(t + 1, v[m].length + (v[m].length >> 1));
        if (expectedIntervals > n
                && 24.0 * expectedIntervals * meterIds.size() <= presizeBudgetBytes) {
            n = expectedIntervals;
        }
        int old = v[m].length;
        v[m] = Arrays.copyOf(v[m], n);
        p[m] = Arrays.copyOf(p[m], n);
        q[m] = Arrays.copyOf(q[m], n);
        Arrays.fill(v[m], old, n, Double.NaN);
        Arrays.fill(p[m], old, n, Double.NaN);
        Arrays.fill(q[m], old, n, Double.NaN);
        present[m] = Arrays.copyOf(present[m], (n + 63) >>> 6);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The refusal of a file whose meters times intervals do not fit the memory as a dense table. */
    InvalidInputException tooLarge(long line) {
        return DenseTable.refusal(file, line, meterIds.size(), intervalCount, rows, memoryBytes);
    }

    /** An interval as the file wrote it: local wall clock or UTC instant. */
    private String when(long epochSecond) {
        return localForm
                ? LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(LOCAL_FORMAT)
                : Instant.ofEpochSecond(epochSecond).toString();
    }

    /** The duplicate's message, given the line of the first reading of the cell. */
    InvalidInputException duplicateMessage(DuplicateReading d, long firstLine) {
        String when = when(d.epochSecond);
        String reason = "duplicate reading for meter " + meterIds.get(d.meter) + " at " + when + " (first on line "
                + firstLine + ")";
        if (d.localTimeRepeats) {
            reason += "; local time repeats (DST?) — use UTC or offsets";
        }
        return new InvalidInputException(file, d.line, reason);
    }

    /** After the last row: plausibility, then the aligned data and the warnings. */
    MeterFile finish() throws InvalidInputException {
        if (rows == 0) {
            throw new InvalidInputException(file, 0, "header only, no data rows");
        }
        mistakes.throwFirst();
        mistakes.checkLineToNeutral(v, intervalCount);
        mistakes.checkFeederTotal(v, p, q, epochs, intervalCount, this::when);
        int tCount = intervalCount;
        Integer[] order = new Integer[tCount];
        for (int t = 0; t < tCount; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Long.compare(epochs[a], epochs[b]));
        long[] sorted = new long[tCount];
        for (int k = 0; k < tCount; k++) {
            sorted[k] = epochs[order[k]];
        }
        boolean inOrder = true;
        for (int k = 0; k < tCount && inOrder; k++) {
            inOrder = order[k] == k;
        }
        int n = meterIds.size();
        MeterData.Builder builder = MeterData.builder(meterIds, sorted);
        List<String> partial = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // meter, first and last interval of a partial meter
        List<String> flat = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            int count = 0;
            int readings = 0;
            int voltages = 0;
            double first = Double.NaN;
            boolean varies = false;
            double[] vm = v[m];
            double[] pm = p[m];
            double[] qm = q[m];
            long[] bits = present[m];
            int firstK = -1;
            int lastK = -1;
            for (int k = 0; k < tCount; k++) {
                int t = order[k];
                // a column ends where its meter's last reading so far was (columns are not padded)
                if (t >= vm.length || (bits[t >>> 6] & (1L << t)) == 0) {
                    continue;
                }
                if (firstK < 0) {
                    firstK = k;
                }
                lastK = k;
                count++;
                double vv = vm[t];
                if (!inOrder) {
                    builder.set(m, k, vv, pm[t], qm[t]);
                }
                if (!Double.isNaN(vv) || !Double.isNaN(pm[t]) || !Double.isNaN(qm[t])) {
                    readings++;
                }
                if (!Double.isNaN(vv)) {
                    if (voltages++ == 0) {
                        first = vv;
                    } else if (vv != first) {
                        varies = true;
                    }
                }
            }
            if (inOrder && count > 0) {
                // a cell without a reading is NaN in the column as in the builder: the column moves in whole,
                // without a copy when it has the final length (a chunked read's merged columns have)
                if (vm.length == tCount) {
                    builder.moveColumns(m, vm, pm, qm);
                } else {
                    builder.setColumns(m, vm, pm, qm, Math.min(vm.length, tCount));
                }
            }
            // the column is in the builder now: dropped here, so that the read holds the readings about once
            v[m] = null;
            p[m] = null;
            q[m] = null;
            present[m] = null;
            String id = meterIds.get(m);
            if (count < tCount) {
                partial.add(id + " (" + count + " of " + tCount + ", " + when(sorted[firstK])
                        + (lastK > firstK ? " to " + when(sorted[lastK]) : "") + ")");
                spans.add(new int[] {m, firstK, lastK});
            }
            if (readings == 0) {
                empty.add(id);
            } else if (voltages >= 2 && !varies) {
                flat.add(id);
            }
        }
        List<Warning> warnings = ReadWarnings.of(partial, spans, meterIds, flat, empty, sorted);
        if (unsorted) {
            warnings.add(Warning.of(WarningCode.ROWS_UNSORTED, "rows were not in time order; sorted by timestamp"));
        }
        MeterData data = builder.build();
        Warning rounded = ReadWarnings.rounded(data);
        if (rounded != null) {
            warnings.add(rounded);
        }
        return new MeterFile(data, layout.voltageColumn(), rows, warnings);
    }
}

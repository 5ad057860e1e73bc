package io.gridid.model.io;

import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path for the contract's plain layout: UTF-8 without BOM, comma-delimited, no quotes,
 * LF or CRLF line ends. Parses bytes in place (no per-row objects): a row's timestamp text is
 * compared with the previous row's and parsed only when it changed; meter ids are looked up by
 * their bytes; numbers go through {@link DecimalParser}. Anything else (a quote, a lone CR) aborts
 * with {@link NotPlain} before a row is reported wrong, and the reader starts over with
 * {@link CommonsMeterCsvParser}, the parser of record.
 *
 * <p>Besides the whole file ({@link #parse}), it reads the header alone ({@link #parseHeader}) and
 * a run of whole lines after it ({@link #parseChunk}), for {@link ChunkedMeterCsvParser}.
 *
 * <p>One instance per read (or per chunk).
 */
final class PlainMeterCsvParser implements MeterRowCollector.RowText {
    /** The input needs the general CSV parser. */
    static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** Longest line accepted, bytes: a meter row is under a hundred. */
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 1 << 18;

    /** Called with the header's fields; returns the collector for the rows. */
    interface Start {
        MeterRowCollector begin(List<String> header, long line) throws InvalidInputException;
    }

    private final String file;
    private final Start start;
    private final DecimalParser numbers = new DecimalParser();
    private final TimestampParser timestamps = new TimestampParser();

    private byte[] buf = new byte[BUFFER_BYTES];
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];

    // meter ids by bytes: open addressing, slot = collector index + 1, 0 = free
    private int[] slots = new int[64];
    private byte[][] keys = new byte[16][];
    private int[] keyHash = new int[16];
    private int[] rowsIndex = new int[16]; // the collector's index of each key
    private int keyCount;

    private byte[] lastTimestamp = new byte[64];
    private int lastTimestampLength = -1;
    private long lastEpoch;
    private boolean lastLocal;

    private final long fileBytes;
    private long discarded;        // bytes dropped from the front of buf so far
    private long firstDataOffset;  // offset of the line after the header
    private long intervalStart = -1; // offset of the first row known to start an interval, -1 = none yet
    private boolean presized;
    private long remaining = Long.MAX_VALUE; // bytes still to read from the stream
    private long lines;            // physical lines read

    /**
     * @param fileBytes the size of what {@link #parse} or {@link #parseChunk} reads, for a guess of the
     *                  interval count (0 = unknown)
     */
    PlainMeterCsvParser(String file, Start start, long fileBytes) {
        this.file = file;
        this.start = start;
        this.fileBytes = fileBytes;
    }

    /** Whether {@code buf[from, to)} is valid UTF-8 (asked only of an id that decoded with a U+FFFD in it). */
    private boolean validUtf8(int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public String field(int index) {
        return new String(buf, fieldStart[index], fieldEnd[index] - fieldStart[index], StandardCharsets.UTF_8);
    }

    /** Reads everything after an optional BOM (which the caller has ruled out); returns the filled collector. */
    MeterRowCollector parse(InputStream in)
            throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading, NotPlain {
        return parse(in, null, false);
    }

    /**
     * Reads up to and including the header line; returns the (empty) collector made for it, or null
     * for a file without one. Then {@link #dataOffset()} and {@link #lines()} say where the rows start.
     */
    MeterRowCollector parseHeader(InputStream in)
            throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading, NotPlain {
        return parse(in, null, true);
    }

    /**
     * Reads the rows in the next {@code length} bytes of {@code in}, which start at the beginning of a
     * line after the header, into {@code rows}; line numbers in messages count from the chunk's start.
     */
    void parseChunk(InputStream in, long length, MeterRowCollector rows)
            throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading, NotPlain {
        remaining = length;
        parse(in, rows, false);
    }

    /** Offset (bytes from the stream's start) of the line after the header, after {@link #parseHeader}. */
    long dataOffset() {
        return firstDataOffset;
    }

    /** Physical lines read so far. */
    long lines() {
        return lines;
    }

    private MeterRowCollector parse(InputStream in, MeterRowCollector given, boolean headerOnly)
            throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading, NotPlain {
        MeterRowCollector rows = given;
        MeterCsvLayout layout = given == null ? null : given.layout();
        int len = 0;        // bytes in buf
        int pos = 0;        // start of the current line
        boolean eof = false;
        long line = 0;
        while (true) {
            // find the end of the line starting at pos, recording field boundaries
            int i = pos;
            int nf = 0;
            int cr = -1;
            fieldStart[0] = pos;
            boolean terminated;
            while (true) {
                if (i == len) {
                    if (eof) {
                        terminated = false;
                        break;
                    }
                    int shift = pos;
                    if (shift > 0) {
                        discarded += shift;
                        System.arraycopy(buf, pos, buf, 0, len - pos);
                        len -= shift;
                        i -= shift;
                        pos = 0;
                        if (cr >= 0) {
                            cr -= shift;
                        }
                        for (int k = 0; k <= nf; k++) {
                            fieldStart[k] -= shift;
                            if (k < nf) {
                                fieldEnd[k] -= shift;
                            }
                        }
                    }
                    if (len == buf.length) {
                        if (buf.length >= MAX_LINE_BYTES) {
                            throw new InvalidInputException(file, line + 1, "line longer than " + MAX_LINE_BYTES
                                    + " bytes; not a meter CSV file?");
                        }
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = remaining == 0 ? -1 : in.read(buf, len, (int) Math.min(buf.length - len, remaining));
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                        remaining -= n;
                    }
                    continue;
                }
                byte c = buf[i];
                if (c > ',') {
                    i++;
                    continue;
                }
                if (c == ',') {
                    fieldEnd[nf] = i;
                    nf++;
                    if (nf == fieldStart.length) {
                        fieldStart = Arrays.copyOf(fieldStart, nf * 2);
                        fieldEnd = Arrays.copyOf(fieldEnd, nf * 2);
                    }
                    fieldStart[nf] = i + 1;
                } else if (c == '\n') {
                    terminated = true;
                    break;
                } else if (c == '"') {
                    throw new NotPlain();
                } else if (c == '\r') {
                    if (cr >= 0) {
                        throw new NotPlain();
                    }
                    cr = i;
                } else if (c == 0) {
                    throw MeterCsvRefusals.nulByte(file, line + 1);
                }
                i++;
            }
            int end = i;
            if (cr >= 0) {
                if (terminated && cr == i - 1) {
                    end = cr;
                } else {
                    throw new NotPlain(); // a CR that does not end a line: old Mac line ends or stray CR
                }
            }
            fieldEnd[nf] = end;
            int fields = nf + 1;
            if (!terminated && end == pos) {
                break; // end of file
            }
            line++;
            lines = line;
            int lineStart = pos;
            pos = terminated ? i + 1 : i;
            if (end == fieldStart[0]) {
                // blank line
            } else if (layout == null) {
                List<String> header = new ArrayList<>(fields);
                for (int k = 0; k < fields; k++) {
                    header.add(field(k));
                }
                rows = start.begin(header, line);
                layout = rows.layout();
                firstDataOffset = discarded + pos;
                intervalStart = firstDataOffset;
                if (headerOnly) {
                    return rows;
                }
            } else {
                if (fields != layout.fieldCount) {
                    throw MeterCsvRefusals.wrongFieldCount(file, line, fields, layout.fieldCount, !terminated);
                }
                row(rows, layout, line, discarded + lineStart);
            }
            if (!terminated) {
                break;
            }
        }
        return rows;
    }

    private void row(MeterRowCollector rows, MeterCsvLayout layout, long line, long offset)
            throws InvalidInputException, MeterRowCollector.DuplicateReading {
        int ts = layout.timestamp;
        int from = fieldStart[ts];
        int tsLength = fieldEnd[ts] - from;
        if (tsLength != lastTimestampLength
                || !Arrays.equals(buf, from, from + tsLength, lastTimestamp, 0, tsLength)) {
            long epoch = timestamps.parse(buf, from, from + tsLength);
            if (epoch == TimestampParser.INVALID) {
                throw MeterCsvRefusals.badTimestamp(file, line, field(ts));
            }
            if (lastTimestampLength >= 0 && !presized) {
                if (intervalStart < 0) {
                    intervalStart = offset; // a chunk's first interval may have begun in the chunk before
                } else {
                    // the first whole interval ended here: guess the interval count from the bytes it took
                    presized = true;
                    long firstInterval = offset - intervalStart;
                    if (firstInterval > 0 && fileBytes > intervalStart) {
                        long estimate = (fileBytes - intervalStart) / firstInterval;
                        rows.expectIntervals(estimate + estimate / 16 + 16, fileBytes);
                    }
                }
            }
            if (tsLength > lastTimestamp.length) {
                lastTimestamp = new byte[tsLength * 2];
            }
            System.arraycopy(buf, from, lastTimestamp, 0, tsLength);
            lastTimestampLength = tsLength;
            lastEpoch = epoch;
            lastLocal = timestamps.isLocal();
        }
        int meter = meter(rows, layout.meterId, line);
        double v = number(rows, layout.voltage, line);
        double p = number(rows, layout.activePower, line);
        double q = number(rows, layout.reactivePower, line);
        rows.add(line, lastEpoch, lastLocal, meter, v, p, q, this);
    }

    private double number(MeterRowCollector rows, int column, long line) throws InvalidInputException {
        double value = numbers.parse(buf, fieldStart[column], fieldEnd[column]);
        DecimalParser.Status s = numbers.status();
        if (s == DecimalParser.Status.VALUE || s == DecimalParser.Status.MISSING) {
            return value;
        }
        throw MeterCsvRefusals.badNumber(file, line, rows.layout().nameOf(column), field(column), s);
    }

    private int meter(MeterRowCollector rows, int column, long line) throws InvalidInputException {
        int from = fieldStart[column];
        int to = fieldEnd[column];
        int h = 1;
        for (int k = from; k < to; k++) {
            h = 31 * h + buf[k];
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        int s = h & mask;
        while (true) {
            int slot = slots[s];
            if (slot == 0) {
                break;
            }
            int key = slot - 1;
            byte[] k = keys[key];
            if (keyHash[key] == h && k.length == to - from && Arrays.equals(buf, from, to, k, 0, k.length)) {
                return rowsIndex[key];
            }
            s = (s + 1) & mask;
        }
        String id = field(column);
        if (id.indexOf('\uFFFD') >= 0 && !validUtf8(from, to)) {
            throw MeterCsvRefusals.notUtf8(file, line);
        }
        int index = rows.meter(id, line);
        if (keyCount == keys.length) {
            keys = Arrays.copyOf(keys, keyCount * 2);
            keyHash = Arrays.copyOf(keyHash, keyCount * 2);
            rowsIndex = Arrays.copyOf(rowsIndex, keyCount * 2);
        }
        keys[keyCount] = Arrays.copyOfRange(buf, from, to);
        keyHash[keyCount] = h;
        rowsIndex[keyCount] = index;
        slots[s] = ++keyCount;
        if (keyCount * 2 > slots.length) {
            rehash();
        }
        return index;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int key = 0; key < keyCount; key++) {
            int s = keyHash[key] & mask;
            while (bigger[s] != 0) {
                s = (s + 1) & mask;
            }
            bigger[s] = key + 1;
        }
        slots = bigger;
    }
}

package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The general path: Apache Commons CSV, the parser of record, for everything the plain fast path
 * does not take (quoted fields, a byte-order mark, another delimiter, lone CR line ends). Reports a
 * record's first physical line; rows go to the same {@link MeterRowCollector} as the fast path's,
 * so both paths give identical data and messages.
 *
 * <p>One instance per read.
 */
final class CommonsMeterCsvParser implements MeterRowCollector.RowText {
    private final String file;
    private final char delimiter;
    private final PlainMeterCsvParser.Start start;
    private final DecimalParser numbers = new DecimalParser();
    private final TimestampParser timestamps = new TimestampParser();
    private CSVRecord record;
    private String lastTimestamp;
    private long lastEpoch;
    private boolean lastLocal;

    CommonsMeterCsvParser(String file, char delimiter, PlainMeterCsvParser.Start start) {
        this.file = file;
        this.delimiter = delimiter;
        this.start = start;
    }

    /**
     * Bytes that are not UTF-8 decode to this noncharacter, so that an id with them is told from one
     * with a literal U+FFFD; every field is shown with U+FFFD in its place, as the fast path shows it.
     */
    static final char MALFORMED = '\uFFFF';

    @Override
    public String field(int index) {
        return record.get(index).replace(MALFORMED, '\uFFFD');
    }

    /** A record (quoted line breaks included) longer than the fast path's line limit. */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        RecordTooLong(long line) {
            super("record from line " + line + " too long");
            this.line = line;
        }
    }

    /**
     * Remembers the last character read, to tell whether the file ends with a line break, and bounds
     * a record (quotes followed, so a quoted field's line breaks do not end it) to
     * {@link PlainMeterCsvParser#MAX_LINE_BYTES} characters: Commons CSV holds a whole record in
     * memory, and a 100 MB quoted field would otherwise be read whole.
     */
    private static final class TailReader extends FilterReader {
        int last = -1;
        private boolean inQuotes;
        private boolean afterCr;
        private long line = 1;
        private long recordLine = 1;
        private long recordChars;

        TailReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                last = c;
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            if (n > 0) {
                last = cbuf[off + n - 1];
                for (int i = off; i < off + n; i++) {
                    see(cbuf[i]);
                }
            }
            return n;
        }

        private void see(char c) throws RecordTooLong {
            boolean crlf = c == '\n' && afterCr;
            afterCr = c == '\r';
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (c == '\n' || c == '\r') {
                if (!crlf) {
                    line++;
                }
                if (!inQuotes) {
                    recordChars = 0;
                    recordLine = line;
                    return;
                }
            }
            if (++recordChars > PlainMeterCsvParser.MAX_LINE_BYTES) {
                throw new RecordTooLong(recordLine);
            }
        }
    }

    /** Reads the text after an optional BOM (which the caller has skipped). */
    MeterRowCollector parse(InputStream in) throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading {
        TailReader reader = new TailReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(MALFORMED))));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        MeterRowCollector rows = null;
        MeterCsvLayout layout = null;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(line, e);
                }
                int fields = record.size();
                for (int k = 0; k < fields; k++) {
                    if (record.get(k).indexOf('\0') >= 0) {
                        throw MeterCsvRefusals.nulByte(file, line);
                    }
                }
                if (fields == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (layout == null) {
                    List<String> header = new ArrayList<>(fields);
                    for (int k = 0; k < fields; k++) {
                        header.add(field(k));
                    }
                    rows = start.begin(header, line);
                    layout = rows.layout();
                    continue;
                }
                if (fields != layout.fieldCount) {
                    boolean lastUnterminated;
                    try {
                        lastUnterminated = !it.hasNext() && reader.last != '\n' && reader.last != '\r';
                    } catch (UncheckedIOException | IllegalStateException e) {
                        lastUnterminated = false;
                    }
                    throw MeterCsvRefusals.wrongFieldCount(file, line, fields, layout.fieldCount, lastUnterminated);
                }
                row(rows, layout, line);
            }
        } catch (RecordTooLong r) {
            throw malformed(r.line, new UncheckedIOException(r));
        }
        return rows;
    }

    private InvalidInputException malformed(long line, RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RecordTooLong r) {
                return new InvalidInputException(file, r.line, "line longer than " + PlainMeterCsvParser.MAX_LINE_BYTES
                        + " bytes; not a meter CSV file?");
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF")) {
            return new InvalidInputException(file, line, "a quoted field opened here is never closed");
        }
        return new InvalidInputException(file, line, "malformed quoted field (text after a closing quote?)");
    }

    private void row(MeterRowCollector rows, MeterCsvLayout layout, long line)
            throws InvalidInputException, MeterRowCollector.DuplicateReading {
        String ts = field(layout.timestamp);
        if (!ts.equals(lastTimestamp)) {
            long epoch = timestamps.parse(ts);
            if (epoch == TimestampParser.INVALID) {
                throw MeterCsvRefusals.badTimestamp(file, line, ts);
            }
            lastTimestamp = ts;
            lastEpoch = epoch;
            lastLocal = timestamps.isLocal();
        }
        String id = record.get(layout.meterId);
        if (id.indexOf(MALFORMED) >= 0) {
            throw MeterCsvRefusals.notUtf8(file, line);
        }
        int meter = rows.meter(id, line);
        double v = number(rows, layout.voltage, line);
        double p = number(rows, layout.activePower, line);
        double q = number(rows, layout.reactivePower, line);
        rows.add(line, lastEpoch, lastLocal, meter, v, p, q, this);
    }

    private double number(MeterRowCollector rows, int column, long line) throws InvalidInputException {
        String text = field(column);
        if (delimiter != ',' && text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
            // a decimal comma (European exports, delimiter ';'): the one comma is the decimal point
            text = text.replace(',', '.');
        }
        double value = numbers.parse(text);
        DecimalParser.Status s = numbers.status();
        if (s == DecimalParser.Status.VALUE || s == DecimalParser.Status.MISSING) {
            return value;
        }
        throw MeterCsvRefusals.badNumber(file, line, rows.layout().nameOf(column), text, s);
    }
}

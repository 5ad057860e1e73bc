package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code meters.csv} (data contract v1) into aligned {@link MeterData}: kV line-to-line,
 * MW, Mvar, missing = NaN, intervals = sorted union of the file's timestamps, meters in order of
 * first appearance.
 *
 * <p>The header is required; names match case-insensitively (surrounding spaces ignored), in any
 * order; extra columns are ignored. {@code timestamp}, {@code meter_id}, {@code v_pu} xor
 * {@code v_kv}, {@code p_kw}, {@code q_kvar}. {@code v_pu} needs {@link Options#baseKv()}.
 * Timestamps: {@code 2026-01-01T00:15:00Z}, {@code 2026-01-01T00:15:00+01:00}, or local
 * {@code 2026-01-01 00:15[:00]} (also with {@code T}), stored as epoch seconds; local times count
 * as UTC wall-clock times, and a file mixing local and offset forms is rejected. Instants are
 * compared, so {@code 00:00+01:00} and {@code 23:00Z} of the day before are the same interval. An
 * empty field or {@code NaN} is a missing reading; blank lines are skipped. UTF-8, an optional BOM,
 * LF, CRLF or CR line ends, quoted fields.
 *
 * <p>Every problem is one {@link InvalidInputException} {@code FILE:LINE: reason} (LINE 1-based,
 * physical; the first line of a multi-line record), or {@code FILE: reason} for the whole file.
 * The reader never guesses: a unit mix-up it can see (volts in {@code v_pu}, W in {@code p_kw}) is
 * an error naming the likely mistake, checked after the file parsed cleanly. What deserves a look
 * without being wrong is listed in {@link MeterFile#warnings()}.
 *
 * <p>Streams: the plain contract layout is parsed from bytes by a fast path; anything else by
 * Apache Commons CSV. Readings are stored in primitive columns (8 bytes a value). Thread-safe
 * (stateless between calls).
 */
public final class MeterCsvReader {
    private static final int SNIFF_BYTES = 1 << 16;

    /**
     * @param baseKv    nominal line-to-line voltage, kV, needed for {@code v_pu} (and used to check
     *                  {@code v_kv}); NaN when not given
     * @param delimiter field delimiter; null = the contract's comma, and a header that is plainly
     *                  semicolon- or tab-delimited is rejected with the option to give
     */
    public record Options(double baseKv, Character delimiter) {
        public Options {
            if (!Double.isNaN(baseKv) && !(baseKv > 0 && baseKv < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("baseKv must be positive and finite, or NaN: " + baseKv);
            }
            if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
            }
        }

        /** No base voltage, comma delimiter. */
        public static Options defaults() {
            return new Options(Double.NaN, null);
        }

        public Options withBaseKv(double kv) {
            return new Options(kv, delimiter);
        }

        public Options withDelimiter(Character d) {
            return new Options(baseKv, d);
        }
    }

    /** Which parser reads a file (package-private: tests compare the two). */
    enum Parser { AUTO, COMMONS }

    private final Options options;

    public MeterCsvReader(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * @param file a {@code meters.csv}; its name appears in messages as given
     * @throws InvalidInputException any problem with the content, one line {@code FILE:LINE: reason}
     * @throws IOException           the file cannot be read (or changed while it was read)
     */
    public MeterFile read(Path file) throws InvalidInputException, IOException {
        return read(file, Parser.AUTO);
    }

    MeterFile read(Path file, Parser parser) throws InvalidInputException, IOException {
        String name = file.toString();
        Sniff sniff = sniff(file, name);
        char delimiter = options.delimiter() == null ? ',' : options.delimiter();
        boolean plain = parser == Parser.AUTO && !sniff.bom && delimiter == ',';
        MeterRowCollector rows;
        try {
            rows = run(file, name, sniff, delimiter, plain, null, new MeterRowCollector[1]);
        } catch (MeterRowCollector.DuplicateReading d) {
            // rare: read again up to the first reading of the cell, to name its line
            MeterRowCollector[] probe = new MeterRowCollector[1];
            try {
                run(file, name, sniff, delimiter, plain, d, probe);
                throw new IOException(name + " changed while it was read");
            } catch (MeterRowCollector.DuplicateReading first) {
                throw probe[0].duplicateMessage(d, first.line);
            }
        }
        if (rows == null) {
            throw new InvalidInputException(name, 0, "empty file");
        }
        return rows.finish();
    }

    private MeterRowCollector run(Path file, String name, Sniff sniff, char delimiter, boolean plain,
                                  MeterRowCollector.DuplicateReading probe, MeterRowCollector[] made)
            throws IOException, InvalidInputException, MeterRowCollector.DuplicateReading {
        PlainMeterCsvParser.Start start = (header, line) -> {
            MeterCsvLayout layout = MeterCsvLayout.of(header, name, line);
            if (layout.perUnit && Double.isNaN(options.baseKv())) {
                throw new InvalidInputException(name, line, "v_pu needs the feeder's nominal voltage: give --base-kv");
            }
            MeterRowCollector c = new MeterRowCollector(name, layout, options.baseKv());
            if (probe != null) {
                c.probe(probe.meter, probe.epochSecond);
            }
            made[0] = c;
            return c;
        };
        if (plain) {
            try (InputStream in = Files.newInputStream(file)) {
                return new PlainMeterCsvParser(name, start, Files.size(file)).parse(in);
            } catch (PlainMeterCsvParser.NotPlain notPlain) {
                // quotes or stray CRs: the parser of record reads it from the start
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (sniff.bom) {
                in.skipNBytes(3);
            }
            return new CommonsMeterCsvParser(name, delimiter, start).parse(in);
        }
    }

    private static boolean contains(byte[] head, int from, int n, char c) {
        for (int k = from; k < n && head[k] != '\n' && head[k] != '\r'; k++) {
            if (head[k] == c) {
                return true;
            }
        }
        return false;
    }

    private static String shown(char c) {
        return c == '\t' ? "'\\t'" : "'" + c + "'";
    }

    private static final class Sniff {
        boolean bom;
    }

    /** Looks at the first bytes: empty, compressed, BOM, and the delimiter of the first line. */
    private Sniff sniff(Path file, String name) throws IOException, InvalidInputException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        Sniff s = new Sniff();
        int n = head.length;
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new InvalidInputException(name, 0, "gzip-compressed; decompress it first");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InvalidInputException(name, 0, "a ZIP archive (an Excel workbook?), not CSV text; export it as CSV");
        }
        long nulLine = 1;
        for (int k = 0; k < n; k++) {
            byte c = head[k];
            if (c == 0) {
                throw MeterRowCollector.nulByte(name, nulLine);
            }
            if (c == '\n' || (c == '\r' && (k + 1 >= n || head[k + 1] != '\n'))) {
                nulLine++;
            }
        }
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            s.bom = true;
            i = 3;
        }
        // first non-blank line
        long line = 1;
        while (i < n && (head[i] == '\n' || head[i] == '\r')) {
            if (head[i] == '\n' || (head[i] == '\r' && (i + 1 >= n || head[i + 1] != '\n'))) {
                line++;
            }
            i++;
        }
        if (i == n) {
            if (n == SNIFF_BYTES) {
                return s; // 64 KiB of line breaks: let the parser find what follows
            }
            throw new InvalidInputException(name, 0, "empty file");
        }
        boolean comma = false;
        boolean semicolon = false;
        boolean tab = false;
        for (int k = i; k < n && head[k] != '\n' && head[k] != '\r'; k++) {
            byte c = head[k];
            comma |= c == ',';
            semicolon |= c == ';';
            tab |= c == '\t';
        }
        char given = options.delimiter() == null ? ',' : options.delimiter();
        if (options.delimiter() != null && given != ',' && comma && !contains(head, i, n, given)) {
            throw new InvalidInputException(name, line, "no " + shown(given) + " in the header but commas;"
                    + " comma-delimited? then drop --delimiter");
        }
        if (options.delimiter() == null && !comma) {
            if (semicolon) {
                throw new InvalidInputException(name, line, "semicolon-delimited; rerun with --delimiter ';'");
            }
            if (tab) {
                throw new InvalidInputException(name, line, "tab-delimited; rerun with --delimiter '\\t'");
            }
        }
        return s;
    }
}

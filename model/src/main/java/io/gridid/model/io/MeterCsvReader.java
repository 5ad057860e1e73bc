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
 * without being wrong is listed in {@link MeterFile#warnings()}: among them every meter that does not
 * cover every interval, with its count and its first and last interval.
 *
 * <p>Meter ids are kept as written (surrounding whitespace aside); an id that is empty or all spaces
 * (no-break spaces included), holds a control character, is longer than 256 characters or is not
 * UTF-8 is refused. Voltages are held to one plausibility rule, 0.5 to 2 times nominal ({@code v_pu}
 * directly, {@code v_kv} against the base voltage when one is given; a file whose mean v_kv is near
 * 1/&radic;3 or &radic;3 times it is line-to-neutral kV where line-to-line is meant). Memory: a file
 * whose meters times intervals would need more than the Java heap as dense columns (48 bytes a cell
 * while reading), or would fill less than 1/64 of more than 2^24 cells, is refused at the row where
 * that becomes certain, saying what it would need; a record longer than 1 MiB is refused on either
 * parser.
 *
 * <p>Streams: the plain contract layout is parsed from bytes by a fast path, on
 * {@link Options#threads()} threads for a file of at least {@value #MIN_CHUNK_BYTES} bytes a thread
 * (chunks cut at line starts, merged in file order; the data, messages and warnings are those of a
 * sequential read, which is what runs whenever a chunk meets anything but clean rows); anything
 * else by Apache Commons CSV. Readings are stored in primitive columns (8 bytes a value).
 * Thread-safe (stateless between calls).
 */
public final class MeterCsvReader {
    private static final int SNIFF_BYTES = 1 << 16;
    /**
     * Smallest chunk worth a thread, bytes: below it, starting a thread and merging cost more than
     * parsing the chunk (parsing runs at about 100-300 MB/s a core, i.e. 4 MiB in 15-40 ms).
     */
    static final long MIN_CHUNK_BYTES = 4L << 20;
    /** Chunks of a {@link Parser#CHUNKED} read (tests: many chunks on small files). */
    static final int TEST_CHUNKS = 4;

    /**
     * @param baseKv    nominal line-to-line voltage, kV, needed for {@code v_pu} (and used to check
     *                  {@code v_kv}); NaN when not given
     * @param delimiter field delimiter; null = the contract's comma, and a header that is plainly
     *                  semicolon- or tab-delimited is rejected with the option to give
     * @param threads   threads for the plain layout's fast path: 0 = all available processors, 1 =
     *                  sequential; results are the same for every value
     */
    public record Options(double baseKv, Character delimiter, int threads) {
        public Options {
            if (!Double.isNaN(baseKv) && !(baseKv > 0 && baseKv < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("baseKv must be positive and finite, or NaN: " + baseKv);
            }
            if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be 0 (all processors) or positive: " + threads);
            }
        }

        /** All processors. */
        public Options(double baseKv, Character delimiter) {
            this(baseKv, delimiter, 0);
        }

        /** No base voltage, comma delimiter, all processors. */
        public static Options defaults() {
            return new Options(Double.NaN, null, 0);
        }

        public Options withBaseKv(double kv) {
            return new Options(kv, delimiter, threads);
        }

        public Options withDelimiter(Character d) {
            return new Options(baseKv, d, threads);
        }

        public Options withThreads(int n) {
            return new Options(baseKv, delimiter, n);
        }
    }

    /**
     * Which parser reads a file (package-private: tests compare them): AUTO = fast path (chunked by
     * the options and the file's size) with Commons CSV as fallback; CHUNKED = the same, but always in
     * {@link #TEST_CHUNKS} chunks, however small the file; COMMONS = Commons CSV alone.
     */
    enum Parser { AUTO, CHUNKED, COMMONS }

    private final Options options;
    private final long memoryBytes;

    /** A reader that may take the Java heap's limit ({@link Runtime#maxMemory()}). */
    public MeterCsvReader(Options options) {
        this(options, Runtime.getRuntime().maxMemory());
    }

    /**
     * @param memoryBytes memory the readings may take: a file whose meters times intervals need more
     *                    as a dense table is refused as soon as that is certain, with what it would need
     */
    MeterCsvReader(Options options, long memoryBytes) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + memoryBytes);
        }
        this.memoryBytes = memoryBytes;
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
        return read(file, parser, chunks(parser, Files.size(file)));
    }

    /** Chunks for the fast path: one a thread, each of at least {@link #MIN_CHUNK_BYTES}; 1 = sequential. */
    int chunks(Parser parser, long fileBytes) {
        if (parser == Parser.CHUNKED) {
            return TEST_CHUNKS;
        }
        if (parser != Parser.AUTO) {
            return 1;
        }
        int threads = options.threads() == 0 ? Runtime.getRuntime().availableProcessors() : options.threads();
        return (int) Math.max(1, Math.min(threads, fileBytes / MIN_CHUNK_BYTES));
    }

    /** A read with the fast path in the given number of chunks (1 = sequential), for tests. */
    MeterFile read(Path file, Parser parser, int chunks) throws InvalidInputException, IOException {
        return read(file, parser, chunks, false);
    }

    /**
     * @param chunkedOnly tests: return null instead of falling back to the sequential read
     */
    MeterFile read(Path file, Parser parser, int chunks, boolean chunkedOnly) throws InvalidInputException, IOException {
        String name = file.toString();
        Sniff sniff = sniff(file, name);
        char delimiter = options.delimiter() == null ? ',' : options.delimiter();
        boolean plain = parser != Parser.COMMONS && !sniff.bom && delimiter == ',';
        if (plain && chunks > 1) {
            MeterRowCollector merged = ChunkedMeterCsvParser.parse(file, name, start(name, null, new MeterRowCollector[1]),
                    chunks);
            if (merged != null) {
                return merged.finish();
            }
        }
        if (chunkedOnly) {
            return null;
        }
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
        PlainMeterCsvParser.Start start = start(name, probe, made);
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

    /** What the parsers call with the header: checks it and makes the collector (kept in {@code made[0]}). */
    private PlainMeterCsvParser.Start start(String name, MeterRowCollector.DuplicateReading probe,
                                            MeterRowCollector[] made) {
        return (header, line) -> {
            MeterCsvLayout layout = MeterCsvLayout.of(header, name, line);
            if (layout.perUnit && Double.isNaN(options.baseKv())) {
                throw new InvalidInputException(name, line, "v_pu needs the feeder's nominal voltage: give --base-kv");
            }
            MeterRowCollector c = new MeterRowCollector(name, layout, options.baseKv(), memoryBytes);
            if (probe != null) {
                c.probe(probe.meter, probe.epochSecond);
            }
            made[0] = c;
            return c;
        };
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
                throw MeterCsvRefusals.nulByte(name, nulLine);
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

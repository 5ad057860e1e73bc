package io.gridid.model.io;

import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plain-layout fast path on several threads: the header is read first, the rest of the file is
 * cut into chunks at line starts, each chunk is parsed by its own {@link PlainMeterCsvParser} into
 * its own {@link MeterRowCollector}, and {@link MeterRowCollector#merge} joins them in file order
 * into the collector a sequential read fills.
 *
 * <p>Only clean files are read this way. Anything else declines ({@link #parse} returns null) and
 * the caller reads the file sequentially, which then finds and words the first problem exactly as
 * it always does: a chunk that meets an error, a quote or stray CR, a unit mistake or a duplicate
 * cell; a cell repeated across chunks; timestamp forms that differ between chunks. So the parallel
 * read can only change speed, never data, messages or warnings; a bad file costs the chunked
 * attempt plus a sequential read.
 *
 * <p>Memory: each thread keeps one read buffer (256 KiB, growing only for a longer line); the
 * readings are held once in the chunks' columns, then moved part by part into the merged ones, so
 * the peak is at most about 1 + (chunks - 1) / chunks times the readings, during the merge;
 * {@link MeterRowCollector#finish} then moves them meter by meter into the {@code MeterData}.
 *
 * <p>Threads: one pool of {@code chunks - 1} daemon threads per read (the calling thread parses the
 * first chunk), shut down before returning; nothing is shared between chunks but the file.
 */
final class ChunkedMeterCsvParser {
    /** Bytes read at a time while looking for the line break after a cut point. */
    private static final int SCAN_BYTES = 1 << 12;

    private ChunkedMeterCsvParser() {
    }

    /**
     * @param chunks number of chunks (and threads), at least 2
     * @return the merged collector of a clean file (the caller calls {@link MeterRowCollector#finish}),
     *         or null: read the file sequentially
     * @throws IOException the file cannot be read
     */
    static MeterRowCollector parse(Path file, String name, PlainMeterCsvParser.Start start, int chunks)
            throws IOException {
        if (chunks < 2) {
            throw new IllegalArgumentException("chunks must be at least 2: " + chunks);
        }
        long size = Files.size(file);
        PlainMeterCsvParser headerParser = new PlainMeterCsvParser(name, start, size);
        MeterRowCollector header;
        try (InputStream in = Files.newInputStream(file)) {
            header = headerParser.parseHeader(in);
        } catch (InvalidInputException | MeterRowCollector.DuplicateReading | PlainMeterCsvParser.NotPlain e) {
            return null;
        }
        if (header == null) {
            return null;
        }
        long[] cuts = cuts(file, headerParser.dataOffset(), size, chunks);
        List<MeterRowCollector> parts = new ArrayList<>(chunks);
        long[] lines = new long[chunks];
        ExecutorService pool = Executors.newFixedThreadPool(chunks - 1, r -> {
            Thread t = new Thread(r, "gridid-csv-chunk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> done = new ArrayList<>(chunks);
            for (int k = 0; k < chunks; k++) {
                MeterRowCollector part = header.emptyCopy();
                parts.add(part);
                final int chunk = k;
                if (k > 0) {
                    done.add(pool.submit(() -> parseChunk(file, name, cuts[chunk], cuts[chunk + 1], part, lines, chunk)));
                }
            }
            boolean clean = parseChunk(file, name, cuts[0], cuts[1], parts.get(0), lines, 0);
            for (Future<Boolean> f : done) {
                clean &= f.get();
            }
            if (!clean) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw (Error) cause;
        } finally {
            pool.shutdownNow();
        }
        long[] firstLines = new long[chunks];
        long line = headerParser.lines() + 1;
        for (int k = 0; k < chunks; k++) {
            firstLines[k] = line;
            line += lines[k];
        }
        return MeterRowCollector.merge(parts, firstLines);
    }

    /** Parses {@code [from, to)} into {@code part}; false if the chunk is not clean. */
    private static boolean parseChunk(Path file, String name, long from, long to, MeterRowCollector part,
                                      long[] lines, int chunk) throws IOException {
        if (from == to) {
            return true;
        }
        PlainMeterCsvParser parser = new PlainMeterCsvParser(name, null, to - from);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            parser.parseChunk(in, to - from, part);
        } catch (InvalidInputException | MeterRowCollector.DuplicateReading | PlainMeterCsvParser.NotPlain e) {
            return false;
        }
        lines[chunk] = parser.lines();
        return !part.hasUnitMistake();
    }

    /**
     * Chunk bounds: {@code cuts[0] = dataStart}, {@code cuts[chunks] = size}, and in between the
     * start of the first line at or after each equal share of the bytes (non-decreasing; a chunk
     * may be empty).
     */
    static long[] cuts(Path file, long dataStart, long size, int chunks) throws IOException {
        long[] cuts = new long[chunks + 1];
        cuts[0] = dataStart;
        cuts[chunks] = size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(SCAN_BYTES);
            for (int k = 1; k < chunks; k++) {
                long target = Math.max(cuts[k - 1], dataStart + (size - dataStart) * k / chunks);
                cuts[k] = lineStartAtOrAfter(ch, buf, target, cuts[k - 1], size);
            }
        }
        return cuts;
    }

    /** The smallest line start at or after {@code target} (a line starts after a '\n'), or {@code size}. */
    private static long lineStartAtOrAfter(FileChannel ch, ByteBuffer buf, long target, long floor, long size)
            throws IOException {
        if (target <= floor) {
            return floor;
        }
        long pos = target - 1; // the byte before the line start we look for
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }
}

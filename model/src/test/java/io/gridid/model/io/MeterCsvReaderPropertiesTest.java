package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gridid.model.io.MeterDataAssert.assertBitwiseEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties of the meter reader: random valid data round-trips bit-exactly and reads the same
 * through both parsers; any byte sequence gives a {@link MeterFile} or an
 * {@link InvalidInputException}, never an unchecked exception (tries kept modest: the suite stays fast).
 */
class MeterCsvReaderPropertiesTest {
    static final double BASE_KV = 12.47;
    static final int TRIES = 150;

    private static final MeterCsvReader READER =
            new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(BASE_KV));

    private static Path temp(byte[] content) throws Exception {
        Path f = Files.createTempFile("gridid-prop", ".csv");
        Files.write(f, content);
        return f;
    }

    @Property(tries = TRIES)
    void randomValidDataRoundTrips(@ForAll @IntRange(min = 1, max = 6) int meters,
                                   @ForAll @IntRange(min = 1, max = 12) int intervals,
                                   @ForAll @DoubleRange(min = 0, max = 0.6) double missing,
                                   @ForAll boolean local, @ForAll long seed) throws Exception {
        String text = new RandomMeterCsv(meters, intervals, missing, local, seed).text();
        Path in = temp(text.getBytes(StandardCharsets.UTF_8));
        Path out = Files.createTempFile("gridid-prop", ".csv");
        try {
            MeterFile fast = READER.read(in, MeterCsvReader.Parser.AUTO);
            MeterFile commons = READER.read(in, MeterCsvReader.Parser.COMMONS);
            assertBitwiseEqual(commons.data(), fast.data());
            MeterData d = fast.data();
            assertEquals(meters, d.meterCount());
            assertEquals(intervals, d.intervalCount());
            assertEquals((long) meters * intervals, fast.rows());
            MeterCsvWriter.write(out, d, BASE_KV);
            assertBitwiseEqual(d, READER.read(out).data());
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /**
     * The same readings in another dress (columns permuted, an extra column, header case, CRLF,
     * BOM, quotes, semicolons) read to the same bits as the plain file.
     */
    @Property(tries = TRIES)
    void layoutVariantsReadTheSame(@ForAll @IntRange(min = 1, max = 5) int meters,
                                   @ForAll @IntRange(min = 1, max = 8) int intervals,
                                   @ForAll long seed, @ForAll boolean crlf, @ForAll boolean bom,
                                   @ForAll boolean quoted, @ForAll boolean semicolon, @ForAll boolean upperCase)
            throws Exception {
        String plain = new RandomMeterCsv(meters, intervals, 0.2, false, seed).text();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int[] order = {0, 1, 2, 3, 4, 5}; // 5 = an extra column
        for (int k = order.length - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int x = order[k];
            order[k] = order[j];
            order[j] = x;
        }
        char delimiter = semicolon ? ';' : ',';
        StringBuilder out = new StringBuilder();
        if (bom) {
            out.append('\uFEFF');
        }
        boolean header = true;
        for (String line : plain.split("\n")) {
            String[] f = java.util.Arrays.copyOf(line.split(",", -1), 6);
            f[5] = header ? "Note" : "x" + rnd.nextInt(100);
            if (header && upperCase) {
                for (int k = 0; k < 5; k++) {
                    f[k] = f[k].toUpperCase(java.util.Locale.ROOT);
                }
            }
            for (int k = 0; k < order.length; k++) {
                if (k > 0) {
                    out.append(delimiter);
                }
                out.append(quoted ? "\"" + f[order[k]] + "\"" : f[order[k]]);
            }
            out.append(crlf ? "\r\n" : "\n");
            header = false;
        }
        Path a = temp(plain.getBytes(StandardCharsets.UTF_8));
        Path b = temp(out.toString().getBytes(StandardCharsets.UTF_8));
        try {
            MeterData expected = READER.read(a).data();
            MeterCsvReader variantReader = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(BASE_KV)
                    .withDelimiter(semicolon ? ';' : null));
            assertBitwiseEqual(expected, variantReader.read(b).data());
        } finally {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        }
    }

    @Property(tries = TRIES)
    void anyBytesGiveDataOrInvalidInput(@ForAll @Size(max = 600) byte[] bytes) throws Exception {
        readNeverThrowsUnchecked(bytes);
    }

    @Property(tries = TRIES)
    void mutatedValidFilesGiveDataOrInvalidInput(@ForAll("mutations") List<int[]> edits, @ForAll long seed)
            throws Exception {
        byte[] base = new RandomMeterCsv(3, 3, 0.1, seed % 2 == 0, seed).text().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] current = base;
        for (int[] e : edits) {
            int at = Math.floorMod(e[0], current.length + 1);
            out.reset();
            out.write(current, 0, at);
            switch (e[1]) {
                case 0: // insert
                    out.write(e[2]);
                    out.write(current, at, current.length - at);
                    break;
                case 1: // delete
                    if (at < current.length) {
                        out.write(current, at + 1, current.length - at - 1);
                    }
                    break;
                default: // replace
                    out.write(e[2]);
                    if (at < current.length) {
                        out.write(current, at + 1, current.length - at - 1);
                    }
            }
            current = out.toByteArray();
        }
        readNeverThrowsUnchecked(current);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<Integer> interesting = Arbitraries.of((int) ',', (int) '"', (int) '\n', (int) '\r', 0, (int) ';',
                (int) '\t', (int) ' ', (int) '-', (int) '.', (int) 'e', (int) '9', (int) 'Z', (int) ':', 0xff, 0xef, 0xbb,
                0xbf, 0x80, (int) 'N');
        Arbitrary<int[]> edit = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 2), interesting)
                .as((at, kind, b) -> new int[] {at, kind, b});
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    private static void readNeverThrowsUnchecked(byte[] content) throws Exception {
        Path f = temp(content);
        try {
            for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
                for (Character delimiter : new Character[] {null, ';'}) {
                    try {
                        new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(BASE_KV).withDelimiter(delimiter))
                                .read(f, parser);
                    } catch (InvalidInputException expected) {
                        assertEquals(1, expected.getMessage().lines().count(), "one line: " + expected.getMessage());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}

package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.gridid.model.io.MeterDataAssert.assertBitwiseEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path and Commons CSV give the identical {@link MeterData} (bitwise) on the same content;
 * {@link MeterCsvWriter} &rarr; {@link MeterCsvReader} is bit-exact.
 */
class ParserEquivalenceAndRoundTripTest {
    static final double BASE_KV = 12.47;
    /**
     * Data that did not come from a CSV may hold a double that no text reads back to: x/1000 does
     * not reach every double (neighbouring kW doubles map up to 1.024 ulp apart; measured: 4.9 % of
     * uniform MW values in [-3, 3]), so the first trip moves such a value by one ulp, a relative
     * 2.2e-16 at most. Allow 2 ulps' worth. Data read from a CSV is a fixed point.
     */
    static final double FIRST_TRIP_RELATIVE = 5e-16;

    @TempDir
    Path dir;

    static MeterCsvReader reader() {
        return new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(BASE_KV));
    }

    @ParameterizedTest
    @CsvSource({"1,1,0.0,false,1", "7,50,0.05,false,2", "30,20,0.3,true,3", "3,200,0.0,true,4", "60,40,0.01,false,5"})
    void bothParsersGiveIdenticalData(int meters, int intervals, double missing, boolean local, long seed) throws Exception {
        Path file = new RandomMeterCsv(meters, intervals, missing, local, seed).writeFile(dir.resolve("m.csv"));
        MeterFile fast = reader().read(file, MeterCsvReader.Parser.AUTO);
        MeterFile commons = reader().read(file, MeterCsvReader.Parser.COMMONS);
        assertBitwiseEqual(commons.data(), fast.data());
        assertEquals(commons.rows(), fast.rows());
        assertEquals(commons.warnings(), fast.warnings());
        assertEquals((long) meters * intervals, fast.rows());
    }

    /** Larger than the fast path's first buffer (256 KiB), so lines straddle refills. */
    @Test
    void fileLargerThanTheReadBuffer() throws Exception {
        Path file = new RandomMeterCsv(60, 300, 0.05, false, 77).writeFile(dir.resolve("big.csv"));
        assertTrue(Files.size(file) > 3 * (1 << 18), "file spans several buffers");
        MeterData fast = reader().read(file, MeterCsvReader.Parser.AUTO).data();
        assertBitwiseEqual(reader().read(file, MeterCsvReader.Parser.COMMONS).data(), fast);
        // CRLF pairs straddle refills too, and stay on the fast path
        Path crlf = Files.writeString(dir.resolve("big-crlf.csv"), Files.readString(file).replace("\n", "\r\n"));
        assertBitwiseEqual(fast, reader().read(crlf, MeterCsvReader.Parser.AUTO).data());
    }

    /**
     * A file sorted by meter fools the fast path's guess of the interval count (its "first
     * interval" is one row); the data must not change, only the guess is ignored.
     */
    @Test
    void fileSortedByMeterReadsTheSame() throws Exception {
        String text = new RandomMeterCsv(40, 400, 0.05, false, 78).text();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = lines.remove(0);
        lines.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.split(",")[1].substring(1))));
        lines.add(0, header);
        Path byMeter = Files.writeString(dir.resolve("by-meter.csv"), String.join("\n", lines) + "\n");
        Path byTime = Files.writeString(dir.resolve("by-time.csv"), text);
        MeterFile f = reader().read(byMeter);
        assertBitwiseEqual(reader().read(byTime).data(), f.data());
        assertEquals(List.of(WarningCode.ROWS_UNSORTED), f.warnings().stream().map(Warning::code).toList());
    }

    /** One line longer than the first buffer: the fast path grows it, and the data still agree. */
    @Test
    void longLineGrowsTheBuffer() throws Exception {
        String note = "n".repeat(600_000);
        String text = "timestamp,meter_id,v_pu,p_kw,q_kvar,note\n"
                + "2026-01-01T00:00:00Z,a,1.01,5,1,short\n"
                + "2026-01-01T00:00:00Z,b,0.99,7,2," + note + "\n"
                + "2026-01-01T00:15:00Z,a,1.02,6,1,\n";
        Path file = Files.writeString(dir.resolve("long.csv"), text);
        MeterData fast = reader().read(file, MeterCsvReader.Parser.AUTO).data();
        assertBitwiseEqual(reader().read(file, MeterCsvReader.Parser.COMMONS).data(), fast);
        assertEquals(0.007, fast.pMw(1, 0));
        assertEquals(2, fast.intervalCount());
    }

    @Test
    void aLineOverOneMebibyteIsNotAMeterFile() throws Exception {
        Path file = Files.writeString(dir.resolve("huge.csv"), "timestamp,meter_id,v_pu,p_kw,q_kvar\n"
                + "x".repeat(PlainMeterCsvParser.MAX_LINE_BYTES + 10) + "\n");
        io.gridid.model.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.gridid.model.InvalidInputException.class, () -> reader().read(file));
        assertEquals(file + ":2: line longer than 1048576 bytes; not a meter CSV file?", e.getMessage());
    }

    @Test
    void shuffledRowsGiveTheSameDataThroughBothParsers() throws Exception {
        String text = new RandomMeterCsv(12, 30, 0.1, false, 9).text();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = lines.remove(0);
        java.util.Collections.shuffle(lines, new java.util.Random(3));
        lines.add(0, header);
        Path shuffled = Files.writeString(dir.resolve("s.csv"), String.join("\n", lines) + "\n");
        Path sorted = Files.writeString(dir.resolve("o.csv"), text);
        MeterData a = reader().read(sorted).data();
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            MeterData b = reader().read(shuffled, parser).data();
            assertEquals(a.meterCount(), b.meterCount());
            assertEquals(a.intervalCount(), b.intervalCount());
            for (String id : a.meterIds()) {
                int i = a.indexOf(id);
                int j = b.indexOf(id);
                assertEquals(a.voltagesKv(i).length, b.voltagesKv(j).length);
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        MeterDataAssert.bits(a.voltagesKv(i)), MeterDataAssert.bits(b.voltagesKv(j)));
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        MeterDataAssert.bits(a.activeMw(i)), MeterDataAssert.bits(b.activeMw(j)));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5,30,0.0,11", "20,10,0.2,12", "1,3,0.5,13"})
    void csvBornDataRoundTripsBitExact(int meters, int intervals, double missing, long seed) throws Exception {
        Path file = new RandomMeterCsv(meters, intervals, missing, false, seed).writeFile(dir.resolve("in.csv"));
        MeterData first = reader().read(file).data();
        Path out = dir.resolve("out.csv");
        MeterCsvWriter.write(out, first, BASE_KV);
        MeterData second = reader().read(out).data();
        assertBitwiseEqual(first, second);
    }

    @Test
    void arbitraryDoublesSettleAfterOneTrip() throws Exception {
        SplittableRandom rnd = new SplittableRandom(21);
        List<String> ids = List.of("650", "632", "671", "680");
        long[] times = new long[200];
        for (int t = 0; t < times.length; t++) {
            times[t] = 1_767_225_600L + 3600L * t;
        }
        MeterData.Builder b = MeterData.builder(ids, times);
        for (int m = 0; m < ids.size(); m++) {
            for (int t = 0; t < times.length; t++) {
                b.set(m, t, BASE_KV * rnd.nextDouble(0.9, 1.1), rnd.nextDouble(-0.5, 3), rnd.nextDouble(-0.2, 1));
            }
        }
        MeterData original = b.build();
        Path one = dir.resolve("one.csv");
        MeterCsvWriter.write(one, original, BASE_KV);
        MeterData first = reader().read(one).data();
        for (int m = 0; m < ids.size(); m++) {
            for (int t = 0; t < times.length; t++) {
                assertClose(original.vKv(m, t), first.vKv(m, t));
                assertClose(original.pMw(m, t), first.pMw(m, t));
                assertClose(original.qMvar(m, t), first.qMvar(m, t));
            }
        }
        Path two = dir.resolve("two.csv");
        MeterCsvWriter.write(two, first, BASE_KV);
        assertBitwiseEqual(first, reader().read(two).data());
    }

    private static void assertClose(double expected, double actual) {
        assertTrue(Math.abs(expected - actual) <= FIRST_TRIP_RELATIVE * Math.abs(expected),
                expected + " vs " + actual);
    }
}

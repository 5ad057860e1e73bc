package io.gridid.model.io;

import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files under {@code good-input/} that must read, with every value checked against the numbers
 * written in the file by hand (kV = p.u. &times; base, MW = kW / 1000: the conversions are exact
 * double operations, so equality is exact). Most files hold the same 3 meters &times; 4 intervals
 * in a different dress: offsets, local times, BOM, CRLF, CR, semicolons, quotes, shuffled and extra
 * columns, unsorted rows, blank lines.
 */
class GoodInputCorpusTest {
    static final double BASE_KV = 4.16;
    /** 2026-01-01T00:00:00Z. */
    static final long T0 = 1_767_225_600L;
    static final long STEP = 900;

    static Path file(String name) throws Exception {
        return Path.of(GoodInputCorpusTest.class.getResource("/good-input/" + name).toURI());
    }

    static MeterFile read(String name, MeterCsvReader.Options options, MeterCsvReader.Parser parser) throws Exception {
        return new MeterCsvReader(options).read(file(name), parser);
    }

    static MeterCsvReader.Options pu() {
        return MeterCsvReader.Options.defaults().withBaseKv(BASE_KV);
    }

    /** The canonical content, by hand. */
    static void assertCanonical(MeterData d) {
        assertEquals(List.of("650", "632", "671"), d.meterIds());
        assertArrayEquals(new long[] {T0, T0 + STEP, T0 + 2 * STEP, T0 + 3 * STEP}, d.epochSeconds());
        double nan = Double.NaN;
        assertArrayEquals(new double[] {1.02 * BASE_KV, 1.021 * BASE_KV, 1.019 * BASE_KV, 1.02 * BASE_KV}, d.voltagesKv(0));
        assertArrayEquals(new double[] {nan, nan, nan, nan}, d.activeMw(0));
        assertArrayEquals(new double[] {nan, nan, nan, nan}, d.reactiveMvar(0));
        assertArrayEquals(new double[] {0.987 * BASE_KV, 0.985 * BASE_KV, 0.99 * BASE_KV, 0.986 * BASE_KV}, d.voltagesKv(1));
        assertArrayEquals(new double[] {100 / 1000.0, 120.5 / 1000.0, 90 / 1000.0, 110 / 1000.0}, d.activeMw(1));
        assertArrayEquals(new double[] {30 / 1000.0, 35.25 / 1000.0, 28 / 1000.0, 31 / 1000.0}, d.reactiveMvar(1));
        assertArrayEquals(new double[] {0.97 * BASE_KV, 0.968 * BASE_KV, 0.975 * BASE_KV, 0.971 * BASE_KV}, d.voltagesKv(2));
        assertArrayEquals(new double[] {1155 / 1000.0, 1200 / 1000.0, 1100.5 / 1000.0, 1180 / 1000.0}, d.activeMw(2));
        assertArrayEquals(new double[] {660 / 1000.0, 680 / 1000.0, 640 / 1000.0, 670 / 1000.0}, d.reactiveMvar(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pu-utc.csv", "pu-offset.csv", "pu-local.csv", "pu-bom.csv", "pu-crlf.csv",
        "pu-cr-only.csv", "pu-quoted.csv", "pu-no-final-newline.csv", "pu-blank-lines.csv", "pu-shuffled-extra.csv",
        "pu-trailing-header-spaces.csv"})
    void canonicalContentInEveryDress(String name) throws Exception {
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            MeterFile f = read(name, pu(), parser);
            assertCanonical(f.data());
            assertEquals("v_pu", f.voltageColumn());
            assertEquals(12, f.rows());
            assertEquals(List.of(), f.warnings(), name);
        }
    }

    @Test
    void semicolonExportReadsWithItsDelimiter() throws Exception {
        MeterFile f = read("pu-semicolon.csv", pu().withDelimiter(';'), MeterCsvReader.Parser.AUTO);
        assertCanonical(f.data());
    }

    @Test
    void decimalCommasOfASemicolonExportAreDecimalPoints() throws Exception {
        // pu-semicolon.csv with every decimal point written as a comma
        assertCanonical(read("pu-semicolon-decimal-comma.csv", pu().withDelimiter(';'), MeterCsvReader.Parser.AUTO)
                .data());
    }

    @Test
    void tabDelimitedReadsWithItsDelimiter() throws Exception {
        assertCanonical(read("pu-tab.csv", pu().withDelimiter('\t'), MeterCsvReader.Parser.AUTO).data());
    }

    @Test
    void unsortedRowsAreSortedAndSaidSo() throws Exception {
        MeterFile f = read("pu-unsorted.csv", pu(), MeterCsvReader.Parser.AUTO);
        // meters come in order of first appearance, which the shuffle changed: compare by id
        MeterFile sorted = read("pu-utc.csv", pu(), MeterCsvReader.Parser.AUTO);
        for (String id : sorted.data().meterIds()) {
            int a = f.data().indexOf(id);
            int b = sorted.data().indexOf(id);
            assertArrayEquals(sorted.data().voltagesKv(b), f.data().voltagesKv(a));
            assertArrayEquals(sorted.data().activeMw(b), f.data().activeMw(a));
            assertArrayEquals(sorted.data().reactiveMvar(b), f.data().reactiveMvar(a));
        }
        assertArrayEquals(sorted.data().epochSeconds(), f.data().epochSeconds());
        assertEquals(List.of(WarningCode.ROWS_UNSORTED), f.warnings().stream().map(Warning::code).toList());
    }

    @Test
    void missingReadingsAndTheWarningsTheyDeserve() throws Exception {
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            MeterFile f = read("missing.csv", pu(), parser);
            MeterData d = f.data();
            double nan = Double.NaN;
            assertEquals(List.of("650", "632", "671", "999"), d.meterIds());
            assertArrayEquals(new double[] {nan, 0.985 * BASE_KV, 0.99 * BASE_KV, 0.986 * BASE_KV}, d.voltagesKv(1));
            assertArrayEquals(new double[] {0.1, nan, 0.09, 0.11}, d.activeMw(1));
            assertArrayEquals(new double[] {0.97 * BASE_KV, nan, nan, nan}, d.voltagesKv(2));
            assertArrayEquals(new double[] {nan, nan, nan, nan}, d.activeMw(2));
            assertArrayEquals(new double[] {nan, nan, nan, nan}, d.voltagesKv(3));
            assertEquals(List.of("METERS_PARTIAL [671, 999]", "METERS_FLAT_VOLTAGE [650]", "METERS_EMPTY [999]"),
                    f.warnings().stream().map(w -> w.code() + " " + w.subjects()).toList(), parser.name());
        }
    }

    @Test
    void kilovoltsWithOffsetsAndNumberForms() throws Exception {
        MeterFile f = read("kv-offset.csv", MeterCsvReader.Options.defaults(), MeterCsvReader.Parser.AUTO);
        MeterData d = f.data();
        assertEquals("v_kv", f.voltageColumn());
        // 2026-06-01T10:00:00Z
        assertArrayEquals(new long[] {1_780_308_000L, 1_780_311_600L}, d.epochSeconds());
        assertArrayEquals(new double[] {12.47, 12.46}, d.voltagesKv(0));
        assertArrayEquals(new double[] {-0.0035, 0.007}, d.activeMw(0));
        assertArrayEquals(new double[] {0.4, 0.0005}, d.activeMw(1));
        assertArrayEquals(new double[] {-0.0005, -0.0}, d.reactiveMvar(1));
        assertTrue(f.warnings().isEmpty());
    }

    @Test
    void singleMeterOnAnIrregularGrid() throws Exception {
        MeterFile f = read("single-meter.csv", pu(), MeterCsvReader.Parser.AUTO);
        assertEquals(List.of("only"), f.data().meterIds());
        assertEquals(3, f.data().intervalCount());
        assertEquals(List.of(Warning.of(WarningCode.IRREGULAR_INTERVALS, "intervals are not on a regular grid: steps"
                + " from 3600 s to 7200 s (most common 3600 s); gaps or irregular logging?")), f.warnings());
    }
}

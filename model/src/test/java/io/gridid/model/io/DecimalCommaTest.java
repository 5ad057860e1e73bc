package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A semicolon-separated export with decimal commas reads as the same numbers; a comma file still refuses them. */
class DecimalCommaTest {
    /** A correctly rounded parse then one division by 1000 (kW to MW): within an ulp or two of 0.15 (~3e-17). */
    private static final double KW_TO_MW_ROUNDING = 1e-15;

    @Test
    void decimalCommasAreReadWhenTheDelimiterIsSemicolon(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "timestamp;meter_id;v_kv;p_kw;q_kvar\n"
                + "2026-01-01T00:00:00Z;a;12,47;;\n2026-01-01T00:00:00Z;b;12,3;150,5;-20,25\n"
                + "2026-01-01T01:00:00Z;a;12,5;;\n2026-01-01T01:00:00Z;b;12,31;1e2;3\n");
        MeterData d = new MeterCsvReader(new MeterCsvReader.Options(Double.NaN, ';')).read(f).data();
        int b = d.indexOf("b");
        assertEquals(12.3, d.vKv(b, 0));
        assertEquals(0.1505, d.pMw(b, 0), KW_TO_MW_ROUNDING); // kW to MW
        assertEquals(-0.02025, d.qMvar(b, 0), KW_TO_MW_ROUNDING);
        assertEquals(12.47, d.vKv(d.indexOf("a"), 0));
    }

    @Test
    void aThousandsSeparatorIsNotADecimalComma(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "timestamp;meter_id;v_kv;p_kw;q_kvar\n2026-01-01T00:00:00Z;a;12,47;;\n"
                + "2026-01-01T00:00:00Z;b;12,3;1.150,5;0\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new MeterCsvReader(new MeterCsvReader.Options(Double.NaN, ';')).read(f));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
    }
}

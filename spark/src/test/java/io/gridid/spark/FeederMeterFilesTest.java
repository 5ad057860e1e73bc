package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.io.MeterFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feeder folder of several meter files reads as the one file they were split from. */
class FeederMeterFilesTest {
    private static final String HEADER = "timestamp,meter_id,v_pu,p_kw,q_kvar\n";
    private static final String T0 = "2026-01-01T00:00:00Z";
    private static final String T1 = "2026-01-01T01:00:00Z";

    @TempDir
    Path dir;

    @Test
    void filesSplitByMeterAndByTimeMergeIntoTheWholeFile() throws Exception {
        Path whole = write("whole.csv", HEADER
                + T0 + ",head,1.0,,\n" + T0 + ",a,0.99,10,5\n"
                + T1 + ",head,1.01,,\n" + T1 + ",a,0.98,20,6\n" + T1 + ",b,0.97,30,7\n");
        Path one = write("part-1.csv", HEADER + T0 + ",head,1.0,,\n" + T0 + ",a,0.99,10,5\n");
        Path two = write("part-2.csv", HEADER + T1 + ",head,1.01,,\n" + T1 + ",a,0.98,20,6\n" + T1 + ",b,0.97,30,7\n");
        FeederMeterFiles reader = new FeederMeterFiles(12.0);
        MeterData expected = reader.read(List.of(whole), List.of("whole.csv")).data();
        MeterFile merged = reader.read(List.of(one, two), List.of("f/part-1.csv", "f/part-2.csv"));
        MeterData got = merged.data();
        assertEquals(expected.meterIds(), got.meterIds());
        assertEquals(List.of(expected.epochSeconds()[0], expected.epochSeconds()[1]),
                List.of(got.epochSeconds()[0], got.epochSeconds()[1]));
        for (int m = 0; m < expected.meterCount(); m++) {
            for (int t = 0; t < expected.intervalCount(); t++) {
                assertEquals(expected.vKv(m, t), got.vKv(m, t), 0.0);
                assertEquals(expected.pMw(m, t), got.pMw(m, t), 0.0);
                assertEquals(expected.qMvar(m, t), got.qMvar(m, t), 0.0);
            }
        }
        assertEquals(5, merged.rows());
        assertTrue(Double.isNaN(got.vKv(got.indexOf("b"), 0)), "b has no reading at T0 in either file");
    }

    @Test
    void aReadingInTwoFilesNamesBoth() throws Exception {
        Path one = write("1.csv", HEADER + T0 + ",head,1.0,,\n" + T0 + ",a,0.99,10,5\n");
        Path two = write("2.csv", HEADER + T0 + ",a,0.99,10,5\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new FeederMeterFiles(12.0)
                .read(List.of(one, two), List.of("m/feeder_id=X/1.csv", "m/feeder_id=X/2.csv")));
        assertEquals("m/feeder_id=X/2.csv: meter a at " + T0 + " is also in m/feeder_id=X/1.csv", e.getMessage());
    }

    @Test
    void aBadFileIsNamedAsTheUserNamesIt() throws Exception {
        Path bad = write("bad.csv", HEADER + T0 + ",head,1.0,,\n" + T0 + ",a,zero,10,5\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FeederMeterFiles(12.0).read(List.of(bad), List.of("meters/feeder_id=X/bad.csv")));
        assertEquals("meters/feeder_id=X/bad.csv", e.file());
        assertEquals(3, e.line(), "the header is line 1, the bad row line 3");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}

package io.gridid.spark;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.model.InvalidInputException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The feeders table's conductor libraries, read by the driver: each feeder gets its own, a bad one fails only its feeders. */
class ConductorLibrariesTest {
    @TempDir
    Path tmp;

    @Test
    void eachFeederGetsTheLibraryItNamesAndAnUnreadableOneIsItsProblem() throws Exception {
        Path good = tmp.resolve("lines.csv");
        Files.writeString(good, "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\nA1,0.3,0.4,400\nB2,0.6,0.5,200\n");
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\nA1,0.3,0.4,400\nB2,zero,0.5,200\n");
        Path missing = tmp.resolve("none.csv");
        String table = "feeder_id,root,base_kv,conductors\n"
                + "F1,1,4,builtin\n"
                + "F2,1,4,\n"
                + "F3,1,4," + good + "\n"
                + "F4,1,4," + bad + "\n"
                + "F5,1,4," + missing + "\n"
                + "F6,1,4," + good + "\n";
        List<FleetTable.Feeder> feeders = new ConductorLibraries(new FleetStorage(new Configuration()), "feeders.csv")
                .resolve(FleetTable.read("feeders.csv", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))));

        assertEquals(ConductorLibrary.builtIn().types(), types(feeders.get(0)));
        assertEquals(List.of(), types(feeders.get(1)), "no library named: none");
        assertEquals(ConductorLibrary.read(good).types(), types(feeders.get(2)));
        assertEquals(types(feeders.get(2)), types(feeders.get(5)), "one file, two feeders");
        for (int i : new int[]{0, 1, 2, 5}) {
            assertNull(feeders.get(i).problem(), feeders.get(i).feederId());
        }
        // the library's own message, as ConductorLibrary gives it reading the same file, behind the feeder's line
        String libraryMessage = assertThrows(InvalidInputException.class, () -> ConductorLibrary.read(bad)).getMessage();
        assertEquals("feeders.csv:5: conductors: " + libraryMessage, feeders.get(3).problem());
        assertEquals("feeders.csv:6: conductors: " + missing + ": no such file (or use 'builtin')",
                feeders.get(4).problem());
    }

    private static List<io.gridid.model.ConductorType> types(FleetTable.Feeder f) {
        return f.settings().library().stream().map(FeederSettings.Conductor::toType).toList();
    }
}

package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The feeders and truth tables: any column order, extra columns ignored, one located line per problem. */
class FleetTableTest {
    private static List<FleetTable.Feeder> feeders(String text) throws Exception {
        return FleetTable.read("feeders.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String problem(String text) {
        return assertThrows(InvalidInputException.class, () -> feeders(text)).getMessage();
    }

    @Test
    void readsColumnsInAnyOrderWithExtras() throws Exception {
        assertEquals(List.of(new FleetTable.Feeder("north-1", "650", 4.16), new FleetTable.Feeder("n2", "1", 12.66)),
                feeders("Base_kV,region,feeder_id,root\n4.16,x,north-1,650\n\n12.66,y,n2,1\n"));
    }

    @Test
    void eachProblemIsOneLocatedLine() {
        assertEquals("feeders.csv:1: no 'root' column (the header needs feeder_id,root,base_kv)",
                problem("feeder_id,base_kv\nA,4.16\n"));
        assertEquals("feeders.csv:3: feeder A again (first on line 2)", problem("feeder_id,root,base_kv\nA,1,4\nA,1,4\n"));
        assertEquals("feeders.csv:2: base_kv 'four' is not a number", problem("feeder_id,root,base_kv\nA,1,four\n"));
        assertEquals("feeders.csv:2: base_kv must be a positive number of kV, not 0", problem("feeder_id,root,base_kv\nA,1,0\n"));
        assertEquals("feeders.csv:2: no root", problem("feeder_id,root,base_kv\nA,,4\n"));
        assertEquals("feeders.csv: empty file", problem(""));
        assertEquals("feeders.csv: no feeders listed", problem("feeder_id,root,base_kv\n"));
    }

    @Test
    void truthGroupsBranchesByFeeder() throws Exception {
        Map<String, List<TruthBranch>> t = TruthTable.read("truth.csv", new ByteArrayInputStream(
                "feeder_id,from_bus,to_bus,r_ohm,x_ohm,kind\nA,1,2,0.5,0.25,LINE\nB,1,2,1,2,LINE\nA,2,3,0.1,0.2,LINE\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new TruthBranch("1", "2", 0.5, 0.25), new TruthBranch("2", "3", 0.1, 0.2)), t.get("A"));
        assertEquals(List.of(new TruthBranch("1", "2", 1, 2)), t.get("B"));
    }
}

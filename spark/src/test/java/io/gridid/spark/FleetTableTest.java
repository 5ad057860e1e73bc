package io.gridid.spark;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.model.InvalidInputException;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.solvers.fit.FitNorm;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertEquals(List.of(new FleetTable.Feeder("north-1", "650", 4.16, 2), new FleetTable.Feeder("n2", "1", 12.66, 4)),
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
    void optionColumnsAreEachFeedersOwnAndABadValueFailsOnlyItsFeeder() throws Exception {
        List<FleetTable.Feeder> f = feeders("feeder_id,root,base_kv,Conductors,fit,max_types,tapered,stability\n"
                + "A,1,4,builtin,LAD,3,true,0\n"
                + "B,1,4,,,,,\n"
                + "C,1,4,,ls,x,,\n"
                + "D,1,4,,,2,,\n"
                + "E,1,4,lib.csv,l1,,,\n"
                + "F,1,4,builtin,,,yes,\n"
                + "G,1,4,,,,,-1\n");
        assertEquals(7, f.size(), "every row kept: a bad option is its feeder's problem, not the table's");
        assertEquals(new FeederSettings(FitNorm.LAD, "builtin", List.of(), 3, true, 0), f.get(0).settings());
        assertNull(f.get(0).problem());
        assertEquals(FeederSettings.defaults(), f.get(1).settings(), "empty fields take the CLI's defaults");
        assertNull(f.get(1).problem());
        assertEquals("feeders.csv:4: max_types must be a whole number >= 0 (0 = no limit), not 'x'", f.get(2).problem());
        assertEquals("feeders.csv:5: max_types and tapered need conductors", f.get(3).problem());
        assertEquals("feeders.csv:6: fit must be ls or lad, not 'l1'", f.get(4).problem());
        assertEquals("feeders.csv:7: tapered must be true or false, not 'yes'", f.get(5).problem());
        assertEquals("feeders.csv:8: stability must be a whole number >= 0, not '-1'", f.get(6).problem());
    }

    @Test
    void settingsChangeOnlyWhatTheyName() {
        IdentifyOptions base = FeederIdentification.taskOptions(8);
        assertEquals(base, FeederSettings.defaults().applyTo(base), "no options: the job's options unchanged");
        IdentifyOptions o = new FeederSettings(FitNorm.LAD, "builtin", List.of(), 2, true, 0)
                .withLibrary(ConductorLibrary.builtIn().types()).applyTo(base);
        assertEquals(ConductorLibrary.builtIn().types(), o.impedance().conductors());
        assertEquals(FitNorm.LAD, o.impedance().norm());
        assertEquals(2, o.impedance().maxTypes());
        assertEquals(true, o.impedance().tapered());
        assertEquals(0, o.topology().stabilityRuns());
        assertEquals(base.topology().withStabilityRuns(0), o.topology(), "the rest of stage 1 as the job's");
        assertEquals(base.impedance().withNorm(FitNorm.LAD).withConductors(ConductorLibrary.builtIn().types())
                .withMaxTypes(2).withTapered(true), o.impedance(), "the rest of stage 2 as the job's");
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

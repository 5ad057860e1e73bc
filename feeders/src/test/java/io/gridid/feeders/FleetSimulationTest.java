package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.io.MeterCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fleet layout, one feeder's files against a single simulation of the same seed. */
class FleetSimulationTest {
    /** MeterCsvWriter writes kW as the shortest text that reads back to the same double; the MW-kW-MW trip moves a value by about an ulp (~1e-16 MW). */
    private static final double KW_ROUND_TRIP_MW = 1e-12;

    @TempDir
    Path dir;

    @Test
    void randomFeedersGetTheirOwnTreesOtherSpecsTheSameFeeder() {
        List<FleetSimulation.Member> r = FleetSimulation.members(12, "random:30", 5);
        assertEquals("F01", r.get(0).feederId());
        assertEquals("F12", r.get(11).feederId());
        assertEquals("random:30:6", r.get(0).feederSpec());
        assertEquals(17, r.get(11).seed());
        assertEquals("ieee13", FleetSimulation.members(2, "ieee13", 1).get(1).feederSpec());
        assertEquals("random:30:9", FleetSimulation.members(2, "random:30:9", 1).get(1).feederSpec());
        assertThrows(IllegalArgumentException.class, () -> FleetSimulation.members(0, "ieee13", 1));
    }

    @Test
    void eachFeederIsTheSimulationOfItsSeed() throws Exception {
        SynthesisOptions o = SynthesisOptions.defaults().withDays(2).withSeed(10);
        FleetSimulation.write(dir, 2, "random:20", o, id -> {
        });
        List<String> feeders = Files.readAllLines(dir.resolve(FleetSimulation.FEEDERS));
        assertEquals(List.of("feeder_id,root,base_kv", "F1,0,12.47", "F2,0,12.47"), feeders);

        Feeder f2 = TestFeeders.load("random:20:12");
        SimulatedData alone = MeterDataSynthesizer.synthesize(f2, o.withSeed(12));
        var read = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(12.47))
                .read(dir.resolve("meters/feeder_id=F2/meters.csv")).data();
        assertEquals(alone.meters().meterIds(), read.meterIds());
        int m = read.meterCount() - 1;
        assertArrayEquals(alone.meters().activeMw(m), read.activeMw(m), KW_ROUND_TRIP_MW, "p_kw round-trips through the file");

        List<String> truth = Files.readAllLines(dir.resolve(FleetSimulation.TRUTH));
        assertEquals("feeder_id,from_bus,to_bus,r_ohm,x_ohm,conductor,length_km,kind", truth.get(0));
        assertEquals(1 + 2 * 19, truth.size(), "19 branches per 20-bus feeder");
        List<String> f2Rows = truth.stream().filter(l -> l.startsWith("F2,")).toList();
        assertEquals(SimulationFiles.truthRows(f2).get(0).toBus(), f2Rows.get(0).split(",")[2]);
        assertNotEquals(truth.get(1).substring(3), f2Rows.get(0).substring(3), "a different tree per feeder");
    }
}

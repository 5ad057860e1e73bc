package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyIdentifier;
import io.gridid.topology.TopologyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The library example of the root README, run as written on a simulated IEEE 13-node data set
 * (noise-free, 30 days hourly) written to and read back from meters.csv: the documented calls
 * exist and recover the truth.
 */
class ReadmeExampleTest {
    /** Noise-free data: both stages are exact up to the fits' tolerances (0.5 % is the bound). */
    private static final double RELATIVE_TOLERANCE = 0.005;

    @Test
    void theReadmeExampleRecoversTheIeee13Truth(@TempDir Path dir) throws Exception {
        Feeder truth = TestFeeders.load("ieee13");
        SimulatedData sim = MeterDataSynthesizer.synthesize(truth, SynthesisOptions.defaults().withDays(30)
                .withNoiseVoltagePu(0).withNoisePowerRelative(0).withQuantizeVolts(0).withMissingFraction(0));
        SimulationFiles.write(dir, sim, "ieee13");

        // --- as in README.md, "Using gridid as a library" ---
        MeterData data = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(4.16))
                .read(dir.resolve("meters.csv")).data();
        Topology topology = new TopologyIdentifier(TopologyOptions.defaults()).identify(data, "650");
        ImpedanceResult z = new ImpedanceEstimator(ImpedanceOptions.defaults()).estimate(data, topology.tree());
        // ---

        assertEquals(truth.tree(), topology.tree());
        for (BranchEstimate b : z.branches()) {
            Branch t = truth.branchTo(b.toBus());
            // each component within 0.5 % of itself; one that is 0 (the 671-692 switch's x) within 0.5 % of |z|
            double zTrue = Math.hypot(t.rOhm(), t.xOhm());
            assertEquals(t.rOhm(), b.rOhm(), RELATIVE_TOLERANCE * (t.rOhm() > 0 ? t.rOhm() : zTrue),
                    "r of " + b.fromBus() + "-" + b.toBus());
            assertEquals(t.xOhm(), b.xOhm(), RELATIVE_TOLERANCE * (t.xOhm() > 0 ? t.xOhm() : zTrue),
                    "x of " + b.fromBus() + "-" + b.toBus());
        }
    }
}

package io.gridid.benchmarks;

import io.gridid.feeders.SimulatedData;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterCsvWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A synthesized case held for a JMH trial, optionally written as meters.csv to a temporary folder. */
final class CaseData {
    final BenchCase benchCase;
    final Feeder feeder;
    final MeterData meters;
    private Path dir;
    private Path csv;

    CaseData(String name) throws GrididException {
        this.benchCase = BenchCase.parse(name);
        SimulatedData sim = benchCase.simulate();
        this.feeder = sim.feeder();
        this.meters = sim.meters();
    }

    /** Writes meters.csv once; its path. */
    Path csv() throws IOException {
        if (csv == null) {
            dir = Files.createTempDirectory("gridid-jmh");
            csv = dir.resolve("meters.csv");
            MeterCsvWriter.write(csv, meters, feeder.baseKv());
        }
        return csv;
    }

    MeterCsvReader reader() {
        return new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(feeder.baseKv()));
    }

    void delete() throws IOException {
        if (csv != null) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
            csv = null;
        }
    }
}

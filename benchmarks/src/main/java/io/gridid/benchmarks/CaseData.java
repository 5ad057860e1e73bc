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

    /**
     * The same readings as meters.csv with the digits a meter export typically has (v_pu to 6
     * decimals, kW and kvar to 3) instead of Java's shortest round-trip form (up to 17
     * significant digits); written once next to meters.csv.
     */
    Path roundedCsv() throws IOException {
        Path full = csv();
        Path rounded = dir.resolve("meters-rounded.csv");
        if (!Files.exists(rounded)) {
            try (java.io.BufferedReader in = Files.newBufferedReader(full);
                 java.io.BufferedWriter out = Files.newBufferedWriter(rounded)) {
                out.write(in.readLine());
                out.newLine();
                StringBuilder line = new StringBuilder();
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    String[] f = l.split(",", -1);
                    line.setLength(0);
                    line.append(f[0]).append(',').append(f[1]).append(',').append(round(f[2], 6)).append(',')
                            .append(round(f[3], 3)).append(',').append(round(f[4], 3));
                    out.write(line.toString());
                    out.newLine();
                }
            }
        }
        return rounded;
    }

    private static String round(String field, int decimals) {
        if (field.isEmpty()) {
            return field;
        }
        return new java.math.BigDecimal(field).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    MeterCsvReader reader() {
        return new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(feeder.baseKv()));
    }

    void delete() throws IOException {
        if (csv != null) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir.resolve("meters-rounded.csv"));
            Files.deleteIfExists(dir);
            csv = null;
        }
    }
}

package io.gridid.feeders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.FileSet;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.MeterCsvWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a simulation to a folder per the data contract, each file atomically:
 * <ul>
 *   <li>{@value #METERS}: the noisy readings ({@link MeterCsvWriter}, v_pu on the feeder's base kV);</li>
 *   <li>{@value #TRUTH}: {@code from_bus,to_bus,r_ohm,x_ohm,conductor,length_km,kind}, top-down,
 *       the true branches ({@link BranchCsvWriter});</li>
 *   <li>{@value #META}: {@code root}, {@code base_kv} and every parameter of the run, plus
 *       the buses that were given {@code minLoadMw} because the feeder has no load there, and the
 *       {@code unmetered_buses} (in {@value #TRUTH}, absent from {@value #METERS}).</li>
 * </ul>
 */
public final class SimulationFiles {
    public static final String METERS = "meters.csv";
    public static final String TRUTH = "truth_branches.csv";
    public static final String META = "meta.json";
    /** Further columns of {@value #TRUTH} after the contract's four. */
    public static final List<String> TRUTH_COLUMNS = List.of("conductor", "length_km", "kind");

    private SimulationFiles() {
    }

    /**
     * @param dir        target folder, created if absent; the three files are written as one set ({@link FileSet})
     * @param data       the simulation
     * @param feederSpec how the user named the feeder (recorded in meta.json)
     */
    public static void write(Path dir, SimulatedData data, String feederSpec) throws IOException {
        Feeder f = data.feeder();
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(meta(data, feederSpec));
        new FileSet().add(METERS, MeterCsvWriter.content(data.meters(), f.baseKv()))
                .add(TRUTH, BranchCsvWriter.content(TRUTH_COLUMNS, truthRows(f)))
                .add(META, out -> {
                    out.write(json);
                    out.write('\n');
                }).write(dir);
    }

    /** The feeder's branches as {@value #TRUTH} rows, top-down (parents before children). */
    public static List<BranchRow> truthRows(Feeder f) {
        Map<String, Branch> feeding = new HashMap<>();
        for (Branch b : f.branches()) {
            feeding.put(b.toBus(), b);
        }
        List<BranchRow> rows = new ArrayList<>(f.branches().size());
        for (String bus : f.tree().topDown()) {
            Branch b = feeding.get(bus);
            if (b == null) {
                continue;
            }
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("conductor", b.conductor() == null ? "" : b.conductor());
            extra.put("length_km", Double.isNaN(b.lengthKm()) ? "" : Double.toString(b.lengthKm()));
            extra.put("kind", b.kind().name());
            rows.add(new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), extra));
        }
        return rows;
    }

    private static Map<String, Object> meta(SimulatedData data, String feederSpec) {
        Feeder f = data.feeder();
        SynthesisOptions o = data.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", f.rootBus());
        m.put("base_kv", f.baseKv());
        m.put("feeder", feederSpec);
        m.put("feeder_name", f.name());
        m.put("feeder_source", f.source());
        m.put("root_voltage_pu", f.rootVoltagePu());
        m.put("buses", data.meters().meterCount());
        m.put("branches", f.branches().size());
        m.put("intervals", data.meters().intervalCount());
        m.put("days", o.days());
        m.put("interval_minutes", o.intervalMinutes());
        m.put("seed", o.seed());
        m.put("noise_v_pu", o.noiseVoltagePu());
        m.put("noise_pq_relative", o.noisePowerRelative());
        m.put("quantize_v", o.quantizeVolts());
        m.put("quantize_base_v", SynthesisOptions.SERVICE_BASE_VOLTS);
        m.put("missing_fraction", o.missingFraction());
        m.put("pv_fraction", o.pvFraction());
        m.put("min_load_kw", o.minLoadMw() * 1000.0);
        m.put("root_voltage_swing_pu", o.rootVoltageSwingPu());
        m.put("load_variation", o.loadVariation());
        m.put("start", Instant.ofEpochSecond(o.startEpochSecond()).toString());
        List<String> given = new ArrayList<>();
        List<String> unmetered = new ArrayList<>();
        for (String bus : f.tree().topDown()) {
            if (!data.meters().hasMeter(bus)) {
                unmetered.add(bus);
            } else if (!bus.equals(f.rootBus()) && !(f.loadAt(bus).pMw() > 0)) {
                given.add(bus);
            }
        }
        m.put("buses_given_min_load", given);
        m.put("unmetered_buses", unmetered); // junctions without a meter, drawing nothing; in the truth
        Map<String, Double> banks = new LinkedHashMap<>();
        f.capacitorsMvar().forEach((bus, mvar) -> banks.put(bus, mvar * 1000.0));
        m.put("capacitor_banks_kvar", banks); // rated at 1 p.u.; their injection is in their bus's q_kvar
        m.put("missing_readings", data.meters().missingCount() / 3);
        return m;
    }
}

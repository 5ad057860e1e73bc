package io.gridid.reports;

import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an identified feeder as an OpenDSS model: a master script (the file the user names)
 * and side files beside it ({@link OpenDssModel}).
 *
 * <p><b>Network.</b> {@code Clear}; the source ({@code New Circuit.gridid}) at the root, stiff
 * (1e-6 ohm); one {@code LineCode} per conductor type used ({@code R1}/{@code X1} in ohm per
 * km, {@code Units=km}); one {@code Line} per branch: with a type,
 * {@code LineCode=TYPE Length=L Units=km}; without one, the branch's total ohms as
 * {@code R1=r X1=x Length=1 Units=none} (with no line code OpenDSS reads R1/X1 per unit length,
 * and {@code Units=none} disables length conversion, so R1&middot;Length is the branch's ohms).
 * A typed branch whose own r/L, x/L differ from its line code by more than
 * {@link #PER_KM_TOLERANCE} (relative) gets explicit ohms and a comment. Shunt capacitance is
 * zero (gridid identifies series impedance only); the zero sequence {@code R0}/{@code X0} is
 * copied from {@code R1}/{@code X1} and the script says so (unknown; no effect on the balanced
 * flows gridid models). A branch identified with r = x = 0 gets {@link #ZERO_IMPEDANCE_OHM}
 * and a comment.
 *
 * <p><b>Loads</b> (with meter data, {@link MeteredLoads}): one {@code Load} per metered bus,
 * three-phase wye at the base kV, constant power ({@code model=1}, and {@code Vminpu=0.5
 * Vmaxpu=1.5} so it stays constant power over every realistic voltage, as in gridid's power
 * flow); load convention, so PV is a negative load. Its {@code kW}/{@code kvar} are the first
 * interval's reading; its {@code yearly} load shape holds every interval's P and Q in kW/kvar
 * ({@code UseActual=yes}, {@code PQCSVFile}: a side file of {@code P,Q} rows). The source's
 * {@code pu} is the root's first measured voltage and its {@code yearly} shape every interval's
 * (p.u.). The master ends with {@code Solve}: in {@link Mode#SNAPSHOT} that solves the first
 * interval; in {@link Mode#YEARLY} {@code Set Mode=Yearly} runs every interval.
 *
 * <p><b>Names.</b> Lines are {@code L1..Ln} in branch order, loads {@code D1..}, their shapes
 * {@code S1..} and the source's shape {@code RootV}, each with a comment naming its bus(es): no
 * name is ever made by joining ids, so none can collide. Bus ids and conductor names are kept
 * as they are where OpenDSS accepts them ({@link OpenDssNames}); the side table lists every bus.
 *
 * <p>Numbers carry {@link #SIGNIFICANT_DIGITS} significant digits as plain decimals.
 */
public final class OpenDssExport {
    /** Relative difference of per-km impedances under which a typed branch uses its line code. */
    public static final double PER_KM_TOLERANCE = 1e-6;
    /**
     * Significant digits of every number written: relative rounding at most 5e-8, far below what
     * moves a voltage by 1e-5 p.u. (the engine test checks it on noise-free data).
     */
    public static final int SIGNIFICANT_DIGITS = 8;
    /**
     * Series r and x written for a branch identified with r = x = 0 (noise can give one), ohm:
     * OpenDSS cannot invert a zero impedance; this one moves voltages by less than 1e-8 p.u.
     */
    static final String ZERO_IMPEDANCE_OHM = "0.000001";
    /** Source impedance, ohm (R1 = X1): stiff, so the root sits at its measured voltage. */
    static final String SOURCE_OHM = "0.000001";
    /** Engine convergence tolerance (largest voltage change, p.u.), well below the 1e-5 checked. */
    static final String SOLVE_TOLERANCE = "0.0000001";

    /** What the master solves when compiled. */
    public enum Mode {
        /** A snapshot of the first interval (the default). */
        SNAPSHOT,
        /** {@code Set Mode=Yearly} over every interval of the load shapes. */
        YEARLY
    }

    private static final MathContext DIGITS = new MathContext(SIGNIFICANT_DIGITS);

    /** The network alone (no loads; the source at 1 p.u.): a single script, as {@link OpenDssModel#master()}. */
    public String write(IdentificationResult r) {
        StringBuilder s = new StringBuilder(4096);
        double kv = Double.isFinite(r.baseKv()) ? r.baseKv() : 1.0;
        s.append("! gridid identified feeder: positive-sequence series impedances, ohm\n");
        s.append("! no meter data given: lines only, no loads (export with the meters for a model that solves)\n");
        if (!Double.isFinite(r.baseKv())) {
            s.append("! nominal voltage unknown: 1 kV assumed\n");
        }
        OpenDssNames buses = new OpenDssNames(r.tree().topDown());
        network(s, r, buses, kv, "1");
        s.append("\nSet VoltageBases=[").append(num(kv)).append("]\nCalcVoltageBases\n");
        if (!buses.renamed().isEmpty()) {
            s.append("\n! bus ids OpenDSS cannot take, and their names here:\n");
            buses.renamed().forEach((id, name) -> s.append("!   ").append(name).append(" = ").append(comment(id)).append('\n'));
        }
        return s.toString();
    }

    /**
     * The full model.
     *
     * @param r        the identified feeder (needs its base kV; not modified)
     * @param loads    its metered operating points (from the same result)
     * @param mode     what the master solves
     * @param sideName prefix of the side files, relative to the master's folder, e.g. {@code feeder}
     *                 for {@code feeder-buses.csv} and {@code feeder-loadshapes/}; must not contain {@code "}
     */
    public OpenDssModel write(IdentificationResult r, MeteredLoads loads, Mode mode, String sideName) {
        if (sideName.indexOf('"') >= 0 || sideName.isEmpty()) {
            throw new IllegalArgumentException("side file prefix must be non-empty without '\"': " + sideName);
        }
        double kv = r.baseKv();
        OpenDssNames buses = new OpenDssNames(r.tree().topDown());
        String folder = sideName + "-loadshapes/";
        Map<String, String> side = new LinkedHashMap<>();
        int points = loads.points();
        StringBuilder s = new StringBuilder(8192 + 400 * loads.loadBuses().size());
        s.append("! gridid identified feeder: balanced three-phase model, positive-sequence series impedances in ohm\n");
        s.append("! ").append(r.branches().size() + 1).append(" buses, ").append(r.branches().size())
                .append(" lines, ").append(loads.loadBuses().size()).append(" loads (one per metered bus; ")
                .append("load convention: PV is a negative load)\n");
        s.append("! meter data: ").append(points).append(" intervals of ").append(loads.stepSeconds())
                .append(" s from ").append(Instant.ofEpochSecond(loads.startEpochSecond()))
                .append("; missing readings filled with the previous one: ").append(loads.filled()).append('\n');
        if (!loads.unmeteredBuses().isEmpty()) {
            s.append("! buses without a meter (no load): ").append(loads.unmeteredBuses().size()).append('\n');
        }
        if (loads.metersOutsideTree() > 0) {
            s.append("! meters that are not buses of this feeder (not used): ").append(loads.metersOutsideTree()).append('\n');
        }
        if (!loads.rootMetered()) {
            s.append("! the root has no meter: the source is at 1 p.u. throughout\n");
        }
        s.append(mode == Mode.SNAPSHOT
                ? "! Compile solves a snapshot of the first interval; for all intervals: Set Mode=Yearly Stepsize="
                        + loads.stepSeconds() + "s Number=" + points + " then Solve\n"
                : "! Compile solves every interval (Set Mode=Yearly at the end); attach monitors before Solve to record them\n");
        network(s, r, buses, kv, num(loads.rootKv(0) / kv));
        s.append("\n! the root's measured voltage per interval (p.u.)\n");
        StringBuilder rootShape = new StringBuilder(points * 12);
        for (int k = 0; k < points; k++) {
            rootShape.append(num(loads.rootKv(k) / kv)).append('\n');
        }
        side.put(folder + "root_voltage.csv", rootShape.toString());
        s.append("New LoadShape.RootV npts=").append(points).append(" sInterval=").append(loads.stepSeconds())
                .append(" csvfile=\"").append(folder).append("root_voltage.csv\"\n");
        s.append("Edit Vsource.source yearly=RootV\n");
        s.append("\n! loads: kW/kvar of the first interval; load shapes of every interval (kW,kvar per row)\n");
        for (int i = 0; i < loads.loadBuses().size(); i++) {
            String bus = loads.loadBuses().get(i);
            StringBuilder rows = new StringBuilder(points * 24);
            for (int k = 0; k < points; k++) {
                rows.append(num(loads.pMw(i, k) * 1000)).append(',').append(num(loads.qMvar(i, k) * 1000)).append('\n');
            }
            String file = folder + "D" + (i + 1) + ".csv";
            side.put(file, rows.toString());
            s.append("! D").append(i + 1).append(": bus ").append(comment(bus)).append('\n');
            s.append("New LoadShape.S").append(i + 1).append(" npts=").append(points).append(" sInterval=")
                    .append(loads.stepSeconds()).append(" PQCSVFile=\"").append(file).append("\" UseActual=yes\n");
            // yearly= before kW/kvar: a UseActual shape would otherwise set kW to the shape's peak
            s.append("New Load.D").append(i + 1).append(" Bus1=").append(buses.of(bus)).append(" phases=3 conn=wye kV=")
                    .append(num(kv)).append(" model=1 Vminpu=0.5 Vmaxpu=1.5 yearly=S").append(i + 1)
                    .append(" kW=").append(num(loads.pMw(i, 0) * 1000)).append(" kvar=")
                    .append(num(loads.qMvar(i, 0) * 1000)).append('\n');
        }
        s.append("\nSet VoltageBases=[").append(num(kv)).append("]\nCalcVoltageBases\n");
        s.append("Set Tolerance=").append(SOLVE_TOLERANCE).append(" MaxIterations=100\n");
        if (mode == Mode.YEARLY) {
            s.append("Set Mode=Yearly Stepsize=").append(loads.stepSeconds()).append("s Number=").append(points).append('\n');
        }
        s.append("Solve\n");
        String table = busTable(buses);
        side.put(sideName + "-buses.csv", table);
        return new OpenDssModel(s.toString(), side, buses.renamed());
    }

    /** Circuit, line codes and lines. */
    private void network(StringBuilder s, IdentificationResult r, OpenDssNames buses, double kv, String sourcePu) {
        s.append("Clear\n");
        s.append("New Circuit.gridid basekv=").append(num(kv)).append(" pu=").append(sourcePu).append(" phases=3 bus1=")
                .append(buses.of(r.rootBus())).append(" R1=").append(SOURCE_OHM).append(" X1=").append(SOURCE_OHM)
                .append(" R0=").append(SOURCE_OHM).append(" X0=").append(SOURCE_OHM).append("\n\n");
        Map<String, double[]> codes = new LinkedHashMap<>();   // type -> {r per km, x per km}
        for (IdentifiedBranch b : r.branches()) {
            String type = b.conductor();
            double len = b.lengthKm();
            if (!type.isEmpty() && len > 0 && Double.isFinite(b.rOhm()) && Double.isFinite(b.xOhm())
                    && !codes.containsKey(type)) {
                codes.put(type, new double[] {b.rOhm() / len, b.xOhm() / len});
            }
        }
        OpenDssNames codeNames = new OpenDssNames(List.copyOf(codes.keySet()));
        s.append("! zero sequence (R0, X0) copied from the positive sequence (R1, X1): gridid does not identify it,\n"
                + "! and it has no effect on balanced flows; shunt capacitance 0 (series impedance only)\n");
        for (Map.Entry<String, double[]> e : codes.entrySet()) {
            double[] z = e.getValue();
            s.append("! conductor type ").append(comment(e.getKey())).append('\n');
            s.append("New LineCode.").append(codeNames.of(e.getKey())).append(" nphases=3 Units=km R1=").append(num(z[0]))
                    .append(" X1=").append(num(z[1])).append(" R0=").append(num(z[0])).append(" X0=")
                    .append(num(z[1])).append(" C1=0 C0=0\n");
        }
        s.append('\n');
        int n = 0;
        for (IdentifiedBranch b : r.branches()) {
            n++;
            String type = b.conductor();
            double len = b.lengthKm();
            double[] code = codes.get(type);
            boolean useCode = code != null && len > 0 && close(b.rOhm() / len, code[0]) && close(b.xOhm() / len, code[1]);
            s.append("! L").append(n).append(": ").append(comment(b.fromBus())).append(" -> ").append(comment(b.toBus()));
            if (code != null && !useCode) {
                s.append("; conductor ").append(comment(type)).append(", but r/x per km differ from its line code: ohms given directly");
            }
            String rText = num(b.rOhm());
            String xText = num(b.xOhm());
            if (!useCode && rText.equals("0") && xText.equals("0")) {
                s.append("; identified impedance 0, written as ").append(ZERO_IMPEDANCE_OHM)
                        .append(" ohm (OpenDSS cannot take a zero impedance)");
                rText = ZERO_IMPEDANCE_OHM;
                xText = ZERO_IMPEDANCE_OHM;
            }
            s.append('\n');
            s.append("New Line.L").append(n).append(" phases=3 Bus1=").append(buses.of(b.fromBus())).append(" Bus2=")
                    .append(buses.of(b.toBus()));
            if (useCode) {
                s.append(" LineCode=").append(codeNames.of(type)).append(" Length=").append(num(len)).append(" Units=km\n");
            } else {
                s.append(" R1=").append(rText).append(" X1=").append(xText).append(" R0=")
                        .append(rText).append(" X0=").append(xText)
                        .append(" C1=0 C0=0 Length=1 Units=none\n");
            }
        }
    }

    private static String busTable(OpenDssNames buses) {
        StringBuilder t = new StringBuilder("bus_id,opendss_bus\n");
        buses.all().forEach((id, name) -> t.append(csvField(id)).append(',').append(name).append('\n'));
        return t.toString();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= PER_KM_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** A plain decimal (no exponent) with {@link #SIGNIFICANT_DIGITS} significant digits, trailing zeros dropped. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + " to OpenDSS");
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}

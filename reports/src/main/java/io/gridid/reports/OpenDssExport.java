package io.gridid.reports;

import io.gridid.model.io.BranchRow;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes an identified feeder as an OpenDSS script that can be run or {@code Redirect}ed as it
 * is: {@code Clear}, a stiff three-phase source at the root ({@code New Circuit}), one
 * {@code LineCode} per conductor type used, one {@code Line} per branch, then the voltage base.
 *
 * <p>Units, stated explicitly on every element because mixing them is the classic 1000&times;
 * error: a branch with a conductor type becomes
 * {@code New Line.NAME Bus1=A Bus2=B LineCode=TYPE Length=L Units=km} with the line code's
 * {@code R1}/{@code X1} in ohm per km ({@code Units=km}); a branch without a type carries its
 * total series impedance directly as {@code R1=r X1=x Length=1 Units=none} (with no line code,
 * OpenDSS reads R1/X1 per unit length and, with {@code Units=none}, does no length conversion,
 * so R1&middot;Length is the branch's ohms). A typed branch whose own r/L and x/L differ from
 * its type's line code by more than {@link #PER_KM_TOLERANCE} (relative) is written with explicit
 * ohms too, with a comment. Shunt capacitance is set to zero (gridid identifies the series
 * impedance only) and the zero sequence equal to the positive sequence (unknown; irrelevant to
 * the balanced flows gridid models).
 *
 * <p>Bus and element names keep letters, digits, '_' and '-'; any other character becomes '_'
 * and a clash gets a numeric suffix. The original id of every renamed bus is listed in a
 * comment (with line breaks removed).
 */
public final class OpenDssExport {
    /** Relative difference of per-km impedances under which a typed branch uses its line code. */
    public static final double PER_KM_TOLERANCE = 1e-6;

    /** The script for a result (baseKv NaN: 1 kV is assumed and said in a comment). */
    public String write(IdentificationResult r) {
        Names busNames = new Names();
        Names elementNames = new Names();
        StringBuilder s = new StringBuilder(4096);
        double kv = Double.isFinite(r.baseKv()) ? r.baseKv() : 1.0;
        s.append("! gridid identified feeder: positive-sequence series impedances, ohm\n");
        if (!Double.isFinite(r.baseKv())) {
            s.append("! nominal voltage unknown: 1 kV assumed\n");
        }
        s.append("Clear\n");
        String root = busNames.of(r.rootBus());
        s.append("New Circuit.gridid basekv=").append(num(kv)).append(" pu=1.0 phases=3 bus1=").append(root)
                .append(" MVAsc3=1e6 MVAsc1=1e6\n\n");

        Map<String, double[]> codes = new LinkedHashMap<>();   // type -> {r per km, x per km}
        Map<String, String> codeNames = new HashMap<>();
        for (BranchRow b : r.branches()) {
            String type = b.extra().getOrDefault(BranchColumns.CONDUCTOR, "");
            double len = BranchColumns.parse(b.extra().get(BranchColumns.LENGTH_KM));
            if (!type.isEmpty() && len > 0 && Double.isFinite(b.rOhm()) && Double.isFinite(b.xOhm())
                    && !codes.containsKey(type)) {
                codes.put(type, new double[] {b.rOhm() / len, b.xOhm() / len});
            }
        }
        for (Map.Entry<String, double[]> e : codes.entrySet()) {
            String name = elementNames.of("LineCode." + e.getKey()).substring("LineCode.".length());
            codeNames.put(e.getKey(), name);
            double[] z = e.getValue();
            s.append("! conductor type ").append(comment(e.getKey())).append('\n');
            s.append("New LineCode.").append(name).append(" nphases=3 Units=km R1=").append(num(z[0]))
                    .append(" X1=").append(num(z[1])).append(" R0=").append(num(z[0])).append(" X0=")
                    .append(num(z[1])).append(" C1=0 C0=0\n");
        }
        if (!codes.isEmpty()) {
            s.append('\n');
        }
        for (BranchRow b : r.branches()) {
            String from = busNames.of(b.fromBus());
            String to = busNames.of(b.toBus());
            String line = elementNames.of("Line." + from + "_" + to).substring("Line.".length());
            String type = b.extra().getOrDefault(BranchColumns.CONDUCTOR, "");
            double len = BranchColumns.parse(b.extra().get(BranchColumns.LENGTH_KM));
            double[] code = codes.get(type);
            boolean useCode = code != null && len > 0 && close(b.rOhm() / len, code[0]) && close(b.xOhm() / len, code[1]);
            if (code != null && !useCode) {
                s.append("! conductor ").append(comment(type))
                        .append(", but r/x per km differ from its line code: ohms given directly\n");
            }
            s.append("New Line.").append(line).append(" phases=3 Bus1=").append(from).append(" Bus2=").append(to);
            if (useCode) {
                s.append(" LineCode=").append(codeNames.get(type)).append(" Length=").append(num(len))
                        .append(" Units=km\n");
            } else {
                s.append(" R1=").append(num(b.rOhm())).append(" X1=").append(num(b.xOhm())).append(" R0=")
                        .append(num(b.rOhm())).append(" X0=").append(num(b.xOhm()))
                        .append(" C1=0 C0=0 Length=1 Units=none\n");
            }
        }
        s.append("\nSet VoltageBases=[").append(num(kv)).append("]\nCalcVoltageBases\n");
        if (!busNames.renamed.isEmpty()) {
            s.append("\n! bus names changed for OpenDSS:\n");
            busNames.renamed.forEach((orig, name) -> s.append("!   ").append(name).append(" = ")
                    .append(comment(orig)).append('\n'));
        }
        return s.toString();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= PER_KM_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Plain decimal that reads back to the same double (no exponent, which every parser accepts). */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + " to OpenDSS");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    /** Safe, unique OpenDSS names for arbitrary ids. */
    private static final class Names {
        private final Map<String, String> byId = new HashMap<>();
        private final Set<String> used = new HashSet<>();
        private final Map<String, String> renamed = new LinkedHashMap<>();

        String of(String id) {
            String known = byId.get(id);
            if (known != null) {
                return known;
            }
            String dot = id.startsWith("Line.") ? "Line." : id.startsWith("LineCode.") ? "LineCode." : "";
            String base = dot + id.substring(dot.length()).replaceAll("[^A-Za-z0-9_\\-]", "_");
            if (base.length() == dot.length()) {
                base = dot + "_";
            }
            String name = base;
            for (int k = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); k++) {
                name = base + "_" + k; // OpenDSS names are case-insensitive
            }
            byId.put(id, name);
            if (dot.isEmpty() && !name.equals(id)) {
                renamed.put(id, name);
            }
            return name;
        }
    }
}

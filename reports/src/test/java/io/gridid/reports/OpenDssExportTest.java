package io.gridid.reports;

import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenDssExportTest {
    /** r and x are reproduced from decimals of 8 significant digits (relative rounding at most 5e-8). */
    private static final double REPRODUCED = 1e-7;
    /** Largest relative rounding error of 8 significant digits: half a unit in the 8th digit. */
    private static final double EIGHT_DIGITS = 5e-8;

    /** One parsed {@code New Class.Name k=v ...} command, keys lower-cased. */
    record DssObject(String cls, String name, Map<String, String> props) {
        double number(String key) {
            return Double.parseDouble(props.get(key));
        }
    }

    /** A small parser of the subset of OpenDSS syntax the export uses ('!' comments, '~' continuations). */
    static List<DssObject> parse(String script) {
        List<DssObject> out = new ArrayList<>();
        for (String raw : script.split("\n")) {
            String line = raw.strip();
            int bang = line.indexOf('!');
            if (bang >= 0) {
                line = line.substring(0, bang).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] tok = line.split("\\s+");
            if (tok[0].equals("~")) {
                DssObject last = out.get(out.size() - 1);
                for (int i = 1; i < tok.length; i++) {
                    String[] kv = tok[i].split("=", 2);
                    last.props().put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
                }
                continue;
            }
            if (!tok[0].equalsIgnoreCase("New")) {
                continue;
            }
            String[] cn = tok[1].split("\\.", 2);
            Map<String, String> props = new LinkedHashMap<>();
            for (int i = 2; i < tok.length; i++) {
                String[] kv = tok[i].split("=", 2);
                props.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
            }
            out.add(new DssObject(cn[0].toLowerCase(Locale.ROOT), cn[1], props));
        }
        return out;
    }

    private static List<DssObject> of(List<DssObject> all, String cls) {
        return all.stream().filter(o -> o.cls().equals(cls)).toList();
    }

    /** Total series r and x (ohm) of a parsed line, following the units the script states. */
    private static double[] ohms(DssObject line, Map<String, DssObject> codes) {
        double len = line.number("length");
        String units = line.props().get("units");
        if (line.props().containsKey("linecode")) {
            DssObject code = codes.get(line.props().get("linecode"));
            assertEquals("km", code.props().get("units"), "line code per km");
            assertEquals("km", units, "length in the line code's unit (never metres against km)");
            return new double[] {code.number("r1") * len, code.number("x1") * len};
        }
        assertEquals("none", units, "explicit ohms: no length conversion");
        assertEquals(1.0, len);
        return new double[] {line.number("r1") * len, line.number("x1") * len};
    }

    @Test
    void everyBranchBecomesALineWhoseOhmsAreReproduced() {
        IdentificationResult r = SampleResults.fiveBranches();
        List<DssObject> all = parse(new OpenDssExport().write(r));
        assertEquals(1, of(all, "circuit").size());
        List<DssObject> lines = of(all, "line");
        List<DssObject> codeList = of(all, "linecode");
        assertEquals(6, lines.size());
        assertEquals(2, codeList.size(), "one line code per conductor type used (AL 336, CU 4/0)");
        Map<String, DssObject> codes = new LinkedHashMap<>();
        codeList.forEach(c -> codes.put(c.name(), c));
        assertEquals(0.1, codes.get("AL_336").number("r1"), REPRODUCED);
        assertEquals(0.2, codes.get("AL_336").number("x1"), REPRODUCED);

        for (int i = 0; i < lines.size(); i++) {
            IdentifiedBranch b = r.branches().get(i);
            double[] z = ohms(lines.get(i), codes);
            assertEquals(b.rOhm(), z[0], REPRODUCED * Math.max(1, b.rOhm()), "r of " + b);
            assertEquals(b.xOhm(), z[1], REPRODUCED * Math.max(1, b.xOhm()), "x of " + b);
            assertEquals("0", lines.get(i).props().getOrDefault("c1", lines.get(i).props().containsKey("linecode")
                    ? "0" : "missing"));
        }
        assertEquals("2", lines.get(0).props().get("length"));
        assertEquals("1.5", lines.get(2).props().get("length"));
        assertEquals("0.4", lines.get(3).props().get("length"));
        assertEquals("AL_336", lines.get(2).props().get("linecode"));
        assertEquals("CU_4_0", lines.get(3).props().get("linecode"));
    }

    @Test
    void busNamesAreSafeAndTheTreeIsKept() {
        List<DssObject> lines = of(parse(new OpenDssExport().write(SampleResults.fiveBranches())), "line");
        Set<String> buses = new HashSet<>();
        Map<String, String> parent = new LinkedHashMap<>();
        for (DssObject l : lines) {
            String b1 = l.props().get("bus1");
            String b2 = l.props().get("bus2");
            assertTrue(b1.matches("[A-Za-z0-9_\\-]+") && b2.matches("[A-Za-z0-9_\\-]+"), b1 + " " + b2);
            buses.add(b1);
            buses.add(b2);
            parent.put(b2, b1);
        }
        assertEquals(7, buses.size(), "no two ids collapse into one bus name");
        assertEquals("671", parent.get(parent.get("___")), "QUOTES hangs on EVIL which hangs on 671");
    }

    @Test
    void aTypedBranchThatDisagreesWithItsLineCodeGetsExplicitOhms() {
        IdentificationResult base = SampleResults.fiveBranches();
        List<BranchRow> rows = new ArrayList<>(base.branches().stream().map(BranchColumns::row).toList());
        BranchRow b = rows.get(2); // AL 336, 1.5 km, but r now 10 % off 1.5 * 0.1
        rows.set(2, new BranchRow(b.fromBus(), b.toBus(), 0.165, b.xOhm(), b.extra()));
        IdentificationResult r = new IdentificationResult(base.rootBus(), base.baseKv(), SampleResults.typed(rows),
                base.confidence(),
                base.diagnostics(), base.meanVoltagePu(), base.warnings(), base.stageSeconds(), List.of());
        DssObject line = of(parse(new OpenDssExport().write(r)), "line").get(2);
        assertEquals("none", line.props().get("units"));
        assertEquals(0.165, line.number("r1"), REPRODUCED);
    }

    @Test
    void numbersArePlainDecimalsOfEightSignificantDigits() {
        assertEquals("0.33333333", OpenDssExport.num(1.0 / 3));
        assertEquals("123456.79", OpenDssExport.num(123456.789));
        assertEquals("-0.000000001", OpenDssExport.num(-1e-9));
        assertEquals("2", OpenDssExport.num(2.0));
        assertEquals("0.1", OpenDssExport.num(0.1));
        assertEquals("0", OpenDssExport.num(-0.0));
        for (double v : new double[] {1e-9, 0.1, 123456.789, 2.0, 1.0 / 3, 7.123456789e7, -4.56789012345e-3}) {
            String s = OpenDssExport.num(v);
            assertTrue(!s.contains("E") && !s.contains("e"), s);
            assertTrue(s.replaceAll("[-.]", "").replaceFirst("^0+", "").length() <= OpenDssExport.SIGNIFICANT_DIGITS, s);
            assertEquals(v, Double.parseDouble(s), EIGHT_DIGITS * Math.abs(v), s);
        }
    }
}

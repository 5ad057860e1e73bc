package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;
import io.gridid.model.Units;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads gridid's feeder table: one CSV file describing a balanced positive-sequence radial
 * feeder, its branches and the nominal load at each branch's receiving bus.
 *
 * <pre>
 * # comment lines start with '#'
 * &#64;name,ieee69                  (required)
 * &#64;base_kv,12.66                (required: nominal line-to-line kV)
 * &#64;root,1                       (required: feeder head, slack bus)
 * &#64;root_voltage_pu,1.0          (optional, default 1.0)
 * &#64;source,"free text citation"  (optional)
 * from_bus,to_bus,kind,r_ohm,x_ohm,conductor,length_km,p_kw,q_kvar
 * 1,2,LINE,0.0005,0.0012,,,0,0
 * 632,670,LINE,,,"556,500 26/7 ACSR",0.2033016,17,10
 * </pre>
 *
 * <ul>
 *   <li>One row per branch, oriented from the bus nearer the root ({@code from_bus}) to the
 *       farther one; together the rows must form a tree rooted at {@code @root}.</li>
 *   <li>{@code kind}: LINE, TRANSFORMER or SWITCH (case-insensitive; empty = LINE).</li>
 *   <li>{@code r_ohm}, {@code x_ohm}: series impedance, ohm per phase, positive sequence. May be
 *       left empty on a LINE that names a {@code conductor} of the conductor library and a
 *       {@code length_km}: then r = length &times; r per km (x likewise).</li>
 *   <li>{@code p_kw}, {@code q_kvar}: nominal three-phase load at {@code to_bus}, load
 *       convention; empty = 0. The root carries no load.</li>
 *   <li>{@code cap_kvar}: a shunt capacitor bank at {@code to_bus}, three-phase kvar at 1 p.u.
 *       (constant admittance: its injection scales with |V|&sup2;); empty = none.</li>
 *   <li>Columns are matched case-insensitively; {@code conductor}, {@code length_km},
 *       {@code p_kw}, {@code q_kvar}, {@code cap_kvar} and {@code kind} are optional.</li>
 * </ul>
 * Errors are {@link InvalidInputException}s {@code FILE:LINE: reason}.
 */
public final class FeederTable {
    private static final List<String> REQUIRED = List.of("from_bus", "to_bus");

    private final ConductorLibrary library;

    /** @param library resolves conductor names (for rows that give conductor + length only) */
    public FeederTable(ConductorLibrary library) {
        this.library = java.util.Objects.requireNonNull(library, "library");
    }

    /** Reads a feeder table file. */
    public Feeder read(Path file) throws InvalidInputException, IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /**
     * Reads a feeder table from a reader (not closed).
     *
     * @param fileName name used in error messages
     */
    public Feeder read(Reader reader, String fileName) throws InvalidInputException, IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(fmt).get();
        Map<String, String> meta = new HashMap<>();
        Map<String, Integer> col = null;
        List<Branch> branches = new ArrayList<>();
        Map<String, BusLoad> loads = new LinkedHashMap<>();
        Map<String, Double> banks = new LinkedHashMap<>();
        Map<String, Long> toBusLine = new HashMap<>();
        for (CSVRecord rec : parser) {
            long line = parser.getCurrentLineNumber();
            String first = rec.get(0).trim();
            if (first.startsWith("@")) {
                if (col != null) {
                    throw new InvalidInputException(fileName, line, "directive " + first + " after the header row");
                }
                if (rec.size() < 2) {
                    throw new InvalidInputException(fileName, line, "directive " + first + " needs a value");
                }
                meta.put(first.substring(1).toLowerCase(Locale.ROOT), rec.get(1).trim());
                continue;
            }
            if (col == null) {
                col = TableFields.header(rec, REQUIRED, fileName, line);
                continue;
            }
            String from = field(rec, col, "from_bus");
            String to = field(rec, col, "to_bus");
            if (from.isEmpty() || to.isEmpty()) {
                throw new InvalidInputException(fileName, line, "empty from_bus or to_bus");
            }
            if (from.equals(to)) {
                throw new InvalidInputException(fileName, line, "branch from " + from + " to itself");
            }
            Long prev = toBusLine.putIfAbsent(to, line);
            if (prev != null) {
                throw new InvalidInputException(fileName, line, "bus " + to + " is already fed by the branch on line "
                        + prev + " (the table must be radial, each row oriented away from the root)");
            }
            Branch.Kind kind = kind(field(rec, col, "kind"), fileName, line);
            String conductor = field(rec, col, "conductor");
            double length = number(rec, col, "length_km", fileName, line);
            double r = number(rec, col, "r_ohm", fileName, line);
            double x = number(rec, col, "x_ohm", fileName, line);
            if (Double.isNaN(r) != Double.isNaN(x)) {
                throw new InvalidInputException(fileName, line, "give both r_ohm and x_ohm or neither");
            }
            if (!Double.isNaN(length) && !(length > 0)) {
                throw new InvalidInputException(fileName, line, "length_km must be positive");
            }
            if (Double.isNaN(r)) {
                if (conductor.isEmpty() || Double.isNaN(length)) {
                    throw new InvalidInputException(fileName, line,
                            "no r_ohm/x_ohm: give them, or a conductor of the library and length_km");
                }
                if (!library.contains(conductor)) {
                    throw new InvalidInputException(fileName, line, "unknown conductor '" + conductor + "'");
                }
                ConductorType type = library.byName(conductor);
                r = type.rOhmPerKm() * length;
                x = type.xOhmPerKm() * length;
            } else if (!(r >= 0) || !(x >= 0)) {
                throw new InvalidInputException(fileName, line, "r_ohm and x_ohm must be >= 0");
            }
            branches.add(new Branch(from, to, r, x, kind, conductor.isEmpty() ? null : conductor, length));
            double p = number(rec, col, "p_kw", fileName, line);
            double q = number(rec, col, "q_kvar", fileName, line);
            if (!Double.isNaN(p) || !Double.isNaN(q)) {
                loads.put(to, new BusLoad(to, Units.kwToMw(Double.isNaN(p) ? 0 : p), Units.kwToMw(Double.isNaN(q) ? 0 : q)));
            }
            double cap = number(rec, col, "cap_kvar", fileName, line);
            if (!Double.isNaN(cap)) {
                if (!(cap > 0)) {
                    throw new InvalidInputException(fileName, line, "cap_kvar must be positive (leave it empty for no bank)");
                }
                banks.put(to, Units.kwToMw(cap));
            }
        }
        if (col == null) {
            throw new InvalidInputException(fileName, 0, "no header row");
        }
        String name = required(meta, "name", fileName);
        String root = required(meta, "root", fileName);
        double baseKv = metaNumber(meta, "base_kv", Double.NaN, fileName);
        double rootPu = metaNumber(meta, "root_voltage_pu", 1.0, fileName);
        if (!(baseKv > 0) || !(rootPu > 0)) {
            throw new InvalidInputException(fileName, 0, "@base_kv and @root_voltage_pu must be positive");
        }
        if (branches.isEmpty()) {
            throw new InvalidInputException(fileName, 0, "no branches");
        }
        if (toBusLine.containsKey(root)) {
            throw new InvalidInputException(fileName, toBusLine.get(root), "the root " + root + " cannot be fed by a branch");
        }
        try {
            return new Feeder(name, meta.getOrDefault("source", fileName), baseKv, root, rootPu, branches, loads, banks);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(fileName, 0, "not a radial feeder rooted at " + root + ": " + e.getMessage());
        }
    }

    private static String required(Map<String, String> meta, String key, String file) throws InvalidInputException {
        String v = meta.get(key);
        if (v == null || v.isEmpty()) {
            throw new InvalidInputException(file, 0, "missing directive @" + key);
        }
        return v;
    }

    private static double metaNumber(Map<String, String> meta, String key, double dflt, String file)
            throws InvalidInputException {
        String v = meta.get(key);
        if (v == null) {
            if (Double.isNaN(dflt)) {
                throw new InvalidInputException(file, 0, "missing directive @" + key);
            }
            return dflt;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file, 0, "@" + key + " is not a number: '" + v + "'");
        }
    }

    private static Branch.Kind kind(String s, String file, long line) throws InvalidInputException {
        if (s.isEmpty()) {
            return Branch.Kind.LINE;
        }
        try {
            return Branch.Kind.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file, line, "kind must be LINE, TRANSFORMER or SWITCH, not '" + s + "'");
        }
    }

    private static String field(CSVRecord rec, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= rec.size() ? "" : rec.get(i).trim();
    }

    private static double number(CSVRecord rec, Map<String, Integer> col, String name, String file, long line)
            throws InvalidInputException {
        String s = field(rec, col, name);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        return TableFields.number(s, name, file, line);
    }
}

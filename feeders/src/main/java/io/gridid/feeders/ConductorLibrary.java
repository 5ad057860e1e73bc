package io.gridid.feeders;

import io.gridid.model.ConductorType;
import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable list of conductor types (positive-sequence r and x per km, ampacity).
 *
 * <p>File format (CSV, UTF-8, header required, columns matched case-insensitively in any order,
 * {@code #} starts a comment line): {@code name,r_ohm_per_km,x_ohm_per_km,ampacity_a}; further
 * columns (e.g. {@code source}) are ignored. Names containing commas are quoted. An empty
 * ampacity means unknown (NaN). Names must be unique.
 *
 * <p>{@link #builtIn()} holds the conductor types of the IEEE 13-node and 37-node feeders (z1
 * from their configuration matrices, see the resource's header) plus three common overhead
 * types computed with Carson's equations.
 */
public final class ConductorLibrary {
    private static final String RESOURCE = "conductors.csv";
    private static final List<String> REQUIRED = List.of("name", "r_ohm_per_km", "x_ohm_per_km", "ampacity_a");

    private final List<ConductorType> types;
    private final Map<String, ConductorType> byName;

    /** @param types conductor types with unique names (copied) */
    public ConductorLibrary(List<ConductorType> types) {
        this.types = List.copyOf(types);
        this.byName = new HashMap<>();
        for (ConductorType t : this.types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalArgumentException("duplicate conductor name " + t.name());
            }
        }
    }

    /** The built-in library (resource {@code conductors.csv}). */
    public static ConductorLibrary builtIn() {
        try (InputStream in = ConductorLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the feeders jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("built-in conductor library is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a library file.
     *
     * @throws InvalidInputException {@code FILE:LINE: reason} for a bad header, number or duplicate name
     */
    public static ConductorLibrary read(Path file) throws InvalidInputException, IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /**
     * Reads a library from a reader (not closed).
     *
     * @param fileName name used in error messages
     */
    public static ConductorLibrary read(Reader reader, String fileName) throws InvalidInputException, IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<ConductorType> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(fmt).get();
        Map<String, Integer> col = null;
        for (CSVRecord rec : parser) {
            long line = parser.getCurrentLineNumber();
            if (col == null) {
                col = TableFields.header(rec, REQUIRED, fileName, line);
                continue;
            }
            String name = field(rec, col.get("name"));
            if (name.isEmpty()) {
                throw new InvalidInputException(fileName, line, "empty conductor name");
            }
            double r = number(rec, col.get("r_ohm_per_km"), "r_ohm_per_km", fileName, line, false);
            double x = number(rec, col.get("x_ohm_per_km"), "x_ohm_per_km", fileName, line, false);
            double a = number(rec, col.get("ampacity_a"), "ampacity_a", fileName, line, true);
            if (!(r > 0) || !(x > 0)) {
                throw new InvalidInputException(fileName, line, "r_ohm_per_km and x_ohm_per_km must be positive");
            }
            if (!Double.isNaN(a) && !(a > 0)) {
                throw new InvalidInputException(fileName, line, "ampacity_a must be positive or empty");
            }
            Long first = seen.putIfAbsent(name, line);
            if (first != null) {
                throw new InvalidInputException(fileName, line, "conductor '" + name + "' already defined on line " + first);
            }
            out.add(new ConductorType(name, r, x, a));
        }
        if (col == null) {
            throw new InvalidInputException(fileName, 0, "no header row");
        }
        return new ConductorLibrary(out);
    }

    private static String field(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i).trim() : "";
    }

    private static double number(CSVRecord rec, int i, String column, String file, long line, boolean emptyIsNaN)
            throws InvalidInputException {
        String s = field(rec, i);
        if (s.isEmpty()) {
            if (emptyIsNaN) {
                return Double.NaN;
            }
            throw new InvalidInputException(file, line, "empty " + column);
        }
        return TableFields.number(s, column, file, line);
    }

    /** Every type, in file order. */
    public List<ConductorType> types() {
        return types;
    }

    /** The type of that exact name. @throws IllegalArgumentException if unknown */
    public ConductorType byName(String name) {
        ConductorType t = byName.get(Objects.requireNonNull(name, "name"));
        if (t == null) {
            throw new IllegalArgumentException("unknown conductor type '" + name + "'");
        }
        return t;
    }

    /** Whether a type of that name exists. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }
}

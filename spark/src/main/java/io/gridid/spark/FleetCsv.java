package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small CSV table the driver reads whole (the feeders table, the truth table): a header whose
 * names match case-insensitively, in any order, extra columns ignored; each problem one
 * {@link InvalidInputException} {@code FILE:LINE: reason}.
 */
final class FleetCsv {
    private final String name;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();

    private FleetCsv(String name) {
        this.name = name;
    }

    /**
     * @param name     the file's name for messages
     * @param in       its content (closed here)
     * @param required columns that must be in the header
     */
    static FleetCsv read(String name, InputStream in, List<String> required) throws IOException, InvalidInputException {
        FleetCsv t = new FleetCsv(name);
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (in; CSVParser p = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), fmt)) {
            boolean header = true;
            for (CSVRecord r : p) {
                if (header) {
                    for (int i = 0; i < r.size(); i++) {
                        String c = r.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                        if (t.columns.putIfAbsent(c, i) != null) {
                            throw new InvalidInputException(name, p.getCurrentLineNumber(), "column '" + c + "' twice");
                        }
                    }
                    for (String c : required) {
                        if (!t.columns.containsKey(c)) {
                            throw new InvalidInputException(name, p.getCurrentLineNumber(), "no '" + c
                                    + "' column (the header needs " + String.join(",", required) + ")");
                        }
                    }
                    header = false;
                    continue;
                }
                String[] values = new String[r.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(i);
                }
                t.rows.add(values);
                t.lines.add(p.getCurrentLineNumber());
            }
            if (header) {
                throw new InvalidInputException(name, 0, "empty file");
            }
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(name, 0, "not a readable CSV table: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new InvalidInputException(name, 0, "not a readable CSV table: " + e.getMessage());
        }
        return t;
    }

    int size() {
        return rows.size();
    }

    /** Line of row {@code i} in the file (1-based). */
    long line(int i) {
        return lines.get(i);
    }

    String name() {
        return name;
    }

    /** The value of a column in row {@code i}; an empty or absent field is an error naming the column. */
    String text(int i, String column) throws InvalidInputException {
        String[] r = rows.get(i);
        Integer c = columns.get(column);
        if (c == null || c >= r.length || r[c].isEmpty()) {
            throw new InvalidInputException(name, line(i), "no " + column);
        }
        return r[c];
    }

    /** The value of an optional column in row {@code i}: null when the column is absent or the field empty. */
    String optional(int i, String column) {
        String[] r = rows.get(i);
        Integer c = columns.get(column);
        return c == null || c >= r.length || r[c].isEmpty() ? null : r[c];
    }

    /** A number column of row {@code i}. */
    double number(int i, String column) throws InvalidInputException {
        String s = text(i, column);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, line(i), column + " '" + s + "' is not a number");
        }
    }
}

package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code branches.csv} (data contract v1; also {@code truth_branches.csv}) into
 * {@link BranchRow}s in file order. Needs {@code from_bus} and {@code to_bus} (case-insensitive,
 * surrounding spaces ignored); {@code r_ohm}/{@code x_ohm} (ohm per phase) are NaN where the
 * columns are absent or a field is empty or {@code NaN}; every other column goes to
 * {@link BranchRow#extra()} under its header name. UTF-8, optional BOM, quoted fields.
 *
 * <p>Rejected, one message {@code FILE:LINE: reason}: empty file, missing or repeated contract
 * column, wrong field count, empty bus name, a branch from a bus to itself, a repeated branch
 * (either direction; names the first line), an unparsable or infinite number, a NUL byte.
 * A header without rows is an empty list.
 */
public final class BranchCsvReader {
    private BranchCsvReader() {
    }

    public static List<BranchRow> read(Path file) throws InvalidInputException, IOException {
        String name = file.toString();
        List<BranchRow> out = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(3);
            byte[] bom = raw.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
                raw.reset();
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(raw, StandardCharsets.UTF_8), format)) {
                Iterator<CSVRecord> it = parser.iterator();
                List<String> header = null;
                int from = -1;
                int to = -1;
                int r = -1;
                int x = -1;
                DecimalParser numbers = new DecimalParser();
                Map<String, Long> seen = new HashMap<>();
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    CSVRecord rec;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        rec = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new InvalidInputException(name, line, String.valueOf(e.getMessage()).contains("EOF")
                                ? "a quoted field opened here is never closed"
                                : "malformed quoted field (text after a closing quote?)");
                    }
                    for (String f : rec) {
                        if (f.indexOf('\0') >= 0) {
                            throw MeterCsvRefusals.nulByte(name, line);
                        }
                    }
                    if (rec.size() == 1 && rec.get(0).isEmpty()) {
                        continue;
                    }
                    if (header == null) {
                        header = new ArrayList<>();
                        for (int k = 0; k < rec.size(); k++) {
                            String h = rec.get(k).strip();
                            String lower = h.toLowerCase(Locale.ROOT);
                            int[] slot = {from, to, r, x};
                            int which = BranchCsvWriter.CONTRACT_COLUMNS.indexOf(lower);
                            if (which >= 0) {
                                if (slot[which] >= 0) {
                                    throw new InvalidInputException(name, line, "column " + lower + " appears twice (columns "
                                            + (slot[which] + 1) + " and " + (k + 1) + ")");
                                }
                                switch (which) {
                                    case 0: from = k; break;
                                    case 1: to = k; break;
                                    case 2: r = k; break;
                                    default: x = k; break;
                                }
                            }
                            header.add(h);
                        }
                        if (from < 0 || to < 0) {
                            throw new InvalidInputException(name, line, "missing column "
                                    + (from < 0 && to < 0 ? "from_bus, to_bus" : from < 0 ? "from_bus" : "to_bus")
                                    + "; the header needs from_bus, to_bus (r_ohm, x_ohm optional)");
                        }
                        continue;
                    }
                    if (rec.size() != header.size()) {
                        throw new InvalidInputException(name, line, rec.size() + (rec.size() == 1 ? " field" : " fields")
                                + " but the header has " + header.size());
                    }
                    String a = rec.get(from).strip();
                    String b = rec.get(to).strip();
                    String problem = BusId.problem(a, "from_bus");
                    if (problem == null) {
                        problem = BusId.problem(b, "to_bus");
                    }
                    if (problem != null) {
                        throw new InvalidInputException(name, line, problem);
                    }
                    if (a.equals(b)) {
                        throw new InvalidInputException(name, line, "branch from bus " + a + " to itself");
                    }
                    String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
                    Long first = seen.putIfAbsent(key, line);
                    if (first != null) {
                        throw new InvalidInputException(name, line, "branch " + a + " - " + b + " repeats line " + first);
                    }
                    double rOhm = r < 0 ? Double.NaN : number(numbers, rec.get(r), name, line, "r_ohm");
                    double xOhm = x < 0 ? Double.NaN : number(numbers, rec.get(x), name, line, "x_ohm");
                    Map<String, String> extra = new LinkedHashMap<>();
                    for (int k = 0; k < header.size(); k++) {
                        if (k != from && k != to && k != r && k != x) {
                            extra.put(header.get(k), rec.get(k));
                        }
                    }
                    out.add(new BranchRow(a, b, rOhm, xOhm, extra));
                }
                if (header == null) {
                    throw new InvalidInputException(name, 0, "empty file");
                }
            }
        }
        return out;
    }

    private static double number(DecimalParser numbers, String text, String file, long line, String column)
            throws InvalidInputException {
        double v = numbers.parse(text);
        switch (numbers.status()) {
            case VALUE:
            case MISSING:
                return v;
            case INFINITE:
                throw new InvalidInputException(file, line, column + " = " + text.strip() + " is not a finite number");
            default:
                throw new InvalidInputException(file, line, "unparsable number '" + text.strip() + "' in " + column);
        }
    }
}

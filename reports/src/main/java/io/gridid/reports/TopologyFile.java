package io.gridid.reports;

import io.gridid.model.InvalidInputException;
import io.gridid.model.RadialTree;
import io.gridid.model.io.AtomicFile;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.BusId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code topology.csv}, the one format every command writes and reads (data contract):
 * {@code from_bus,to_bus,confidence,evidence}, parent first, one row per edge in top-down order.
 *
 * <p>{@link #read} takes any file with {@code from_bus,to_bus} (a {@code topology.csv} or a
 * {@code branches.csv}; extra columns ignored; an edge in either orientation) and also the
 * older {@code bus,parent[,confidence]} layout. The edges must form a radial tree containing
 * the root; otherwise one {@code FILE:LINE: reason}.
 */
public final class TopologyFile {
    /** The header written. */
    public static final List<String> COLUMNS = List.of("from_bus", "to_bus", "confidence", "evidence");

    private TopologyFile() {
    }

    /**
     * The file's content, for a set of files written together ({@code FileSet}); arguments not modified.
     *
     * @param evidence per child bus, stage 1's log-likelihood ratio against the best alternative; a bus
     *                 without one gets an empty field
     */
    public static AtomicFile.Content content(RadialTree tree, Map<String, Double> confidence,
                                             Map<String, Double> evidence) {
        return w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(COLUMNS);
                for (String bus : tree.topDown()) {
                    if (!bus.equals(tree.root())) {
                        Double c = confidence.get(bus);
                        Double e = evidence.get(bus);
                        csv.printRecord(tree.parentOf(bus), bus, c == null ? "" : BranchColumns.number(c),
                                e == null ? "" : BranchColumns.number(e));
                    }
                }
            }
        };
    }

    /**
     * Reads a topology file as a tree rooted at {@code root}.
     *
     * @throws InvalidInputException the path is not a regular file, the file is malformed, or its edges are not a
     *                               radial tree containing the root
     */
    public static RadialTree read(Path file, String root) throws InvalidInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), 0, Files.isDirectory(file)
                    ? "is a folder, not a topology file" : Files.exists(file) ? "not a regular file" : "no such file");
        }
        List<BranchRow> rows = olderLayout(file) ? readBusParent(file) : BranchCsvReader.read(file);
        return tree(rows, root, file.toString());
    }

    /** True when the header names {@code bus} and {@code parent} but not {@code from_bus}. */
    private static boolean olderLayout(Path file) throws IOException {
        List<String> header = header(file);
        return header.contains("bus") && header.contains("parent") && !header.contains("from_bus");
    }

    private static List<String> header(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            List<String> names = new ArrayList<>();
            if (line == null) {
                return names;
            }
            for (String s : line.replace("\uFEFF", "").split(",", -1)) {
                names.add(s.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (java.nio.charset.MalformedInputException e) {
            return List.of();
        }
    }

    private static List<BranchRow> readBusParent(Path file) throws InvalidInputException, IOException {
        String name = file.toString();
        List<BranchRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            int bus = -1;
            int parent = -1;
            int columns = 0;
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber();
                if (bus < 0) {
                    columns = rec.size();
                    for (int k = 0; k < rec.size(); k++) {
                        String h = rec.get(k).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                        bus = h.equals("bus") ? k : bus;
                        parent = h.equals("parent") ? k : parent;
                    }
                    continue;
                }
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue;
                }
                if (rec.size() != columns) {
                    throw new InvalidInputException(name, line, rec.size() + " fields but the header has " + columns);
                }
                String child = rec.get(bus).strip();
                String up = rec.get(parent).strip();
                String problem = BusId.problem(child, "bus");
                if (problem == null) {
                    problem = BusId.problem(up, "parent");
                }
                if (problem != null) {
                    throw new InvalidInputException(name, line, problem);
                }
                rows.add(new BranchRow(up, child, Double.NaN, Double.NaN, Map.of()));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(name, 0, "malformed CSV: " + e.getMessage());
        }
        return rows;
    }

    /** The edges (either orientation) as a tree hanging from {@code root}. */
    static RadialTree tree(List<BranchRow> rows, String root, String name) throws InvalidInputException {
        Map<String, List<String>> adjacent = new LinkedHashMap<>();
        for (BranchRow r : rows) {
            if (r.fromBus().equals(r.toBus())) {
                throw new InvalidInputException(name, 0, "branch from " + r.fromBus() + " to itself");
            }
            adjacent.computeIfAbsent(r.fromBus(), k -> new ArrayList<>()).add(r.toBus());
            adjacent.computeIfAbsent(r.toBus(), k -> new ArrayList<>()).add(r.fromBus());
        }
        if (!adjacent.containsKey(root)) {
            throw new InvalidInputException(name, 0, "the root " + root + " is on no branch");
        }
        Map<String, String> parents = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(root);
        seen.add(root);
        while (!queue.isEmpty()) {
            String b = queue.poll();
            for (String c : adjacent.get(b)) {
                if (seen.add(c)) {
                    parents.put(c, b);
                    queue.add(c);
                }
            }
        }
        if (seen.size() != adjacent.size()) {
            List<String> cut = new ArrayList<>();
            for (String b : adjacent.keySet()) {
                if (!seen.contains(b)) {
                    cut.add(b);
                }
            }
            throw new InvalidInputException(name, 0, "buses not connected to the root " + root + ": "
                    + (cut.size() > 10 ? cut.subList(0, 10) + "..." : cut));
        }
        if (rows.size() != parents.size()) {
            throw new InvalidInputException(name, 0, "not radial: " + rows.size() + " branches over "
                    + adjacent.size() + " buses (a radial feeder has one branch fewer than buses; loop or duplicate?)");
        }
        return new RadialTree(root, parents);
    }
}

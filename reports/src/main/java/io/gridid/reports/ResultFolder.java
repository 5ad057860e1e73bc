package io.gridid.reports;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.io.AtomicFile;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result folder as {@code gridid identify} writes it: {@code branches.csv} (data contract,
 * then the {@link BranchColumns} extras), {@code topology.csv} ({@link TopologyFile}), {@code report.json} ({@link ReportJson}) and {@code report.html}
 * ({@link HtmlReport}). Every file is written atomically.
 */
public final class ResultFolder {
    public static final String BRANCHES = "branches.csv";
    public static final String TOPOLOGY = "topology.csv";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private ResultFolder() {
    }

    /** Writes all four files into an existing folder, replacing them. */
    public static void write(Path dir, IdentificationResult result) throws IOException, GrididException {
        Set<String> columns = new LinkedHashSet<>(BranchColumns.ALL);
        for (BranchRow b : result.branches()) {
            columns.addAll(b.extra().keySet());
        }
        columns.removeAll(BranchCsvWriter.CONTRACT_COLUMNS);
        BranchCsvWriter.write(dir.resolve(BRANCHES), new ArrayList<>(columns), result.branches());
        TopologyFile.write(dir.resolve(TOPOLOGY), result.tree(), result.confidence());
        writeReports(dir, result);
    }

    /** Writes (or rewrites) report.json and report.html only. */
    public static void writeReports(Path dir, IdentificationResult result) throws IOException, GrididException {
        String json = new ReportJson().write(result);
        String html = new HtmlReport().render(result);
        AtomicFile.write(dir.resolve(REPORT_JSON), out -> out.write(json));
        AtomicFile.write(dir.resolve(REPORT_HTML), out -> out.write(html));
    }

    /**
     * Reads a result folder back: the branches from {@code branches.csv} (the contract file is
     * authoritative; empty further fields are dropped), everything else (confidences,
     * diagnostics, mean voltages, warnings, a truth attached earlier) from {@code report.json}.
     *
     * @throws InvalidInputException if the folder holds no readable gridid report or branch file,
     *                               or the branches do not form a tree from the report's root
     */
    public static IdentificationResult read(Path dir) throws IOException, GrididException {
        Path json = dir.resolve(REPORT_JSON);
        String text;
        try {
            text = Files.readString(json, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(dir.toString(), 0, "no " + REPORT_JSON + " here: not a gridid result folder");
        }
        IdentificationResult fromJson = new ReportJson().read(text, json.toString());
        Path csv = dir.resolve(BRANCHES);
        if (!Files.exists(csv)) {
            return fromJson;
        }
        List<BranchRow> rows = new ArrayList<>();
        for (BranchRow b : BranchCsvReader.read(csv)) {
            Map<String, String> extra = new LinkedHashMap<>();
            b.extra().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    extra.put(BranchColumns.canonical(k), v);
                }
            });
            rows.add(new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), extra));
        }
        try {
            return new IdentificationResult(fromJson.rootBus(), fromJson.baseKv(), rows, fromJson.confidence(),
                    fromJson.diagnostics(), fromJson.meanVoltagePu(), fromJson.warnings(), fromJson.stageSeconds(),
                    fromJson.truth());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(csv.toString(), 0, e.getMessage());
        }
    }

    /** The files a complete result folder has. */
    public static List<String> files() {
        return List.of(BRANCHES, TOPOLOGY, REPORT_JSON, REPORT_HTML);
    }
}

package io.gridid.reports;

import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.io.AtomicFile;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;
import io.gridid.model.io.FileSet;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result folder as {@code gridid identify} writes it: {@code branches.csv} (data contract,
 * then the {@link BranchColumns} extras), {@code topology.csv} ({@link TopologyFile}), {@code report.json}
 * ({@link ReportJson}) and {@code report.html} ({@link HtmlReport}). The four are written as one set
 * ({@link FileSet}: into a temporary sibling folder, then moved into place, {@code report.json} last),
 * and {@code report.json} holds a manifest, the SHA-256 of each other file, so that a folder whose
 * files do not belong together (a run stopped between renames, files of two runs, a file edited by
 * hand) is refused when read.
 */
public final class ResultFolder {
    public static final String BRANCHES = "branches.csv";
    public static final String TOPOLOGY = "topology.csv";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private ResultFolder() {
    }

    /** Writes all four files into a folder (created if absent), replacing them, as one set. */
    public static void write(Path dir, IdentificationResult result) throws IOException, GrididException {
        List<BranchRow> rows = result.branches().stream().map(BranchColumns::row).toList();
        byte[] branches = text(BranchCsvWriter.content(BranchColumns.ALL, rows));
        byte[] topology = text(TopologyFile.content(result.tree(), result.confidence(), result.evidence()));
        byte[] html = new HtmlReport().render(result).getBytes(StandardCharsets.UTF_8);
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put(BRANCHES, Manifest.sha256(branches));
        manifest.put(TOPOLOGY, Manifest.sha256(topology));
        manifest.put(REPORT_HTML, Manifest.sha256(html));
        String json = new ReportJson().write(result, manifest);
        new FileSet().add(BRANCHES, bytes(branches)).add(TOPOLOGY, bytes(topology)).add(REPORT_HTML, bytes(html))
                .add(REPORT_JSON, out -> out.write(json)).write(dir);
    }

    /** Writes (or rewrites) report.json and report.html only, the manifest naming the folder's data files as they are. */
    public static void writeReports(Path dir, IdentificationResult result) throws IOException, GrididException {
        byte[] html = new HtmlReport().render(result).getBytes(StandardCharsets.UTF_8);
        Map<String, String> manifest = new LinkedHashMap<>();
        for (String name : List.of(BRANCHES, TOPOLOGY)) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                manifest.put(name, Manifest.sha256(Files.readAllBytes(f)));
            }
        }
        manifest.put(REPORT_HTML, Manifest.sha256(html));
        String json = new ReportJson().write(result, manifest);
        new FileSet().add(REPORT_HTML, bytes(html)).add(REPORT_JSON, out -> out.write(json)).write(dir);
    }

    private static byte[] text(AtomicFile.Content content) throws IOException {
        StringWriter w = new StringWriter();
        content.writeTo(w);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static AtomicFile.Content bytes(byte[] b) {
        return out -> out.write(new String(b, StandardCharsets.UTF_8));
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
        for (Map.Entry<String, String> e : new ReportJson().manifest(text).entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (Files.isRegularFile(f) && !Manifest.sha256(Files.readAllBytes(f)).equals(e.getValue())) {
                throw new InvalidInputException(f.toString(), 0, "not the file " + REPORT_JSON + " was written with"
                        + " (files of two runs, or edited since): the folder's files do not belong together;"
                        + " rerun gridid identify");
            }
        }
        Path csv = dir.resolve(BRANCHES);
        if (!Files.exists(csv)) {
            return fromJson;
        }
        List<IdentifiedBranch> rows = new ArrayList<>();
        for (BranchRow b : BranchCsvReader.read(csv)) {
            Map<String, String> extra = new LinkedHashMap<>();
            b.extra().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    extra.put(BranchColumns.canonical(k), v);
                }
            });
            if (!(b.rOhm() >= 0 && b.rOhm() < Double.POSITIVE_INFINITY && b.xOhm() >= 0
                    && b.xOhm() < Double.POSITIVE_INFINITY)) {
                throw new InvalidInputException(csv.toString(), 0, "branch " + b.fromBus() + " - " + b.toBus()
                        + ": r_ohm and x_ohm must be non-negative numbers (found r = " + b.rOhm() + ", x = " + b.xOhm()
                        + "; an empty field reads as NaN)");
            }
            rows.add(BranchColumns.branch(new BranchRow(b.fromBus(), b.toBus(), b.rOhm(), b.xOhm(), extra)));
        }
        try {
            return new IdentificationResult(fromJson.rootBus(), fromJson.baseKv(), rows, fromJson.confidence(),
                    fromJson.diagnostics(), fromJson.meanVoltagePu(), fromJson.warnings(), fromJson.stageSeconds(),
                    fromJson.truth(), fromJson.stageStatus(), fromJson.jointRefinement(), fromJson.evidence());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(csv.toString(), 0, e.getMessage());
        }
    }

    /** The files a complete result folder has. */
    public static List<String> files() {
        return List.of(BRANCHES, TOPOLOGY, REPORT_JSON, REPORT_HTML);
    }
}

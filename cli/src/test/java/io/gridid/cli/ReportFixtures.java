package io.gridid.cli;

import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.reports.BranchColumns;
import io.gridid.reports.ResultFolder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small hand-made result folder for the report and export command tests. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    /** S - a - {b, c}; a-b typed "AL 1/0" (0.5 + j0.4 ohm/km, 0.6 km), the others untyped. */
    static IdentificationResult threeBranches() {
        List<BranchRow> rows = List.of(
                new BranchRow("S", "a", 0.4, 0.8),
                new BranchRow("a", "b", 0.3, 0.24, Map.of(BranchColumns.CONDUCTOR, "AL 1/0", BranchColumns.LENGTH_KM, "0.6")),
                new BranchRow("a", "c", 0.6, 0.5));
        return new IdentificationResult("S", 12.47, typed(rows), Map.of("a", 0.9, "b", 0.8, "c", 0.3),
                new IdentificationDiagnostics("TEST", "JOINT", 10, 4, 100, 100, 0),
                Map.of("S", 1.0, "a", 0.99, "b", 0.985, "c", 0.98), List.of(), Map.of(), List.of());
    }

    /** Rows as {@code branches.csv} holds them, read as typed branches (the reader the result folders use). */
    static List<IdentifiedBranch> typed(List<BranchRow> rows) {
        return rows.stream().map(BranchColumns::branch).toList();
    }

    static Path writeFolder(Path dir) throws Exception {
        ResultFolder.write(dir, threeBranches());
        return dir;
    }
}

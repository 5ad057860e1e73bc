package io.gridid.reports;

import io.gridid.impedance.JointRefinementReport;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.StageStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results shared by the report and export tests. */
final class SampleResults {
    /** Rows as {@code branches.csv} holds them, read as typed branches (the reader the result folders use). */
    static List<IdentifiedBranch> typed(List<BranchRow> rows) {
        return rows.stream().map(BranchColumns::branch).toList();
    }

    static final String EVIL_ID = "<script>alert(1)</script>";
    static final String QUOTES_ID = "\"&'";

    private SampleResults() {
    }

    static Map<String, String> extra(String conductor, double lengthKm, double rStd, double xStd, double gap) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(BranchColumns.CONDUCTOR, conductor == null ? "" : conductor);
        m.put(BranchColumns.LENGTH_KM, BranchColumns.number(lengthKm));
        m.put(BranchColumns.R_STD_ERR, BranchColumns.number(rStd));
        m.put(BranchColumns.X_STD_ERR, BranchColumns.number(xStd));
        m.put(BranchColumns.RELAXATION_GAP, BranchColumns.number(gap));
        m.put(BranchColumns.POLISHED, "false");
        m.values().removeIf(String::isEmpty); // as a result folder reads back: empty fields dropped
        return m;
    }

    /**
     * A five-branch feeder: 650 - 632 - {633, 671 - {680, EVIL}}, and EVIL - QUOTES; three
     * branches with a conductor type ("AL 336"/"CU 4/0", r/x per km recoverable), two without.
     */
    static IdentificationResult fiveBranches() {
        List<BranchRow> branches = List.of(
                new BranchRow("650", "632", 0.2, 0.4, extra("AL 336", 2.0, 0.01, 0.02, 0)),      // 0.1/0.2 per km
                new BranchRow("632", "633", 0.3, 0.3, extra(null, Double.NaN, 0.03, 0.03, 1e-9)),
                new BranchRow("632", "671", 0.15, 0.3, extra("AL 336", 1.5, 0.01, 0.01, 0)),
                new BranchRow("671", "680", 0.12, 0.06, extra("CU 4/0", 0.4, 0.005, 0.004, 0)), // 0.3/0.15 per km
                new BranchRow("671", EVIL_ID, 0.5, 0.25, extra(null, Double.NaN, Double.NaN, Double.NaN, 0)),
                new BranchRow(EVIL_ID, QUOTES_ID, 0.05, 0.05, extra(null, Double.NaN, 0.001, 0.001, 0)));
        Map<String, Double> conf = new LinkedHashMap<>();
        conf.put("632", 1.0);
        conf.put("633", 0.2);
        conf.put("671", 0.9);
        conf.put("680", 0.5);
        conf.put(EVIL_ID, Double.NaN);
        conf.put(QUOTES_ID, 0.7);
        Map<String, Double> evidence = new LinkedHashMap<>(); // stage 1 weighed some edges only
        evidence.put("632", 812.25);
        evidence.put("633", -3.5);
        evidence.put(QUOTES_ID, 6.0);
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("650", 1.0);
        v.put("632", 0.99);
        v.put("671", 0.98);
        v.put(EVIL_ID, 0.975);
        v.put(QUOTES_ID, 0.974);
        Map<String, Double> secs = new LinkedHashMap<>();
        secs.put("topology", 0.5);
        secs.put("impedance", 1.25);
        Map<String, StageStatus> status = new LinkedHashMap<>();
        status.put("topology", StageStatus.COMPLETE);
        status.put("impedance", StageStatus.BUDGET_CUT);
        return new IdentificationResult("650", 4.16, typed(branches), conf,
                new IdentificationDiagnostics("PHYSICS_SEARCH", "JOINT", 123.0, 7, 1440, 1400, 12,
                        1_767_225_600L, 1_767_225_600L + 1439 * 3600L, 3600),
                v, List.of(Warning.of(WarningCode.METERS_PARTIAL, "meter " + EVIL_ID + " has gaps", EVIL_ID)), secs,
                List.of(), status, new JointRefinementReport(JointRefinementReport.Status.POOLED,
                        new JointRefinementReport.Pass(true, JointRefinementReport.Solver.DENSE, 3, 2, 1.2e-5, 9998,
                                1440, 0.51), null), evidence);
    }

    /** Truth for {@link #fiveBranches()}: 632-633 reversed, 671-680 missing there as 632-680, one extra. */
    static List<BranchRow> truth() {
        return List.of(
                new BranchRow("650", "632", 0.25, 0.4),
                new BranchRow("633", "632", 0.3, 0.2),
                new BranchRow("632", "671", 0.15, 0.3),
                new BranchRow("632", "680", 0.1, 0.1),
                new BranchRow("671", EVIL_ID, 0.5, 0.5),
                new BranchRow(EVIL_ID, QUOTES_ID, 0.05, 0.05));
    }
}

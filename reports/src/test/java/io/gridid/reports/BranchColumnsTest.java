package io.gridid.reports;

import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentifiedBranch;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one writer and the one reader of a branch's further columns, on hand-made rows. */
class BranchColumnsTest {
    @Test
    void aRowsFurtherColumnsBecomeTypedFigures() {
        BranchRow row = new BranchRow("632", "671", 0.5, 1.25, Map.of(BranchColumns.R_STD_ERR, "0.01",
                BranchColumns.X_STD_ERR, "0.02", BranchColumns.CONFIDENCE, "0.875", BranchColumns.CONDUCTOR, "601",
                BranchColumns.LENGTH_KM, "0.6096", BranchColumns.NOTE, "polished", BranchColumns.INTERVALS_USED, "700",
                "rms_residual", "2.5E-7"));
        assertEquals(new IdentifiedBranch("632", "671", 0.5, 1.25, 0.01, 0.02, 0.875, "601", 0.6096, Double.NaN,
                2.5e-7, "polished", false, Double.NaN, Double.NaN, 700), BranchColumns.branch(row));
        assertEquals(new IdentifiedBranch("a", "b", 1, 2, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, Double.NaN,
                Double.NaN, "", false, Double.NaN, Double.NaN, IdentifiedBranch.UNKNOWN),
                BranchColumns.branch(new BranchRow("a", "b", 1, 2)));
    }

    /** Written in the order of {@link BranchColumns#ALL} with the confidence last, figures not known left out. */
    @Test
    void aBranchBecomesTheRowItIsReadBackFrom() {
        IdentifiedBranch b = new IdentifiedBranch("a", "b", 0.25, 0.5, 0.001, Double.NaN, 0.875, "", Double.NaN, 0,
                1.5e-6, "", true, 0.25, 0.5, 48);
        Map<String, String> x = new LinkedHashMap<>();
        x.put(BranchColumns.R_STD_ERR, "0.001");
        x.put(BranchColumns.RELAXATION_GAP, "0");
        x.put(BranchColumns.POLISHED, "true");
        x.put(BranchColumns.R_UNCONSTRAINED, "0.25");
        x.put(BranchColumns.X_UNCONSTRAINED, "0.5");
        x.put(BranchColumns.RMS_RESIDUAL, "1.5E-6");
        x.put(BranchColumns.INTERVALS_USED, "48");
        x.put(BranchColumns.CONFIDENCE, "0.875");
        BranchRow row = BranchColumns.row(b);
        assertEquals(new BranchRow("a", "b", 0.25, 0.5, x), row);
        assertEquals(java.util.List.copyOf(x.keySet()), java.util.List.copyOf(row.extra().keySet()));
        assertEquals(b, BranchColumns.branch(row));
    }
}

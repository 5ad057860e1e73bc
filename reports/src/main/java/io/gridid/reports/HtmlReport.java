package io.gridid.reports;

import io.gridid.impedance.JointRefinementReport;
import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.Warning;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.BusPair;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.gridid.reports.Html.esc;

/**
 * Renders an {@link IdentificationResult} as one self-contained HTML page: inline CSS, inline
 * SVG and one constant inline script ({@link ReportScript}: pan/zoom, label placement, table
 * sorting), no external resource, so it opens offline and can be mailed. Sections: how far to
 * trust the result ({@link TrustSummary}: data period, intervals, missing share, low-confidence
 * edges, branches not pinned down, warnings by kind), the feeder drawing ({@link FeederDrawing}),
 * estimated-vs-true r and x (truth only) and the voltage profile ({@link Plots}), the sortable
 * per-branch table, and the data-quality summary with every warning. Every string from user
 * data is escaped.
 *
 * <p>Confidences all in [0, 1] are used as they are; otherwise each is divided by the largest one.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em auto;padding:0 1.5em;color:#222;max-width:1352px}
            h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin-top:1.4em;border-bottom:1px solid #ccc}
            #trust h2{margin-top:.4em}
            table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}
            th{background:#f0f0f0}td.id{text-align:left;font-family:monospace}td,th{white-space:nowrap}
            td.note{white-space:normal;text-align:left;min-width:16em}
            table.facts th{text-align:left}table.facts td{text-align:left;white-space:normal}
            table.facts tr.doubt th{background:#fde8d0}table.facts tr.ok th{background:#e3eef8}
            code{font-size:.95em}.kinds{margin:.5em 0 .2em}#warning-kinds{margin:.2em 0;font-size:.9em}
            .figure{border:1px solid #ddd;margin:.5em 0;max-width:100%;overflow:hidden;position:relative}
            .plots svg{display:inline-block;margin-right:1em}.table-wrap{max-width:100%;overflow-x:auto}
            .zoom{text-align:right;margin:3px 4px 0}.zoom button{width:2.2em;margin-left:2px}
            svg text{font-size:10px;font-family:monospace}
            #tree{display:block;width:100%;height:auto;cursor:grab;--k:1}#tree.dragging{cursor:grabbing}
            .edge{stroke-width:2.5;vector-effect:non-scaling-stroke}.edge.wrong{stroke-dasharray:5 3}
            #tree circle.bus{fill:#fff;stroke:#333;r:calc(var(--r) * 1px / var(--k));vector-effect:non-scaling-stroke}#tree circle.bus.hidden{fill:#333}
            #tree .lbl{font-size:calc(10px / var(--k));fill:#111;paint-order:stroke;stroke:#fff;
              stroke-width:calc(3px / var(--k));stroke-linejoin:round}#tree .lbl.hid{visibility:hidden}
            #tree .node:hover .lbl{visibility:visible;font-weight:bold}
            .legend span{margin-left:1em;white-space:nowrap}.legend svg{vertical-align:middle;margin-right:.3em}
            .warn{color:#8a4b00}
            .pt{fill:#0072B2;fill-opacity:.75}.diag{stroke:#999;stroke-dasharray:4 3}
            .axis,.tick{stroke:#333}.grid{stroke:#eee}.ticklabel{fill:#333}.axislabel{font-family:system-ui,sans-serif;font-size:11px}
            .profile{fill:none;stroke:#0072B2;stroke-width:2}
            th[data-sort]{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            """;

    /**
     * @return the complete page, UTF-8 text
     * @throws GrididException if the truth cannot be joined with the result (a bus pair listed twice)
     */
    public String render(IdentificationResult result) throws GrididException {
        Score score = result.hasTruth() ? new Scoring().score(result.contractRows(), result.truth()) : null;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>gridid report: feeder ").append(esc(result.rootBus())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>gridid identification report</h1>\n");
        TrustSummary trust = TrustSummary.of(result);
        trust.render(h, result, score);
        Set<BusPair> wrong = new HashSet<>();
        if (score != null) {
            wrong.addAll(score.extra());
        }
        FeederDrawing.render(h, result, wrong);
        if (score != null) {
            Plots.scatter(h, score);
        }
        BranchTable.render(h, result, score);
        Plots.profile(h, result);
        quality(h, result);
        h.append("<script>").append(ReportScript.JS).append("</script>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    static double confidenceScale(Map<String, Double> confidence) {
        double max = 0;
        boolean unit = true;
        for (double c : confidence.values()) {
            if (Double.isFinite(c)) {
                max = Math.max(max, c);
                unit &= c >= 0 && c <= 1;
            }
        }
        return unit || max <= 0 ? 1 : max;
    }

    /** One line: the status, and for a pooled refinement its solver, work and rejected readings. */
    static String jointRefinementLine(JointRefinementReport joint) {
        JointRefinementReport.Pass free = joint.free();
        if (free == null || !free.pooled()) {
            return joint.status().name();
        }
        return String.format(Locale.ROOT, "%s (%s, %d iterations, %d of %d voltage readings rejected)",
                joint.status().name(), free.solver().name(), free.iterations(), free.rejectedReadings(),
                free.readings() + free.rejectedReadings());
    }

    private static void quality(StringBuilder h, IdentificationResult r) {
        IdentificationDiagnostics d = r.diagnostics();
        h.append("<h2 id=\"quality\">Data quality and stages</h2>\n<table id=\"quality-table\">");
        row(h, "meters (root included)", Integer.toString(d.meterCount()));
        row(h, "intervals in the data", Integer.toString(d.intervalCount()));
        row(h, "intervals used by stage 1", Integer.toString(d.intervalsUsed()));
        row(h, "missing readings (|V|, P, Q)", d.missingReadings() + (Double.isNaN(d.missingShare()) ? ""
                : String.format(Locale.ROOT, " (%.2f %%)", 100 * d.missingShare())));
        row(h, "stage 1 method", esc(d.topologyMethod()));
        row(h, "stage 1 regression path", esc(d.regressionPath()));
        row(h, "stage 1 condition number", Double.isNaN(d.conditionNumber()) ? "n/a (no regression)" : num(d.conditionNumber()));
        for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
            row(h, "wall time, " + esc(e.getKey()) + " (s)", num(e.getValue()));
        }
        r.stageStatus().forEach((stage, status) -> row(h, "status, " + esc(stage), status.name()));
        JointRefinementReport joint = r.jointRefinement();
        if (joint.status() != JointRefinementReport.Status.NOT_RECORDED) {
            row(h, "stage 2 joint refinement", esc(jointRefinementLine(joint)));
        }
        h.append("</table>\n");
        h.append("<h3>Warnings</h3>\n");
        if (r.warnings().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul id=\"warnings\">");
            for (Warning w : r.warnings()) {
                h.append("<li class=\"warn\" data-code=\"").append(w.code().name()).append("\">").append(esc(w.text()))
                        .append("</li>");
            }
            h.append("</ul>\n");
        }
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    /** Four significant digits, plainly written from 1e-4 to 1e6, else as 2.50e-15; "0" for 0; empty for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

}

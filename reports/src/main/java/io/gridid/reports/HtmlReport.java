package io.gridid.reports;

import io.gridid.model.GrididException;
import io.gridid.model.RadialTree;
import io.gridid.model.io.BranchRow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.gridid.reports.Html.esc;

/**
 * Renders an {@link IdentificationResult} as one self-contained HTML page: inline CSS and SVG
 * only, no script and no external resource, so it opens offline and can be mailed. Sections:
 * summary (and score against the truth when given), the feeder tree (tidy layered layout, root
 * on top, each edge coloured by its topology confidence), estimated-vs-true r and x scatter
 * plots (truth only), the per-branch table, the mean voltage profile along the longest path, and
 * the data-quality summary with every warning. Every string from user data is escaped.
 *
 * <p>Colour scale: confidences all in [0, 1] are used as they are; otherwise each is divided by
 * the largest one. 0 is red, 1 is green, unknown is grey.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1400px}
            h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}
            th{background:#f0f0f0}td.id{text-align:left;font-family:monospace}
            .figure{overflow-x:auto;border:1px solid #ddd;margin:.5em 0}
            svg text{font-size:10px;font-family:monospace}
            .edge{stroke-width:2.5}.edge.wrong{stroke-dasharray:5 3}
            .bus{fill:#fff;stroke:#333}.warn{color:#8a4b00}
            .pt{fill:#1f77b4;fill-opacity:.75}.diag{stroke:#999;stroke-dasharray:4 3}
            .axis{stroke:#333}.profile{fill:none;stroke:#1f77b4;stroke-width:2}
            """;

    /** Horizontal and vertical spacing of the tree drawing, px. */
    private static final double COLUMN_PX = 34;
    private static final double ROW_PX = 56;
    private static final double MARGIN_PX = 24;

    /**
     * @return the complete page, UTF-8 text
     * @throws GrididException if the truth cannot be joined with the result (a bus pair listed twice)
     */
    public String render(IdentificationResult result) throws GrididException {
        Score score = result.hasTruth() ? new Scoring().score(result.branches(), result.truth()) : null;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>gridid report: feeder ").append(esc(result.rootBus())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>gridid identification report</h1>\n");
        summary(h, result, score);
        tree(h, result, score);
        if (score != null) {
            scatter(h, score);
        }
        branchTable(h, result, score);
        profile(h, result);
        quality(h, result);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, IdentificationResult r, Score score) {
        h.append("<section id=\"summary\"><table>");
        row(h, "root bus", esc(r.rootBus()));
        row(h, "nominal voltage (kV, line-to-line)", num(r.baseKv()));
        row(h, "buses", Integer.toString(r.branches().size() + 1));
        row(h, "branches", Integer.toString(r.branches().size()));
        if (score != null) {
            row(h, "topology precision / recall / F1", num(score.precision()) + " / " + num(score.recall()) + " / "
                    + num(score.f1()));
            row(h, "branches missing / extra", score.missing().size() + " / " + score.extra().size());
            row(h, "r relative error: median / p90", pct(score.rRelErrorMedian()) + " / " + pct(score.rRelErrorP90()));
            row(h, "x relative error: median / p90", pct(score.xRelErrorMedian()) + " / " + pct(score.xRelErrorP90()));
        }
        h.append("</table></section>\n");
    }

    private static void tree(StringBuilder h, IdentificationResult r, Score score) {
        RadialTree tree = r.tree();
        TreeLayout layout = TreeLayout.of(tree);
        double scale = confidenceScale(r.confidence());
        Set<BusPair> wrong = new HashSet<>();
        if (score != null) {
            wrong.addAll(score.extra());
        }
        double w = 2 * MARGIN_PX + (layout.columns() - 1) * COLUMN_PX + 60;
        double ht = 2 * MARGIN_PX + (layout.rows() - 1) * ROW_PX;
        h.append("<h2>Feeder topology</h2>\n<p>Root on top, one row per depth. Edge colour: topology confidence ")
                .append("(red = low, green = high, grey = unknown)")
                .append(score != null ? "; dashed = not in the truth" : "").append(".</p>\n");
        h.append("<div class=\"figure\"><svg id=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(w)).append("\" height=\"").append(fmt(ht)).append("\">\n");
        for (BranchRow b : r.branches()) {
            TreeLayout.Point a = layout.pointOf(b.fromBus());
            TreeLayout.Point c = layout.pointOf(b.toBus());
            double conf = r.confidenceOf(b.toBus());
            boolean isWrong = wrong.contains(BusPair.of(b.fromBus(), b.toBus()));
            h.append("<line class=\"edge").append(isWrong ? " wrong" : "").append("\" x1=\"").append(fmt(x(a)))
                    .append("\" y1=\"").append(fmt(y(a))).append("\" x2=\"").append(fmt(x(c))).append("\" y2=\"")
                    .append(fmt(y(c))).append("\" stroke=\"").append(colour(conf, scale)).append("\"><title>")
                    .append(esc(b.fromBus())).append(" \u2192 ").append(esc(b.toBus())).append(": confidence ")
                    .append(num(conf)).append("</title></line>\n");
        }
        boolean labels = layout.points().size() <= 400;
        for (Map.Entry<String, TreeLayout.Point> e : layout.points().entrySet()) {
            TreeLayout.Point p = e.getValue();
            h.append("<circle class=\"bus\" cx=\"").append(fmt(x(p))).append("\" cy=\"").append(fmt(y(p)))
                    .append("\" r=\"4\"><title>").append(esc(e.getKey())).append("</title></circle>");
            if (labels) {
                h.append("<text x=\"").append(fmt(x(p) + 6)).append("\" y=\"").append(fmt(y(p) - 6)).append("\">")
                        .append(esc(e.getKey())).append("</text>");
            }
            h.append('\n');
        }
        h.append("</svg></div>\n");
    }

    private static double x(TreeLayout.Point p) {
        return MARGIN_PX + p.column() * COLUMN_PX;
    }

    private static double y(TreeLayout.Point p) {
        return MARGIN_PX + p.row() * ROW_PX;
    }

    private static double confidenceScale(Map<String, Double> confidence) {
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

    private static String colour(double conf, double scale) {
        if (!Double.isFinite(conf)) {
            return "#999999";
        }
        double v = Math.max(0, Math.min(1, conf / scale));
        return String.format(Locale.ROOT, "hsl(%.0f,75%%,40%%)", 120 * v);
    }

    private static void scatter(StringBuilder h, Score score) {
        h.append("<h2>Estimated vs true impedance</h2>\n<p>One point per branch found in both; "
                + "the dashed line is estimate = truth.</p>\n");
        h.append("<div class=\"figure\">");
        scatterPlot(h, "scatter-r", "r (ohm)", score.matched(), true);
        scatterPlot(h, "scatter-x", "x (ohm)", score.matched(), false);
        h.append("</div>\n");
    }

    private static void scatterPlot(StringBuilder h, String id, String label, List<BranchError> errs, boolean r) {
        final double size = 320;
        final double m = 40;
        double max = 0;
        for (BranchError e : errs) {
            double est = r ? e.rOhm() : e.xOhm();
            double tru = r ? e.rTrueOhm() : e.xTrueOhm();
            if (Double.isFinite(est)) {
                max = Math.max(max, est);
            }
            if (Double.isFinite(tru)) {
                max = Math.max(max, tru);
            }
        }
        max = max > 0 ? max * 1.05 : 1;
        h.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(size + 2 * m)).append("\" height=\"").append(fmt(size + 2 * m)).append("\">");
        h.append("<line class=\"axis\" x1=\"").append(fmt(m)).append("\" y1=\"").append(fmt(m + size))
                .append("\" x2=\"").append(fmt(m + size)).append("\" y2=\"").append(fmt(m + size)).append("\"/>");
        h.append("<line class=\"axis\" x1=\"").append(fmt(m)).append("\" y1=\"").append(fmt(m))
                .append("\" x2=\"").append(fmt(m)).append("\" y2=\"").append(fmt(m + size)).append("\"/>");
        h.append("<line class=\"diag\" x1=\"").append(fmt(m)).append("\" y1=\"").append(fmt(m + size))
                .append("\" x2=\"").append(fmt(m + size)).append("\" y2=\"").append(fmt(m)).append("\"/>");
        h.append("<text x=\"").append(fmt(m + size / 2 - 40)).append("\" y=\"").append(fmt(m + size + 28))
                .append("\">true ").append(label).append("</text>");
        h.append("<text x=\"4\" y=\"").append(fmt(m - 10)).append("\">estimated ").append(label)
                .append(" (axes 0 to ").append(num(max)).append(")</text>");
        for (BranchError e : errs) {
            double est = r ? e.rOhm() : e.xOhm();
            double tru = r ? e.rTrueOhm() : e.xTrueOhm();
            if (!Double.isFinite(est) || !Double.isFinite(tru)) {
                continue;
            }
            h.append("<circle class=\"pt\" cx=\"").append(fmt(m + tru / max * size)).append("\" cy=\"")
                    .append(fmt(m + size - est / max * size)).append("\" r=\"3.5\"><title>")
                    .append(esc(e.fromBus())).append(" \u2192 ").append(esc(e.toBus())).append(": ")
                    .append(num(est)).append(" vs ").append(num(tru)).append("</title></circle>");
        }
        h.append("</svg>\n");
    }

    private static void branchTable(StringBuilder h, IdentificationResult r, Score score) {
        Map<BusPair, BranchError> errs = new java.util.HashMap<>();
        if (score != null) {
            for (BranchError e : score.matched()) {
                errs.put(BusPair.of(e.fromBus(), e.toBus()), e);
            }
        }
        h.append("<h2>Branches</h2>\n<p>Intervals are estimate &plusmn; 2 standard errors. Gap: cone relaxation gap ")
                .append("w &minus; (r&sup2; + x&sup2;), 0 = exact. Residual: RMS of the branch-equation fit, kV&sup2;.</p>\n");
        h.append("<table id=\"branches\"><thead><tr><th>from</th><th>to</th><th>r (&Omega;)</th><th>x (&Omega;)</th>")
                .append("<th>r interval</th><th>x interval</th><th>conductor</th><th>length (km)</th><th>gap</th>")
                .append("<th>residual</th><th>intervals</th><th>confidence</th>");
        if (score != null) {
            h.append("<th>true r (&Omega;)</th><th>true x (&Omega;)</th><th>r error</th><th>x error</th>");
        }
        h.append("<th>note</th></tr></thead><tbody>\n");
        for (BranchRow b : r.branches()) {
            Map<String, String> e = b.extra();
            double rs = BranchColumns.parse(e.get(BranchColumns.R_STD_ERR));
            double xs = BranchColumns.parse(e.get(BranchColumns.X_STD_ERR));
            h.append("<tr><td class=\"id\">").append(esc(b.fromBus())).append("</td><td class=\"id\">")
                    .append(esc(b.toBus())).append("</td>");
            cell(h, num(b.rOhm()));
            cell(h, num(b.xOhm()));
            cell(h, interval(b.rOhm(), rs));
            cell(h, interval(b.xOhm(), xs));
            h.append("<td class=\"id\">").append(esc(e.getOrDefault(BranchColumns.CONDUCTOR, ""))).append("</td>");
            cell(h, num(BranchColumns.parse(e.get(BranchColumns.LENGTH_KM))));
            cell(h, num(BranchColumns.parse(e.get(BranchColumns.RELAXATION_GAP))));
            cell(h, num(BranchColumns.parse(e.get(BranchColumns.RMS_RESIDUAL))));
            cell(h, esc(e.getOrDefault(BranchColumns.INTERVALS_USED, "")));
            cell(h, num(r.confidenceOf(b.toBus())));
            if (score != null) {
                BranchError be = errs.get(BusPair.of(b.fromBus(), b.toBus()));
                if (be == null) {
                    h.append("<td colspan=\"4\">not in the truth</td>");
                } else {
                    cell(h, num(be.rTrueOhm()));
                    cell(h, num(be.xTrueOhm()));
                    cell(h, pct(be.rRelError()));
                    cell(h, pct(be.xRelError()));
                }
            }
            h.append("<td class=\"id\">").append(esc(e.getOrDefault(BranchColumns.NOTE, ""))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (score != null && !score.missing().isEmpty()) {
            h.append("<p id=\"missing\">True branches not identified: ");
            List<String> names = new ArrayList<>();
            for (BusPair p : score.missing()) {
                names.add(esc(p.first()) + "&ndash;" + esc(p.second()));
            }
            h.append(String.join(", ", names)).append("</p>\n");
        }
    }

    /** Longest root-to-bus path (most branches; first such bus top-down), with mean |V| per bus. */
    private static void profile(StringBuilder h, IdentificationResult r) {
        h.append("<h2>Voltage profile along the longest path</h2>\n");
        RadialTree tree = r.tree();
        String deepest = tree.root();
        for (String b : tree.topDown()) {
            if (tree.depthOf(b) > tree.depthOf(deepest)) {
                deepest = b;
            }
        }
        List<String> path = new ArrayList<>();
        for (String b = deepest; ; b = tree.parentOf(b)) {
            path.add(0, b);
            if (b.equals(tree.root())) {
                break;
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Double v = r.meanVoltagePu().get(path.get(i));
            if (v != null && Double.isFinite(v)) {
                pts.add(new double[] {i, v});
            }
        }
        if (pts.size() < 2) {
            h.append("<p>No mean voltages available.</p>\n");
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : pts) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        if (hi - lo < 1e-6) {
            hi = lo + 1e-6;
        }
        final double w = Math.max(300, 40.0 * path.size());
        final double ht = 220;
        final double m = 40;
        h.append("<p>Mean measured |V| (p.u.) from the root ").append(esc(tree.root())).append(" to ")
                .append(esc(deepest)).append(": ").append(num(hi)).append(" down to ").append(num(lo)).append(".</p>\n");
        h.append("<div class=\"figure\"><svg id=\"profile\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(w + 2 * m)).append("\" height=\"").append(fmt(ht + 2 * m)).append("\">");
        StringBuilder poly = new StringBuilder();
        for (double[] p : pts) {
            double px = m + p[0] / Math.max(1, path.size() - 1) * w;
            double py = m + (hi - p[1]) / (hi - lo) * ht;
            poly.append(fmt(px)).append(',').append(fmt(py)).append(' ');
            h.append("<circle class=\"pt\" cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
                    .append("\" r=\"3\"><title>").append(esc(path.get((int) p[0]))).append(": ").append(num(p[1]))
                    .append(" p.u.</title></circle>");
        }
        h.append("<polyline class=\"profile\" points=\"").append(poly.toString().trim()).append("\"/>");
        h.append("<text x=\"4\" y=\"").append(fmt(m - 8)).append("\">").append(num(hi)).append(" p.u.</text>");
        h.append("<text x=\"4\" y=\"").append(fmt(m + ht + 16)).append("\">").append(num(lo)).append(" p.u.</text>");
        h.append("</svg></div>\n");
    }

    private static void quality(StringBuilder h, IdentificationResult r) {
        IdentificationDiagnostics d = r.diagnostics();
        h.append("<h2>Data quality and stages</h2>\n<table id=\"quality\">");
        row(h, "meters (root included)", Integer.toString(d.meterCount()));
        row(h, "intervals in the data", Integer.toString(d.intervalCount()));
        row(h, "intervals used by stage 1", Integer.toString(d.intervalsUsed()));
        long cells = 3L * d.meterCount() * d.intervalCount();
        row(h, "missing readings (|V|, P, Q)", d.missingReadings() + (cells > 0
                ? String.format(Locale.ROOT, " (%.2f %%)", 100.0 * d.missingReadings() / cells) : ""));
        row(h, "stage 1 method", esc(d.topologyMethod()));
        row(h, "stage 1 regression path", esc(d.regressionPath()));
        row(h, "stage 1 condition number", Double.isNaN(d.conditionNumber()) ? "n/a (no regression)" : num(d.conditionNumber()));
        for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
            row(h, "wall time, " + esc(e.getKey()) + " (s)", num(e.getValue()));
        }
        h.append("</table>\n");
        h.append("<h3>Warnings</h3>\n");
        if (r.warnings().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul id=\"warnings\">");
            for (String w : r.warnings()) {
                h.append("<li class=\"warn\">").append(esc(w)).append("</li>");
            }
            h.append("</ul>\n");
        }
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static void cell(StringBuilder h, String html) {
        h.append("<td>").append(html).append("</td>");
    }

    private static String interval(double v, double stdErr) {
        if (!Double.isFinite(v) || !Double.isFinite(stdErr)) {
            return "";
        }
        return "[" + num(v - 2 * stdErr) + ", " + num(v + 2 * stdErr) + "]";
    }

    /** Four significant digits; empty for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String fmt(double px) {
        return String.format(Locale.ROOT, "%.1f", px);
    }
}

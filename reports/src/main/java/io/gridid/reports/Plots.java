package io.gridid.reports;

import io.gridid.model.RadialTree;
import io.gridid.pipeline.BranchError;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.gridid.reports.Html.esc;

/**
 * The report's two kinds of plot as inline SVG, each with ticked, labelled axes and units, and
 * a hover title on every point naming its branch or bus: estimated against true r and x (with a
 * truth), and the mean voltage along the longest root-to-leaf path with the bus ids under it.
 */
final class Plots {
    private static final double TICK_PX = 5;
    /** Width one rotated bus id needs along the profile's x axis, px (10 px font, 45 degrees). */
    private static final double ID_SPACING_PX = 14;

    private Plots() {
    }

    static void scatter(StringBuilder h, Score score) {
        h.append("<h2>Estimated vs true impedance</h2>\n<p>One point per branch found in both (hover for its ")
                .append("ids and values); the dashed line is estimate = truth.</p>\n<div class=\"figure plots\">");
        scatterPlot(h, "scatter-r", "r", score.matched(), true);
        scatterPlot(h, "scatter-x", "x", score.matched(), false);
        h.append("</div>\n");
    }

    private static void scatterPlot(StringBuilder h, String id, String name, List<BranchError> errs, boolean r) {
        final double size = 320;
        final double left = 64;
        final double top = 20;
        final double bottom = 48;
        double max = 0;
        for (BranchError e : errs) {
            for (double v : new double[] {r ? e.rOhm() : e.xOhm(), r ? e.rTrueOhm() : e.xTrueOhm()}) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        PlotAxis axis = PlotAxis.of(0, max > 0 ? max : 1, 5, true);
        h.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(left + size + 20)).append("\" height=\"").append(fmt(top + size + bottom)).append("\">");
        double x0 = left;
        double y0 = top + size;
        frame(h, x0, top, size, size);
        for (double t : axis.ticks()) {
            double px = axis.map(t, x0, x0 + size);
            double py = axis.map(t, y0, top);
            h.append(line("tick", px, y0, px, y0 + TICK_PX)).append(line("tick", x0 - TICK_PX, py, x0, py))
                    .append(line("grid", px, top, px, y0)).append(line("grid", x0, py, x0 + size, py));
            h.append(text("ticklabel", px, y0 + 17, "middle", axis.label(t)));
            h.append(text("ticklabel", x0 - 8, py + 3, "end", axis.label(t)));
        }
        h.append(line("diag", x0, y0, x0 + size, top));
        h.append(text("axislabel", x0 + size / 2, y0 + 38, "middle", "true " + name + " (\u03a9)"));
        h.append("<text class=\"axislabel\" transform=\"translate(14,").append(fmt(top + size / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">estimated ").append(name).append(" (\u03a9)</text>");
        for (BranchError e : errs) {
            double est = r ? e.rOhm() : e.xOhm();
            double tru = r ? e.rTrueOhm() : e.xTrueOhm();
            if (!Double.isFinite(est) || !Double.isFinite(tru)) {
                continue;
            }
            double cy = Math.max(top, axis.map(est, y0, top));
            h.append("<circle class=\"pt\" cx=\"").append(fmt(axis.map(tru, x0, x0 + size))).append("\" cy=\"")
                    .append(fmt(cy)).append("\" r=\"3.5\"><title>").append(esc(e.fromBus())).append(" \u2192 ")
                    .append(esc(e.toBus())).append(": estimated ").append(name).append(' ')
                    .append(HtmlReport.num(est)).append(" \u03a9, true ").append(HtmlReport.num(tru))
                    .append(" \u03a9</title></circle>");
        }
        h.append("</svg>\n");
    }

    /** Longest root-to-bus path (most branches; first such bus top-down), with mean |V| per bus. */
    static void profile(StringBuilder h, IdentificationResult r) {
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
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < path.size(); i++) {
            Double v = r.meanVoltagePu().get(path.get(i));
            if (v != null && Double.isFinite(v)) {
                pts.add(new double[] {i, v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (pts.size() < 2) {
            h.append("<p>No mean voltages available.</p>\n");
            return;
        }
        PlotAxis axis = PlotAxis.of(lo, hi, 5, false);
        final double left = 70;
        final double top = 16;
        final double ht = 220;
        final double w = Math.min(FeederDrawing.WIDTH_PX - left - 30, Math.max(300, 40.0 * path.size()));
        final double bottom = 16 + FeederDrawing.CHAR_PX * Math.min(24, longest(path)) * 0.75;
        h.append("<p>Mean measured |V| (p.u. of ").append(HtmlReport.num(r.baseKv())).append(" kV) from the root ")
                .append(esc(tree.root())).append(" to ").append(esc(deepest)).append(", ").append(path.size())
                .append(" buses: ").append(HtmlReport.num(hi)).append(" down to ").append(HtmlReport.num(lo))
                .append(" p.u. Hover a point for its bus.</p>\n");
        h.append("<div class=\"figure\"><svg id=\"profile\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(left + w + 30)).append("\" height=\"").append(fmt(top + ht + bottom)).append("\">");
        double y0 = top + ht;
        frame(h, left, top, w, ht);
        for (double t : axis.ticks()) {
            double py = axis.map(t, y0, top);
            h.append(line("tick", left - TICK_PX, py, left, py)).append(line("grid", left, py, left + w, py));
            h.append(text("ticklabel", left - 8, py + 3, "end", axis.label(t)));
        }
        h.append("<text class=\"axislabel\" transform=\"translate(14,").append(fmt(top + ht / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">mean |V| (p.u.)</text>");
        double dx = w / Math.max(1, path.size() - 1);
        int every = (int) Math.ceil(ID_SPACING_PX / dx);
        for (int i = 0; i < path.size(); i += every) {
            double px = left + i * dx;
            h.append(line("tick", px, y0, px, y0 + TICK_PX));
            h.append("<text class=\"ticklabel busid\" transform=\"translate(").append(fmt(px + 3)).append(',')
                    .append(fmt(y0 + 12)).append(") rotate(45)\">").append(esc(path.get(i))).append("</text>");
        }
        StringBuilder poly = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (double[] p : pts) {
            double px = left + p[0] * dx;
            double py = axis.map(p[1], y0, top);
            poly.append(fmt(px)).append(',').append(fmt(py)).append(' ');
            dots.append("<circle class=\"pt\" cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
                    .append("\" r=\"3\"><title>").append(esc(path.get((int) p[0]))).append(": ")
                    .append(HtmlReport.num(p[1])).append(" p.u.</title></circle>");
        }
        h.append("<polyline class=\"profile\" points=\"").append(poly.toString().trim()).append("\"/>").append(dots);
        h.append("</svg></div>\n");
    }

    private static int longest(List<String> ids) {
        int n = 0;
        for (String s : ids) {
            n = Math.max(n, s.length());
        }
        return n;
    }

    private static void frame(StringBuilder h, double x, double y, double w, double ht) {
        h.append(line("axis", x, y + ht, x + w, y + ht)).append(line("axis", x, y, x, y + ht));
    }

    private static String line(String cls, double x1, double y1, double x2, double y2) {
        return "<line class=\"" + cls + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2)
                + "\" y2=\"" + fmt(y2) + "\"/>";
    }

    private static String text(String cls, double x, double y, String anchor, String s) {
        return "<text class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">"
                + esc(s) + "</text>";
    }

    private static String fmt(double px) {
        return String.format(Locale.ROOT, "%.1f", px);
    }
}

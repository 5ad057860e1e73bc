package io.gridid.reports;

import io.gridid.model.RadialTree;
import io.gridid.pipeline.BusPair;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.gridid.reports.Html.esc;

/**
 * The feeder drawing: {@link TreeLayout} scaled to fit {@link #WIDTH_PX} (so it fits a 1400 px
 * page from 13 to 1000 buses), edges coloured by confidence band in the Okabe-Ito palette
 * (colour-blind safe) with a legend, and bus labels placed greedily so that no two overlap: a
 * label that would touch one already placed is hidden and shows on hover, or when zooming in
 * (the page's script, {@link ReportScript}, pans, zooms and re-places the labels from their
 * measured boxes). Without the script the drawing and its non-overlapping labels still stand.
 */
final class FeederDrawing {
    /** Drawing width, px (the page is at most 1400 px wide with margins). */
    static final double WIDTH_PX = 1320;
    /** Height the rows are spread over before a row gets less than {@link #MIN_ROW_PX}. */
    static final double TARGET_HEIGHT_PX = 620;
    static final double MIN_ROW_PX = 16;
    static final double MAX_ROW_PX = 64;
    /** Widest gap between neighbouring leaves, px: small feeders spread out but stay compact. */
    static final double MAX_COLUMN_PX = 160;
    static final double MARGIN_PX = 24;
    /**
     * Label box estimate for the 10 px monospace font, px: a character is 0.6 em (DejaVu Sans
     * Mono, Liberation Mono); 6.4 px leaves room for wider fallbacks. Height 11 px.
     */
    static final double CHAR_PX = 6.4;
    static final double LABEL_HEIGHT_PX = 11;
    /** Label offset from its bus, px. */
    static final double LABEL_DX = 5;
    static final double LABEL_DY = -5;
    /** Clear space kept left and right of every label, px. */
    static final double LABEL_GAP_PX = 3;
    /** Bus dot radius, px, when buses are far enough apart; smaller (down to the minimum) when dense. */
    static final double DOT_PX = 4;
    static final double MIN_DOT_PX = 1.5;

    /** Confidence bands (lower bounds, after scaling to [0, 1]) and their colours, highest first. */
    static final double[] BANDS = {TrustSummary.LOW_CONFIDENCE, 0.9, 0.6, 0};
    static final String[] COLOURS = {"#0072B2", "#56B4E9", "#E69F00", "#D55E00"};
    static final String UNKNOWN_COLOUR = "#999999";
    static final String[] BAND_NAMES = {"&ge; " + TrustSummary.LOW_CONFIDENCE + " (in every half of the data)",
        "0.9 to " + TrustSummary.LOW_CONFIDENCE, "0.6 to 0.9", "below 0.6"};

    private FeederDrawing() {
    }

    static void render(StringBuilder h, IdentificationResult r, Set<BusPair> wrong) {
        RadialTree tree = r.tree();
        TreeLayout layout = TreeLayout.of(tree);
        double scale = HtmlReport.confidenceScale(r.confidence());
        double inner = WIDTH_PX - 2 * MARGIN_PX - 60; // room for the last label
        double colPx = layout.columns() > 1 ? Math.min(MAX_COLUMN_PX, inner / (layout.columns() - 1)) : 0;
        double rowPx = layout.rows() > 1 ? Math.max(MIN_ROW_PX, Math.min(MAX_ROW_PX,
                TARGET_HEIGHT_PX / (layout.rows() - 1))) : 0;
        double used = (layout.columns() - 1) * colPx;
        double left = MARGIN_PX + Math.max(0, (inner - used) / 2);
        double height = 2 * MARGIN_PX + (layout.rows() - 1) * rowPx + 8;
        double dot = Math.max(MIN_DOT_PX, Math.min(DOT_PX, 0.4 * Math.min(colPx > 0 ? colPx : DOT_PX, rowPx > 0 ? rowPx : DOT_PX)));
        Map<String, double[]> xy = new HashMap<>();
        for (Map.Entry<String, TreeLayout.Point> e : layout.points().entrySet()) {
            xy.put(e.getKey(), new double[] {left + e.getValue().column() * colPx, MARGIN_PX + e.getValue().row() * rowPx});
        }
        h.append("<h2 id=\"drawing\">Feeder topology</h2>\n<p>Root on top, one row per depth; ")
                .append(tree.size()).append(" buses. Scroll to zoom, drag to pan; a bus's name shows on hover ")
                .append("and, when labels would overlap, as you zoom in.</p>\n");
        legend(h, !wrong.isEmpty(), !r.hiddenBuses().isEmpty());
        h.append("<div class=\"figure tree-frame\"><div class=\"zoom\"><button type=\"button\" data-zoom=\"1.5\">+</button>")
                .append("<button type=\"button\" data-zoom=\"0.6667\">&minus;</button>")
                .append("<button type=\"button\" data-zoom=\"0\">fit</button></div>\n")
                .append("<svg id=\"tree\" class=\"pannable\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(fmt(WIDTH_PX)).append(' ').append(fmt(height)).append("\" width=\"").append(fmt(WIDTH_PX))
                .append("\" height=\"").append(fmt(height))
                .append("\" data-r0=\"").append(fmt(dot)).append("\" style=\"--r:").append(fmt(dot))
                .append("\">\n<g class=\"vp\">\n");
        for (IdentifiedBranch b : r.branches()) {
            double[] a = xy.get(b.fromBus());
            double[] c = xy.get(b.toBus());
            double conf = r.confidenceOf(b.toBus());
            boolean isWrong = wrong.contains(BusPair.of(b.fromBus(), b.toBus()));
            h.append("<line class=\"edge").append(isWrong ? " wrong" : "").append("\" x1=\"").append(fmt(a[0]))
                    .append("\" y1=\"").append(fmt(a[1])).append("\" x2=\"").append(fmt(c[0])).append("\" y2=\"")
                    .append(fmt(c[1])).append("\" stroke=\"").append(colour(conf, scale)).append("\"><title>")
                    .append(esc(b.fromBus())).append(" \u2192 ").append(esc(b.toBus())).append(": confidence ")
                    .append(HtmlReport.num(conf)).append(", r ").append(HtmlReport.num(b.rOhm())).append(" \u03a9, x ")
                    .append(HtmlReport.num(b.xOhm())).append(" \u03a9</title></line>\n");
        }
        Set<String> shown = placeLabels(tree, xy, dot);
        Set<String> hidden = Set.copyOf(r.hiddenBuses());
        for (String bus : tree.topDown()) {
            double[] p = xy.get(bus);
            boolean unmetered = hidden.contains(bus);
            h.append("<g class=\"node\"><circle class=\"bus").append(unmetered ? " hidden" : "").append("\" cx=\"")
                    .append(fmt(p[0])).append("\" cy=\"")
                    .append(fmt(p[1])).append("\" r=\"").append(fmt(dot)).append("\"><title>").append(esc(bus))
                    .append(unmetered ? " (no meter: hidden junction)" : "").append("</title></circle>")
                    .append("<text class=\"lbl").append(shown.contains(bus) ? "" : " hid").append("\" x=\"")
                    .append(fmt(p[0] + LABEL_DX)).append("\" y=\"").append(fmt(p[1] + LABEL_DY)).append("\" data-x=\"")
                    .append(fmt(p[0])).append("\" data-y=\"").append(fmt(p[1])).append("\">").append(esc(bus))
                    .append("</text></g>\n");
        }
        h.append("</g></svg></div>\n");
    }

    private static void legend(StringBuilder h, boolean withTruth, boolean withHidden) {
        h.append("<div class=\"legend\" id=\"legend\"><b>Edge confidence:</b>");
        for (int i = 0; i < BANDS.length; i++) {
            h.append(" <span><svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"")
                    .append(COLOURS[i]).append("\" stroke-width=\"4\"/></svg>").append(BAND_NAMES[i]).append("</span>");
        }
        h.append(" <span><svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"")
                .append(UNKNOWN_COLOUR).append("\" stroke-width=\"4\"/></svg>unknown</span>");
        if (withTruth) {
            h.append(" <span><svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"#333\" ")
                    .append("stroke-width=\"3\" stroke-dasharray=\"5 3\"/></svg>not in the truth</span>");
        }
        if (withHidden) {
            h.append(" <span><svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"4\" fill=\"#333\"/>")
                    .append("</svg>bus without a meter (hidden junction)</span>");
        }
        h.append("</div>\n");
    }

    /** The colour of a confidence (scaled to [0, 1] by {@code scale}): its band's, grey when unknown. */
    static String colour(double conf, double scale) {
        if (!Double.isFinite(conf)) {
            return UNKNOWN_COLOUR;
        }
        double v = conf / scale;
        for (int i = 0; i < BANDS.length; i++) {
            if (v >= BANDS[i]) {
                return COLOURS[i];
            }
        }
        return COLOURS[COLOURS.length - 1];
    }

    /**
     * Buses whose label is drawn: top-down (the root and the upper feeder first), each kept when
     * its estimated box overlaps no kept label, no bus's dot, and lies inside the drawing.
     * A spatial grid keeps it near O(n).
     */
    static Set<String> placeLabels(RadialTree tree, Map<String, double[]> xy, double dot) {
        final double cell = 64;
        Map<Long, List<double[]>> grid = new HashMap<>();
        Set<String> shown = new HashSet<>();
        for (String bus : tree.topDown()) {
            double[] p = xy.get(bus);
            double[] box = {p[0] - dot, p[1] - dot, p[0] + dot, p[1] + dot};
            for (Long c : cells(box, cell)) {
                grid.computeIfAbsent(c, k -> new ArrayList<>()).add(box);
            }
        }
        for (String bus : tree.topDown()) {
            double[] p = xy.get(bus);
            double x0 = p[0] + LABEL_DX;
            double y1 = p[1] + LABEL_DY + 3;
            double[] box = {x0, y1 - LABEL_HEIGHT_PX, x0 + CHAR_PX * bus.length(), y1};
            if (box[2] > WIDTH_PX || box[1] < 0) {
                continue;
            }
            // every box is filed under each grid cell it touches: overlapping boxes share a cell
            List<Long> cells = cells(box, cell);
            boolean free = true;
            for (Long c : cells) {
                for (double[] o : grid.getOrDefault(c, List.of())) {
                    if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) {
                        free = false;
                        break;
                    }
                }
                if (!free) {
                    break;
                }
            }
            if (free) {
                shown.add(bus);
                // kept with a gap on each side, so neighbouring names never run together
                box = new double[] {box[0] - LABEL_GAP_PX, box[1], box[2] + LABEL_GAP_PX, box[3]};
                for (Long c : cells(box, cell)) {
                    grid.computeIfAbsent(c, k -> new ArrayList<>()).add(box);
                }
            }
        }
        return shown;
    }

    private static List<Long> cells(double[] box, double cell) {
        List<Long> out = new ArrayList<>();
        for (long gx = cellOf(box[0], cell); gx <= cellOf(box[2], cell); gx++) {
            for (long gy = cellOf(box[1], cell); gy <= cellOf(box[3], cell); gy++) {
                out.add(key(gx, gy));
            }
        }
        return out;
    }

    private static long cellOf(double v, double cell) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long gx, long gy) {
        return gx * 1_000_003L + gy;
    }

    private static String fmt(double px) {
        return String.format(Locale.ROOT, "%.1f", px);
    }
}

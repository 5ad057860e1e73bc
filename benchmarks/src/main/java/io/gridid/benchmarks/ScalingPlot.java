package io.gridid.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Hand-written SVG of the two scaling series (log-log: seconds against N, and against T). */
final class ScalingPlot {
    private static final int W = 420;
    private static final int H = 320;
    private static final int PAD = 50;
    private static final String[] NAMES = {"ingest", "topology", "impedance", "total"};
    private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#d62728", "#000000"};

    private ScalingPlot() {
    }

    static String svg(List<ScalingRun.Row> nSeries, List<ScalingRun.Row> tSeries, int nSeriesT, int tSeriesN) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                2 * W, H + 30));
        panel(s, 0, nSeries, r -> r.buses(), "buses N (random feeders, T = " + nSeriesT + ")");
        panel(s, W, tSeries, r -> r.benchCase().intervals(), "intervals T (random:" + tSeriesN + ")");
        for (int i = 0; i < NAMES.length; i++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", PAD + i * 110, H + 12, COLORS[i], PAD + 14 + i * 110, H + 21, NAMES[i]));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panel(StringBuilder s, int x0, List<ScalingRun.Row> rows, ToDoubleFunction<ScalingRun.Row> xOf,
                              String xLabel) {
        s.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">%n", x0));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                PAD, W - PAD - 10, H - PAD - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (log)</text>%n", PAD, H - 15, xLabel));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">seconds, median (log)</text>%n",
                H / 2 + 40, H / 2 + 40));
        if (rows.size() < 2) {
            s.append("<text x=\"80\" y=\"100\">fewer than two points</text></g>\n");
            return;
        }
        double xmin = Double.MAX_VALUE;
        double xmax = -Double.MAX_VALUE;
        double ymin = Double.MAX_VALUE;
        double ymax = -Double.MAX_VALUE;
        double[][] ys = new double[NAMES.length][rows.size()];
        double[] xs = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ScalingRun.Row r = rows.get(i);
            xs[i] = Math.log10(xOf.applyAsDouble(r));
            double[] v = {ScalingRun.median(r.ingest()), ScalingRun.median(r.topology()),
                    ScalingRun.median(r.impedance()), ScalingRun.median(r.total())};
            for (int k = 0; k < v.length; k++) {
                ys[k][i] = Math.log10(Math.max(v[k], 1e-4));
                ymin = Math.min(ymin, ys[k][i]);
                ymax = Math.max(ymax, ys[k][i]);
            }
            xmin = Math.min(xmin, xs[i]);
            xmax = Math.max(xmax, xs[i]);
        }
        ymin = Math.floor(ymin);
        ymax = Math.ceil(ymax);
        double fx0 = xmin;
        double fx1 = xmax;
        double fy0 = ymin;
        double fy1 = ymax;
        java.util.function.DoubleUnaryOperator px = x -> PAD + 10 + (x - fx0) / (fx1 - fx0) * (W - PAD - 30);
        java.util.function.DoubleUnaryOperator py = y -> H - PAD - 5 - (y - fy0) / (fy1 - fy0) * (H - PAD - 25);
        for (int e = (int) ymin; e <= (int) ymax; e++) {
            double y = py.applyAsDouble(e);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", PAD, W - 10, y, y, PAD - 3, y + 4,
                    e >= 0 ? String.valueOf((long) Math.pow(10, e)) : java.math.BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString()));
        }
        for (int i = 0; i < xs.length; i++) {
            double x = px.applyAsDouble(xs[i]);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, H - PAD + 12, Math.round(Math.pow(10, xs[i]))));
        }
        for (int k = 0; k < NAMES.length; k++) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < xs.length; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(xs[i]), py.applyAsDouble(ys[k][i])));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                    pts.toString().trim(), COLORS[k]));
        }
        s.append("</g>\n");
    }
}

package io.gridid.reports;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.Score;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.gridid.reports.Html.esc;

/**
 * What says how far to trust an identification, for the report's first screen: the data period
 * and intervals, the missing share, the edges whose confidence is low (with ids), the branches
 * the data do not pin down (with ids), the largest relaxation gaps and the warnings by kind.
 *
 * @param lowConfidence edges (as "from-to") with confidence below {@link #LOW_CONFIDENCE}, top-down
 * @param notPinned     branches (as "from-to") whose r or x the data do not pin down (stage 2's warnings)
 * @param inexactGaps   branches with a relaxation gap above {@link #GAP_ZERO}
 * @param maxGap        the largest relaxation gap, ohm&sup2; (NaN when none is known)
 */
record TrustSummary(List<String> lowConfidence, List<String> notPinned, List<String> inexactGaps, double maxGap) {
    /**
     * An edge below this confidence is listed: with the default confidence 99 % of the edges at or
     * above it were right on noisy feeders without capacitor banks (docs/decisions/014); with
     * stability halves it means an edge missing from some half.
     */
    static final double LOW_CONFIDENCE = 0.99;
    /** A relaxation gap below this, ohm&sup2;, is solver rounding: shown as 0 and not counted. */
    static final double GAP_ZERO = 1e-6;
    /** Ids named inline before "and N more". */
    static final int NAMED = 12;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static TrustSummary of(IdentificationResult r) {
        double scale = HtmlReport.confidenceScale(r.confidence());
        List<String> low = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        double maxGap = Double.NaN;
        for (IdentifiedBranch b : r.branches()) {
            double c = r.confidenceOf(b.toBus()) / scale;
            if (Double.isFinite(c) && c < LOW_CONFIDENCE) {
                low.add(edgeId(b));
            }
            double gap = b.relaxationGap();
            if (Double.isFinite(gap)) {
                maxGap = Double.isNaN(maxGap) ? gap : Math.max(maxGap, gap);
                if (Math.abs(gap) > GAP_ZERO) {
                    gaps.add(edgeId(b));
                }
            }
        }
        return new TrustSummary(low, WarningGroups.of(r.warnings()).subjectsOf(WarningCode.R_NOT_PINNED,
                WarningCode.X_NOT_PINNED, WarningCode.R_AND_X_NOT_PINNED), gaps, maxGap);
    }

    /** A branch's id as stage 2's warnings write it. */
    static String edgeId(IdentifiedBranch b) {
        return b.fromBus() + "-" + b.toBus();
    }

    /** The section, first on the page. */
    void render(StringBuilder h, IdentificationResult r, Score score) {
        IdentificationDiagnostics d = r.diagnostics();
        int n = r.branches().size();
        h.append("<section id=\"trust\"><h2>How far to trust this result</h2>\n<table class=\"facts\">");
        row(h, "feeder", "root " + esc(r.rootBus()) + ", " + HtmlReport.num(r.baseKv()) + " kV, " + (n + 1)
                + " buses, " + n + " branches");
        if (d.hasPeriod()) {
            row(h, "data period", DAY.format(Instant.ofEpochSecond(d.firstEpochSecond())) + " to "
                    + DAY.format(Instant.ofEpochSecond(d.lastEpochSecond())) + " ("
                    + days(d.lastEpochSecond() - d.firstEpochSecond() + d.stepSeconds()) + ")");
        } else {
            row(h, "data period", "not recorded");
        }
        row(h, "intervals", d.intervalCount() + (d.stepSeconds() > 0 ? ", every " + step(d.stepSeconds()) : "")
                + "; " + d.intervalsUsed() + " complete enough for stage 1");
        double share = d.missingShare();
        row(h, "missing readings", Double.isNaN(share) ? "n/a"
                : String.format(Locale.ROOT, (share > 0 && share < 1e-3 ? "%.2g" : "%.1f") + " %% (%d of the |V|, P, Q readings)",
                100 * share, d.missingReadings()));
        row(h, "edges with low confidence", listed(lowConfidence, n, "edges",
                "confidence below " + LOW_CONFIDENCE + ": not found in every half of the data"), lowConfidence.isEmpty());
        row(h, "branches not pinned down", listed(notPinned, n, "branches",
                "the data leave r or x uncertain by more than the warning threshold"), notPinned.isEmpty());
        row(h, "relaxation not exact", listed(inexactGaps, n, "branches", "largest gap "
                + HtmlReport.num(maxGap) + " ohm\u00b2; 0 = exact"), inexactGaps.isEmpty());
        if (score != null) {
            row(h, "against the truth", "topology F1 " + HtmlReport.num(score.f1()) + "; " + score.missing().size()
                    + " missing, " + score.extra().size() + " extra; median r error "
                    + HtmlReport.pct(score.rRelErrorMedian()) + ", x " + HtmlReport.pct(score.xRelErrorMedian()), true);
        }
        h.append("</table>\n");
        List<WarningGroups.Group> groups = WarningGroups.of(r.warnings()).groups();
        h.append("<p class=\"kinds\"><b>Warnings by kind</b> (").append(r.warnings().size())
                .append(" in all, each in full under <a href=\"#quality\">Data quality</a>)")
                .append(groups.isEmpty() ? ": none." : ":").append("</p>\n");
        if (!groups.isEmpty()) {
            h.append("<ul id=\"warning-kinds\">");
            for (WarningGroups.Group g : groups) {
                h.append("<li>").append(esc(g.summary(WarningGroups.NAMED_IDS))).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static void row(StringBuilder h, String name, String valueHtml, boolean good) {
        h.append("<tr class=\"").append(good ? "ok" : "doubt").append("\"><th>").append(name).append("</th><td>")
                .append(valueHtml).append("</td></tr>");
    }

    private static String listed(List<String> ids, int of, String what, String meaning) {
        if (ids.isEmpty()) {
            return "none of " + of + " " + what;
        }
        List<String> shown = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(NAMED, ids.size()))) {
            shown.add("<code>" + esc(id) + "</code>");
        }
        return "<b>" + ids.size() + " of " + of + "</b> " + what + " (" + esc(meaning) + "): " + String.join(", ", shown)
                + (ids.size() > NAMED ? " and " + (ids.size() - NAMED) + " more" : "");
    }

    private static String days(long seconds) {
        double days = seconds / 86400.0;
        return days >= 2 ? String.format(Locale.ROOT, "%.0f days", days)
                : String.format(Locale.ROOT, "%.1f hours", seconds / 3600.0);
    }

    private static String step(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** Per branch id, what the data leave uncertain ("r", "x", "r, x"), from stage 2's warnings. */
    static Map<String, String> poorlyDetermined(List<Warning> warnings) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Warning w : warnings) {
            String what = switch (w.code()) {
                case R_NOT_PINNED -> "r";
                case X_NOT_PINNED -> "x";
                case R_AND_X_NOT_PINNED -> "r, x";
                default -> null;
            };
            if (what != null) {
                w.subjects().forEach(id -> out.merge(id, what, (a, b) -> a.equals(b) ? a : "r, x"));
            }
        }
        return out;
    }
}

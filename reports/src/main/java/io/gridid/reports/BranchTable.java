package io.gridid.reports;

import io.gridid.pipeline.BranchError;
import io.gridid.pipeline.BusPair;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.pipeline.Score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gridid.reports.Html.esc;

/**
 * The report's per-branch table: numbers to four significant digits on one line (the raw value
 * in {@code data-v} for sorting by any header), relaxation gaps within {@link TrustSummary#GAP_ZERO}
 * of zero shown as 0, and a "poorly determined" column naming what stage 2 could not pin down.
 */
final class BranchTable {
    private BranchTable() {
    }

    static void render(StringBuilder h, IdentificationResult r, Score score) {
        Map<BusPair, BranchError> errs = new HashMap<>();
        if (score != null) {
            for (BranchError e : score.matched()) {
                errs.put(BusPair.of(e.fromBus(), e.toBus()), e);
            }
        }
        Map<String, String> poor = TrustSummary.poorlyDetermined(r.warnings());
        h.append("<h2>Branches</h2>\n<p>Click a header to sort. Ranges are estimate &plusmn; 2 standard errors. ")
                .append("Poorly determined: what the data leave uncertain (standard error above the warning threshold). ")
                .append("Evidence: stage 1's log-likelihood ratio of the branch against the best tree without it ")
                .append("(near 0 or below: another parent fits about as well). ")
                .append("Gap: cone relaxation gap w &minus; (r&sup2; + x&sup2;), &Omega;&sup2;, 0 = exact. ")
                .append("Residual: RMS of the branch-equation fit, kV&sup2;.</p>\n");
        h.append("<div class=\"table-wrap\"><table id=\"branches\" class=\"sortable\"><thead><tr>");
        head(h, "from", false);
        head(h, "to", false);
        head(h, "r (&Omega;)", true);
        head(h, "x (&Omega;)", true);
        head(h, "r &plusmn; 2&sigma; (&Omega;)", true);
        head(h, "x &plusmn; 2&sigma; (&Omega;)", true);
        head(h, "poorly determined", false);
        head(h, "confidence", true);
        head(h, "evidence", true);
        head(h, "gap (&Omega;&sup2;)", true);
        head(h, "residual (kV&sup2;)", true);
        head(h, "intervals", true);
        head(h, "conductor", false);
        head(h, "length (km)", true);
        if (score != null) {
            head(h, "true r (&Omega;)", true);
            head(h, "true x (&Omega;)", true);
            head(h, "r error", true);
            head(h, "x error", true);
        }
        head(h, "note", false);
        h.append("</tr></thead><tbody>\n");
        for (IdentifiedBranch b : r.branches()) {
            double rs = b.rStdErrOhm();
            double xs = b.xStdErrOhm();
            h.append("<tr><td class=\"id\">").append(esc(b.fromBus())).append("</td><td class=\"id\">")
                    .append(esc(b.toBus())).append("</td>");
            number(h, b.rOhm());
            number(h, b.xOhm());
            range(h, b.rOhm(), rs);
            range(h, b.xOhm(), xs);
            h.append("<td class=\"id poor\">").append(esc(poor.getOrDefault(TrustSummary.edgeId(b), ""))).append("</td>");
            number(h, r.confidenceOf(b.toBus()));
            number(h, r.evidenceOf(b.toBus()));
            double gap = b.relaxationGap();
            number(h, Math.abs(gap) <= TrustSummary.GAP_ZERO ? 0 * gap : gap);
            number(h, b.rmsResidualKv2());
            number(h, b.intervalsUsed() == IdentifiedBranch.UNKNOWN ? Double.NaN : b.intervalsUsed());
            h.append("<td class=\"id\">").append(esc(b.conductor())).append("</td>");
            number(h, b.lengthKm());
            if (score != null) {
                BranchError be = errs.get(BusPair.of(b.fromBus(), b.toBus()));
                if (be == null) {
                    h.append("<td colspan=\"4\">not in the truth</td>");
                } else {
                    number(h, be.rTrueOhm());
                    number(h, be.xTrueOhm());
                    percent(h, be.rRelError());
                    percent(h, be.xRelError());
                }
            }
            h.append("<td class=\"note\">").append(esc(b.note())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (score != null && !score.missing().isEmpty()) {
            h.append("<p id=\"missing\">True branches not identified: ");
            List<String> names = new ArrayList<>();
            for (BusPair p : score.missing()) {
                names.add(esc(p.first()) + "&ndash;" + esc(p.second()));
            }
            h.append(String.join(", ", names)).append("</p>\n");
        }
    }

    private static void head(StringBuilder h, String html, boolean numeric) {
        h.append("<th data-sort=\"").append(numeric ? "num" : "text").append("\">").append(html).append("</th>");
    }

    private static void number(StringBuilder h, double v) {
        h.append("<td data-v=\"").append(Double.isNaN(v) ? "" : Double.toString(v)).append("\">")
                .append(HtmlReport.num(v)).append("</td>");
    }

    private static void percent(StringBuilder h, double v) {
        h.append("<td data-v=\"").append(Double.isNaN(v) ? "" : Double.toString(v)).append("\">")
                .append(HtmlReport.pct(v)).append("</td>");
    }

    private static void range(StringBuilder h, double v, double stdErr) {
        if (!Double.isFinite(v) || !Double.isFinite(stdErr)) {
            h.append("<td data-v=\"\"></td>");
            return;
        }
        h.append("<td data-v=\"").append(Double.toString(stdErr)).append("\">").append(HtmlReport.num(v - 2 * stdErr))
                .append(" &ndash; ").append(HtmlReport.num(v + 2 * stdErr)).append("</td>");
    }
}

package io.gridid.pipeline;

import java.util.List;

/**
 * How well a topology with unmetered buses matches the truth, by splits ({@link SplitScoring}).
 *
 * @param resultSplits    distinct splits of the result
 * @param truthSplits     distinct splits of the truth
 * @param matched         splits in both, with their merged impedances' errors, in result order
 * @param missing         truth splits absent from the result, each named by its top edge's child bus
 * @param extra           result splits absent from the truth, named likewise
 * @param precision       matched / result splits
 * @param recall          matched / truth splits
 * @param f1              harmonic mean of the two (0 when both are 0, NaN when either is undefined)
 * @param rRelErrorMedian median relative r error over matched splits where defined (NaN if none)
 * @param rRelErrorMax    largest of the same
 * @param xRelErrorMedian median relative x error
 * @param xRelErrorMax    largest relative x error
 */
public record SplitScore(int resultSplits, int truthSplits, List<Matched> matched, List<String> missing,
                         List<String> extra, double precision, double recall, double f1,
                         double rRelErrorMedian, double rRelErrorMax, double xRelErrorMedian, double xRelErrorMax) {
    public SplitScore {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    /**
     * One split found in both trees.
     *
     * @param truthTop  the child bus of its top edge in the truth
     * @param resultTop the same in the result
     */
    public record Matched(String truthTop, String resultTop, double rOhm, double xOhm, double rTrueOhm,
                          double xTrueOhm, double rRelError, double xRelError) {
    }

    static SplitScore of(int resultSplits, int truthSplits, List<Matched> matched, List<String> missing,
                         List<String> extra) {
        double precision = resultSplits == 0 ? Double.NaN : (double) matched.size() / resultSplits;
        double recall = truthSplits == 0 ? Double.NaN : (double) matched.size() / truthSplits;
        double f1 = Double.isNaN(precision) || Double.isNaN(recall) ? Double.NaN
                : precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double[] r = matched.stream().mapToDouble(Matched::rRelError).filter(v -> !Double.isNaN(v)).toArray();
        double[] x = matched.stream().mapToDouble(Matched::xRelError).filter(v -> !Double.isNaN(v)).toArray();
        return new SplitScore(resultSplits, truthSplits, matched, missing, extra, precision, recall, f1,
                Scoring.percentile(r, 0.5), Scoring.percentile(r, 1.0), Scoring.percentile(x, 0.5),
                Scoring.percentile(x, 1.0));
    }

    /** True when every split is found and none is extra. */
    public boolean exactSplits() {
        return missing.isEmpty() && extra.isEmpty();
    }
}

package io.gridid.pipeline;

import java.util.List;

/**
 * How well an identified branch list matches the truth (see {@link Scoring}).
 *
 * @param resultBranches  number of branches in the result
 * @param truthBranches   number of branches in the truth
 * @param matched         branches present in both (unordered bus pair), with their impedance errors,
 *                        in result order
 * @param missing         truth branches absent from the result, in truth order
 * @param extra           result branches absent from the truth, in result order
 * @param precision       matched / result branches (NaN when the result is empty)
 * @param recall          matched / truth branches (NaN when the truth is empty)
 * @param f1              harmonic mean of precision and recall (0 when both are 0, NaN when either is NaN)
 * @param rRelErrorMedian median relative r error over matched branches where it is defined (NaN if none)
 * @param rRelErrorP90    90th percentile of the same
 * @param xRelErrorMedian median relative x error
 * @param xRelErrorP90    90th percentile relative x error
 */
public record Score(int resultBranches, int truthBranches, List<BranchError> matched, List<BusPair> missing,
                    List<BusPair> extra, double precision, double recall, double f1,
                    double rRelErrorMedian, double rRelErrorP90, double xRelErrorMedian, double xRelErrorP90) {
    public Score {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    /** True when the topology is recovered exactly (every branch found, none extra). */
    public boolean exactTopology() {
        return missing.isEmpty() && extra.isEmpty();
    }
}

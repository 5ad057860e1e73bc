package io.gridid.impedance;

import java.util.List;

/**
 * The joint model's misfit: the sum of squared centred residuals (plus the flow-error terms
 * where &kappa; &gt; 0), kV&#8308;, over the readings used and the intervals with at least two readings.
 *
 * @param sumOfSquares kV&#8308;
 * @param readings     voltage readings used
 * @param intervals    intervals with at least two readings
 */
record JointMisfit(double sumOfSquares, long readings, long intervals) {
    /** The total of per-chunk partial sums {sumOfSquares, readings, intervals, ...}, added in list order. */
    static JointMisfit sum(List<double[]> parts) {
        double ss = 0;
        long readings = 0;
        long intervals = 0;
        for (double[] p : parts) {
            ss += p[0];
            readings += (long) p[1];
            intervals += (long) p[2];
        }
        return new JointMisfit(ss, readings, intervals);
    }
}

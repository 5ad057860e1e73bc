package io.gridid.impedance;

/**
 * How well the joint model (unknown root voltage per interval minus the branch drops along each
 * path) explains every voltage reading at given impedances on a given tree.
 *
 * @param sumOfSquares sum over intervals and buses with a reading of the squared residual of u = |V|&sup2;
 *                     after centring each interval over its readings, kV&#8308;
 * @param readings     voltage readings that entered (intervals with at least two readings)
 * @param intervals    those intervals
 */
public record JointResidual(double sumOfSquares, long readings, long intervals) {
    /** Residual variance per reading: sum of squares over (readings &minus; intervals), kV&#8308;. */
    public double variance() {
        return sumOfSquares / Math.max(1, readings - intervals);
    }
}

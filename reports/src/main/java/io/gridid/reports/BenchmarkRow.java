package io.gridid.reports;

/**
 * One benchmark case: simulate, identify, score. Relative errors are fractions (0.01 = 1 %).
 *
 * @param feeder             feeder name
 * @param buses              buses, root included
 * @param noiseVoltagePu     &sigma; of the voltage noise, p.u.
 * @param days               simulated days
 * @param intervals          intervals simulated
 * @param precision          topology precision (NaN when the case failed)
 * @param recall             topology recall
 * @param f1                 topology F1
 * @param rRelErrorMedian    median relative r error over found branches
 * @param rRelErrorP90       90th percentile relative r error
 * @param xRelErrorMedian    median relative x error
 * @param xRelErrorP90       90th percentile relative x error
 * @param maxRelaxationGap   largest cone relaxation gap over the branches, ohm&sup2; (NaN when not reported)
 * @param simulateSeconds    wall time of the synthesis, s
 * @param topologySeconds    wall time of stage 1, s
 * @param impedanceSeconds   wall time of stage 2, s
 * @param error              why the case failed, or null
 */
public record BenchmarkRow(String feeder, int buses, double noiseVoltagePu, int days, int intervals,
                           double precision, double recall, double f1,
                           double rRelErrorMedian, double rRelErrorP90, double xRelErrorMedian, double xRelErrorP90,
                           double maxRelaxationGap, double simulateSeconds, double topologySeconds,
                           double impedanceSeconds, String error) {
    public boolean failed() {
        return error != null;
    }
}

package io.gridid.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@link MissingDataSweep} from Maven (a measurement, skipped unless asked for): the
 * arguments go in one system property, e.g.
 * <pre>
 * mvn -o -q -pl reports -am test -Dtest=MissingDataSweepRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgridid.missingSweep="0.05,0.1,0.2 1,2,3,4,5,6,7,8 60"
 * </pre>
 * The table goes to standard output.
 */
class MissingDataSweepRun {
    @Test
    void sweep() throws Exception {
        String args = System.getProperty("gridid.missingSweep", "");
        assumeTrue(!args.isBlank(), "set -Dgridid.missingSweep=\"FRACTIONS SEEDS DAYS\" to run");
        MissingDataSweep.main(args.trim().split("\\s+"));
    }
}

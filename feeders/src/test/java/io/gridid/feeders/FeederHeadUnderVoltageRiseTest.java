package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.FeederHead;
import io.gridid.model.MeterData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeder-head check on a feeder whose capacitor banks lift most meters above the head. */
class FeederHeadUnderVoltageRiseTest {
    @Test
    void theTrueHeadStandsAndALeafIsRefusedNamingTheHead() throws Exception {
        Feeder f = TestFeeders.load("random:200+caps=10");
        MeterData m = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(5).withPvFraction(0.3)).meters();
        int above = 0;
        double head = mean(m.voltagesKv(m.indexOf(f.rootBus())));
        for (int i = 0; i < m.meterCount(); i++) {
            above += mean(m.voltagesKv(i)) > head ? 1 : 0;
        }
        assertTrue(above > m.meterCount() / 2, "the case needs most meters above the head: " + above);
        assertNull(FeederHead.contradiction(m, f.rootBus()));
        String leaf = f.tree().topDown().get(f.tree().size() - 1);
        String why = FeederHead.contradiction(m, leaf);
        assertTrue(why != null && why.contains("the likely head is '" + f.rootBus() + "'"), why);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}

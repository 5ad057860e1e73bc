package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BranchEquation;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeterDataSynthesizerTest {
    /** Standard deviations of the binomial missing-reading count allowed: a false failure has probability ~6e-7. */
    private static final double MISSING_COUNT_SDS = 5;
    /** v / base / step of a reading quantised as rint(v / step) * step: a few roundings on a count near 2500 (~1e-12). */
    private static final double WHOLE_STEPS = 1e-6;
    /** Relative room on the half-step bound for the rounding of v / base / step (~1e-13 at counts near 2500). */
    private static final double HALF_STEP_ROUNDING = 1e-9;
    /** v / base of a root voltage kept within +-1 %: room for an ulp or two of round-off (~2e-16). */
    private static final double PU_ROUNDING = 1e-12;
    /**
     * The power flow converges to 1e-10 p.u. of 12.66 kV on voltages, so power residuals of the
     * exact equations stay near 1e-10 MW; 1e-8 MW (10 mW) is the brief's conservation bound.
     */
    private static final double DELTA_POWER_MW = 1e-8;
    /** Squared-voltage residual of the exact branch equation: 1e-10 p.u. of 160 kV^2 is ~3e-8 kV^2. */
    private static final double DELTA_U_KV2 = 1e-7;
    /**
     * The sample standard deviation of n Gaussian draws has relative standard error 1/sqrt(2n);
     * with n ~ 2e5 readings that is 0.16 %, so 1 % is six standard errors: it fails only if the
     * noise is wrong, not by chance.
     */
    private static final double STD_RELATIVE_TOLERANCE = 0.01;
    /** ~1.3e5 uniform rounding errors give their sample sd a relative sampling error below 0.3 %: 2 % is more than six of those. */
    private static final double QUANTISATION_STD_RELATIVE = 2 * STD_RELATIVE_TOLERANCE;

    private static Feeder ieee69;
    private static SimulatedData noisy;
    private static final SynthesisOptions NOISY = SynthesisOptions.defaults().withDays(30).withIntervalMinutes(15)
            .withSeed(42).withNoiseVoltagePu(1e-3).withNoisePowerRelative(0.01).withMissingFraction(0.02);

    @BeforeAll
    static void simulate() throws Exception {
        ieee69 = TestFeeders.load("ieee69");
        noisy = MeterDataSynthesizer.synthesize(ieee69, NOISY);
    }

    private static void assertSameData(MeterData a, MeterData b) {
        assertEquals(a.meterIds(), b.meterIds());
        assertArrayEquals(a.epochSeconds(), b.epochSeconds());
        for (int m = 0; m < a.meterCount(); m++) {
            assertArrayEquals(a.voltagesKv(m), b.voltagesKv(m));
            assertArrayEquals(a.activeMw(m), b.activeMw(m));
            assertArrayEquals(a.reactiveMvar(m), b.reactiveMvar(m));
        }
    }

    @Test
    void sameSeedGivesIdenticalDataAndTruthIgnoresNoiseOptions() throws Exception {
        SimulatedData again = MeterDataSynthesizer.synthesize(ieee69, NOISY);
        assertSameData(noisy.meters(), again.meters());
        assertSameData(noisy.truthMeters(), again.truthMeters());
        SimulatedData clean = MeterDataSynthesizer.synthesize(ieee69, NOISY.withNoiseVoltagePu(0)
                .withNoisePowerRelative(0).withMissingFraction(0).withQuantizeVolts(0.5));
        assertSameData(noisy.truthMeters(), clean.truthMeters());
        SimulatedData other = MeterDataSynthesizer.synthesize(ieee69, NOISY.withSeed(43).withDays(1));
        assertFalse(java.util.Arrays.equals(other.truthMeters().activeMw(5), noisy.truthMeters().firstIntervals(96).activeMw(5)));
    }

    @Test
    void shapeOfTheDataSet() {
        MeterData d = noisy.meters();
        assertEquals(69, d.meterCount(), "every bus, root included");
        assertEquals("1", d.meterIds().get(0));
        assertEquals(30 * 96, d.intervalCount());
        assertEquals(SynthesisOptions.DEFAULT_START_EPOCH_SECOND, d.epochSecond(0));
        assertEquals(900, d.epochSecond(1) - d.epochSecond(0));
    }

    @Test
    void conservesPowerAndSatisfiesTheExactBranchEquationInEveryInterval() {
        MeterData d = noisy.truthMeters();
        Map<String, Integer> idx = new HashMap<>();
        for (int m = 0; m < d.meterCount(); m++) {
            idx.put(d.meterIds().get(m), m);
        }
        List<String> bottomUp = ieee69.tree().bottomUp();
        for (int t = 0; t < d.intervalCount(); t += 7) {
            double[] recvP = new double[d.meterCount()];
            double[] recvQ = new double[d.meterCount()];
            double loads = 0;
            double losses = 0;
            for (int m = 1; m < d.meterCount(); m++) {
                recvP[m] = d.pMw(m, t);
                recvQ[m] = d.qMvar(m, t);
                loads += d.pMw(m, t);
            }
            for (String bus : bottomUp) {
                if (bus.equals(ieee69.rootBus())) {
                    continue;
                }
                Branch b = ieee69.branchTo(bus);
                int j = idx.get(bus);
                int i = idx.get(b.fromBus());
                double uj = d.vKv(j, t) * d.vKv(j, t);
                double ui = BranchEquation.sendingSquaredVoltage(b.rOhm(), b.xOhm(), recvP[j], recvQ[j], uj);
                assertEquals(d.vKv(i, t) * d.vKv(i, t), ui, DELTA_U_KV2);
                losses += b.rOhm() * BranchEquation.squaredCurrentTerm(recvP[j], recvQ[j], uj);
                if (i != 0) {
                    recvP[i] += BranchEquation.sendingActiveMw(b.rOhm(), recvP[j], recvQ[j], uj);
                    recvQ[i] += BranchEquation.sendingReactiveMvar(b.xOhm(), recvP[j], recvQ[j], uj);
                }
            }
            assertEquals(loads + losses, d.pMw(0, t), DELTA_POWER_MW, "head = loads + losses at interval " + t);
        }
    }

    @Test
    void noiseStatisticsMatchTheParameters() {
        MeterData m = noisy.meters();
        MeterData tr = noisy.truthMeters();
        double base = ieee69.baseKv();
        double sv = 0, sp = 0, sq = 0;
        long nv = 0, missing = 0, possible = 0;
        for (int k = 0; k < m.meterCount(); k++) {
            for (int t = 0; t < m.intervalCount(); t++) {
                if (k > 0) {
                    possible++;
                }
                if (Double.isNaN(m.vKv(k, t))) {
                    missing++;
                    continue;
                }
                double ev = (m.vKv(k, t) - tr.vKv(k, t)) / base;
                double ep = m.pMw(k, t) / tr.pMw(k, t) - 1;
                double eq = m.qMvar(k, t) / tr.qMvar(k, t) - 1;
                sv += ev * ev;
                sp += ep * ep;
                sq += eq * eq;
                nv++;
            }
        }
        assertTrue(nv > 150_000);
        assertEquals(1e-3, Math.sqrt(sv / nv), 1e-3 * STD_RELATIVE_TOLERANCE);
        assertEquals(0.01, Math.sqrt(sp / nv), 0.01 * STD_RELATIVE_TOLERANCE);
        assertEquals(0.01, Math.sqrt(sq / nv), 0.01 * STD_RELATIVE_TOLERANCE);
        // Binomial count: mean f*n, sd sqrt(f(1-f)n) ~ 62 for n = 195,840, f = 0.02; allow 5 sd.
        double expected = 0.02 * possible;
        assertEquals(expected, missing, MISSING_COUNT_SDS * Math.sqrt(0.02 * 0.98 * possible));
        for (int t = 0; t < m.intervalCount(); t++) {
            assertFalse(Double.isNaN(m.vKv(0, t)), "the root meter never loses readings");
        }
    }

    @Test
    void quantisationRoundsToTheServiceVoltageStep() throws Exception {
        SimulatedData q = MeterDataSynthesizer.synthesize(ieee69, SynthesisOptions.defaults().withDays(20)
                .withIntervalMinutes(15).withQuantizeVolts(0.1));
        double stepPu = 0.1 / 240;
        double base = ieee69.baseKv();
        double s2 = 0;
        long n = 0;
        for (int k = 0; k < 69; k++) {
            for (int t = 0; t < q.meters().intervalCount(); t++) {
                double pu = q.meters().vKv(k, t) / base;
                assertEquals(Math.rint(pu / stepPu), pu / stepPu, WHOLE_STEPS, "a multiple of the step");
                double e = pu - q.truthMeters().vKv(k, t) / base;
                assertTrue(Math.abs(e) <= stepPu / 2 * (1 + HALF_STEP_ROUNDING));
                s2 += e * e;
                n++;
            }
        }
        // rounding error is uniform on +-step/2: sd = step/sqrt(12)
        assertEquals(stepPu / Math.sqrt(12), Math.sqrt(s2 / n), stepPu / Math.sqrt(12) * QUANTISATION_STD_RELATIVE);
    }

    @Test
    void loadsVaryRealisticallyAndPowerFactorIsNotConstant() {
        MeterData d = noisy.truthMeters();
        for (int k = 1; k < d.meterCount(); k++) {
            double[] p = d.activeMw(k);
            double[] q = d.reactiveMvar(k);
            double min = Double.MAX_VALUE, max = 0, r1 = 0, r2 = 0;
            for (int t = 0; t < p.length; t++) {
                assertTrue(p[t] > 0, "without PV every bus draws power (also buses without load in the original)");
                min = Math.min(min, p[t]);
                max = Math.max(max, p[t]);
                double ratio = q[t] / p[t];
                r1 += ratio;
                r2 += ratio * ratio;
            }
            assertTrue(max / min > 2, "daily variation at bus " + d.meterIds().get(k));
            double mean = r1 / p.length;
            double cv = Math.sqrt(r2 / p.length - mean * mean) / mean;
            assertTrue(cv > 0.1, "Q/P varies over time at bus " + d.meterIds().get(k) + ": cv " + cv);
        }
        double[] v0 = d.voltagesKv(0);
        double lo = Double.MAX_VALUE, hi = 0;
        for (double v : v0) {
            lo = Math.min(lo, v / ieee69.baseKv());
            hi = Math.max(hi, v / ieee69.baseKv());
        }
        assertTrue(hi <= 1.01 + PU_ROUNDING && lo >= 0.99 - PU_ROUNDING, "root within +-1 %");
        assertTrue(hi - lo > 0.01, "root voltage moves: " + lo + " .. " + hi);
    }

    @Test
    void pvMakesMiddayInjectionsNegative() throws Exception {
        SimulatedData pv = MeterDataSynthesizer.synthesize(TestFeeders.load("random:40:3"),
                SynthesisOptions.defaults().withDays(14).withPvFraction(1.0));
        MeterData d = pv.truthMeters();
        int negativeMidday = 0;
        for (int k = 1; k < d.meterCount(); k++) {
            for (int t = 0; t < d.intervalCount(); t++) {
                long hour = Math.floorMod(d.epochSecond(t), 86400L) / 3600;
                double p = d.pMw(k, t);
                if (hour < 5 || hour > 19) {
                    assertTrue(p > 0, "no PV at night");
                } else if (p < 0 && hour >= 10 && hour <= 14) {
                    negativeMidday++;
                }
            }
        }
        assertTrue(negativeMidday > 0, "some buses export at midday");
    }

    @Test
    void pvGoesToExactlyTheRequestedShareOfBusesAndOnlyChangesDaytimeP() throws Exception {
        Feeder f = TestFeeders.load("random:41:9");
        SynthesisOptions base = SynthesisOptions.defaults().withDays(3);
        MeterData without = MeterDataSynthesizer.synthesize(f, base).truthMeters();
        MeterData with = MeterDataSynthesizer.synthesize(f, base.withPvFraction(0.25)).truthMeters();
        int pvBuses = 0;
        for (int k = 1; k < with.meterCount(); k++) {
            boolean differs = false;
            for (int t = 0; t < with.intervalCount(); t++) {
                long hour = Math.floorMod(with.epochSecond(t), 86400L) / 3600;
                if (hour < 5 || hour > 19) {
                    assertEquals(without.pMw(k, t), with.pMw(k, t), 0.0, "PV changes nothing at night");
                }
                assertEquals(without.qMvar(k, t), with.qMvar(k, t), 0.0, "PV at unity power factor");
                if (with.pMw(k, t) < without.pMw(k, t)) {
                    differs = true;
                }
            }
            if (differs) {
                pvBuses++;
            }
        }
        assertEquals(10, pvBuses, "round(0.25 x 40) buses with PV");
    }
}

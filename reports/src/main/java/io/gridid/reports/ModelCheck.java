package io.gridid.reports;

import io.gridid.feeders.PowerFlow;
import io.gridid.feeders.PowerFlowDivergedException;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How well an identified model reproduces the measured voltages: per interval, gridid's own
 * power flow ({@link PowerFlow}) on the identified branches, driven by the root's measured
 * voltage and every metered bus's P and Q exactly as the OpenDSS export drives it
 * ({@link MeteredLoads}: same filled readings), against the measured |V| of every metered
 * non-root bus that has a reading in that interval.
 *
 * <p>A branch with a negative identified r or x (noise can give one) enters the power flow with
 * 0 (the power flow takes none below 0); {@link ModelFit#clampedBranches()} counts them. An
 * interval whose power flow does not converge is kept with NaN figures.
 */
public final class ModelCheck {
    private ModelCheck() {
    }

    /**
     * @param result the identified feeder (not modified)
     * @param data   the meter readings (not modified)
     * @param loads  {@link MeteredLoads#of} of the same result and data
     * @param source name of the result, for messages
     * @throws InvalidInputException a branch has no impedance
     */
    public static ModelFit check(IdentificationResult result, MeterData data, MeteredLoads loads, String source)
            throws InvalidInputException {
        List<Branch> branches = new ArrayList<>();
        int clamped = 0;
        for (IdentifiedBranch b : result.branches()) {
            if (!Double.isFinite(b.rOhm()) || !Double.isFinite(b.xOhm())) {
                throw new InvalidInputException(source, 0, "branch " + b.fromBus() + " -> " + b.toBus()
                        + " has no impedance: cannot run a power flow");
            }
            if (b.rOhm() < 0 || b.xOhm() < 0) {
                clamped++;
            }
            branches.add(Branch.ofImpedance(b.fromBus(), b.toBus(), Math.max(0, b.rOhm()), Math.max(0, b.xOhm())));
        }
        double kv = result.baseKv();
        Feeder feeder = new Feeder("identified", source, kv, result.rootBus(), 1.0, branches, Map.of());
        PowerFlow pf = new PowerFlow(feeder);
        int n = pf.buses().size();
        int[] loadIndex = new int[loads.loadBuses().size()];
        for (int i = 0; i < loadIndex.length; i++) {
            loadIndex[i] = pf.indexOf(loads.loadBuses().get(i));
        }
        int[] meter = new int[n];   // meter column of each power-flow bus, -1 for none (and the root)
        for (int k = 0; k < n; k++) {
            meter[k] = k == 0 ? -1 : data.indexOf(pf.buses().get(k));
        }
        List<ModelFit.IntervalFit> fits = new ArrayList<>(data.intervalCount());
        double[] p = new double[n];
        double[] q = new double[n];
        for (int t = 0; t < data.intervalCount(); t++) {
            int g = loads.pointOf(t);
            for (int i = 0; i < loadIndex.length; i++) {
                p[loadIndex[i]] = loads.pMw(i, g);
                q[loadIndex[i]] = loads.qMvar(i, g);
            }
            double sum = 0;
            int count = 0;
            int worst = -1;
            double worstError = 0;
            try {
                double[] v = pf.solve(loads.rootKv(g), p, q).voltageKv();
                for (int k = 1; k < n; k++) {
                    if (meter[k] < 0 || Double.isNaN(data.vKv(meter[k], t))) {
                        continue;
                    }
                    double e = (v[k] - data.vKv(meter[k], t)) / kv;
                    sum += e * e;
                    count++;
                    if (worst < 0 || Math.abs(e) > Math.abs(worstError)) {
                        worst = k;
                        worstError = e;
                    }
                }
                fits.add(new ModelFit.IntervalFit(data.epochSecond(t), true, count,
                        count == 0 ? Double.NaN : Math.sqrt(sum / count),
                        worst < 0 ? "" : pf.buses().get(worst), worst < 0 ? Double.NaN : worstError));
            } catch (PowerFlowDivergedException e) {
                fits.add(new ModelFit.IntervalFit(data.epochSecond(t), false, 0, Double.NaN, "", Double.NaN));
            }
        }
        return new ModelFit(fits, clamped);
    }
}

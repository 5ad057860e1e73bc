package io.gridid.impedance;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deviance with missing readings against the Gaussian likelihood written out densely. */
class TreeLikelihoodGapsTest {
    /** Both sides are exact to double rounding on 14 unknowns and 480 intervals, summed in different orders. */
    private static final double DENSE_AGREEMENT_RELATIVE = 1e-9;

    /**
     * The eight-bus forked feeder, 20 days hourly with voltage and P/Q noise, gaps placed by hand:
     * an inner bus's voltage, the root's voltage, a leaf's whole row, three voltages at once, one
     * load alone, and an interval with a single reading (no information, left out). Under a fixed
     * noise model with flow errors on four branches (and, where loads were filled, each one's error
     * shifting the drops of every branch above it), the deviance must equal the restricted
     * Gaussian likelihood of the voltages read, formed interval by interval from the dense
     * covariance &sigma;&sup2;(I + L K L&#7488;) + &Sigma;_filled (Lc)(Lc)&#7488; of the readings (L: which branches lie
     * on each read bus's path, c: a filled load's drop shifts) with the root voltage integrated out, minimised over (r, x) by dense GLS, at the same
     * linearisation. 1e-9 relative: both are exact to double rounding on 14 unknowns and 480
     * intervals (the two sides sum in different orders).
     */
    @Test
    void devianceWithGapsEqualsTheDenseGaussianLikelihood() throws GrididException {
        Feeder feeder = SmallFeeders.forked();
        RadialTree tree = feeder.tree();
        MeterData full = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(20)
                .withIntervalMinutes(60).withSeed(11).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.01)).meters();
        MeterData gappy = withGaps(full);
        JointNoiseModel noise = new JointNoiseModel(1e-3, Map.of("1", 2.0, "2", 0.5, "6", 1.0, "5", 3.0));
        TreeLikelihood likelihood = new TreeLikelihood(ImpedanceOptions.defaults());
        LikelihoodReadings readings = LikelihoodReadings.of(gappy, tree);
        assertEquals(1 + 1 + 1 + 3 + 7, readings.missingVoltages());
        assertEquals(1 + 1 + 6, readings.filledLoads()); // leaf 5's row, 7's load, interval 13's but 1's
        TreeDeviance got = likelihood.deviance(readings, tree, noise);

        Map<String, JointRefinement.Start> starts = likelihood.sweepStarts(readings, tree);
        TreeLayout lay = new TreeLayout(tree);
        int n = lay.n;
        double[] r0 = new double[n];
        double[] x0 = new double[n];
        for (int k = 1; k < n; k++) {
            r0[k] = starts.get(lay.buses.get(k)).rOhm();
            x0[k] = starts.get(lay.buses.get(k)).xOhm();
        }
        LinearisedModel lin = LinearisedModel.of(readings.data(), tree, lay, readings.gaps(), r0, x0, false);
        double[] kappa = JointNoiseEstimator.kappaOf(noise, lay);
        Dense dense = new Dense(lin, kappa, filledShifts(readings.data(), gappy, lay, r0, x0),
                noise.voltageNoiseVariance());

        assertEquals(full.intervalCount() - 1, got.intervals(), "the interval with one reading is left out");
        assertEquals(dense.readings, got.readings());
        double quad = dense.quadraticForm() / noise.voltageNoiseVariance();
        assertEquals(1.0, got.logDeterminant() / dense.logDet, DENSE_AGREEMENT_RELATIVE, "log-determinant");
        assertEquals(1.0, got.quadraticForm() / quad, DENSE_AGREEMENT_RELATIVE, "quadratic form");
        assertEquals(1.0, got.deviance() / (quad + dense.logDet), DENSE_AGREEMENT_RELATIVE, "deviance");
        // the gaps change the determinant term: the complete-interval value would be off
        double allRead = TreeLikelihood.logDeterminantPerInterval(tree, noise) * got.intervals();
        assertTrue(Math.abs(allRead - dense.logDet) > 1, "gaps must matter: " + allRead + " vs " + dense.logDet);
    }

    /**
     * Per interval, per filled load (P or Q missing in {@code raw}), its drop shifts per standard
     * deviation on the branches above it: 2r s_P + 2x s_Q with s = 30 % of the filled value (at least
     * 1e-4 MW), at the linearisation's (r, x).
     */
    private static java.util.List<java.util.List<double[]>> filledShifts(MeterData filled, MeterData raw,
                                                                           TreeLayout lay, double[] r, double[] x) {
        java.util.List<java.util.List<double[]>> out = new java.util.ArrayList<>();
        for (int t = 0; t < filled.intervalCount(); t++) {
            java.util.List<double[]> shifts = new java.util.ArrayList<>();
            for (int j = 1; j < lay.n; j++) {
                int m = raw.indexOf(lay.buses.get(j));
                if (Double.isFinite(raw.pMw(m, t)) && Double.isFinite(raw.qMvar(m, t))) {
                    continue;
                }
                double sp = Math.max(0.3 * Math.abs(filled.pMw(m, t)), 1e-4);
                double sq = Math.max(0.3 * Math.abs(filled.qMvar(m, t)), 1e-4);
                double[] c = new double[lay.n];
                for (int k = j; k > 0; k = lay.parent[k]) {
                    c[k] = 2 * r[k] * sp + 2 * x[k] * sq;
                }
                shifts.add(c);
            }
            out.add(shifts);
        }
        return out;
    }

    private static MeterData withGaps(MeterData d) {
        MeterData.Builder b = MeterData.builder(d.meterIds(), d.epochSeconds());
        for (int m = 0; m < d.meterCount(); m++) {
            for (int t = 0; t < d.intervalCount(); t++) {
                b.set(m, t, d.vKv(m, t), d.pMw(m, t), d.qMvar(m, t));
            }
        }
        double nan = Double.NaN;
        b.setVoltageKv(d.indexOf("2"), 3, nan);
        b.setVoltageKv(d.indexOf("S"), 5, nan);
        b.set(d.indexOf("5"), 7, nan, nan, nan);
        for (String bus : new String[]{"3", "4", "7"}) {
            b.setVoltageKv(d.indexOf(bus), 9, nan);
        }
        b.setActiveMw(d.indexOf("7"), 11, nan);
        for (String bus : d.meterIds()) {
            if (!bus.equals("1")) {
                int m = d.indexOf(bus);
                b.set(m, 13, nan, bus.equals("S") ? d.pMw(m, 13) : nan, bus.equals("S") ? d.qMvar(m, 13) : nan);
            }
        }
        return b.build();
    }

    /**
     * Per interval the readings' covariance C = I + L K L&#7488; over &sigma;&sup2;, the restricted projector
     * P = C&#8315;&sup1; &minus; C&#8315;&sup1;11&#7488;C&#8315;&sup1; / (1&#7488;C&#8315;&sup1;1) (the flat root voltage integrated out) and
     * the log-determinant log det C + log 1&#7488;C&#8315;&sup1;1; the GLS over (r, x) from the summed
     * normal equations.
     */
    private static final class Dense {
        final LinearisedModel lin;
        final double[] kappa;
        final java.util.List<java.util.List<double[]>> shifts;
        final double sigma2;
        final int m;
        final DMatrixRMaj normal;
        final DMatrixRMaj rhs;
        final java.util.List<DMatrixRMaj[]> parts = new java.util.ArrayList<>(); // {X, P, y} per interval
        double logDet;
        long readings;

        Dense(LinearisedModel lin, double[] kappa, java.util.List<java.util.List<double[]>> shifts, double sigma2) {
            this.lin = lin;
            this.kappa = kappa;
            this.shifts = shifts;
            this.sigma2 = sigma2;
            int n = lin.n;
            m = 2 * (n - 1);
            normal = new DMatrixRMaj(m, m);
            rhs = new DMatrixRMaj(m, 1);
            for (int t = 0; t < lin.t; t++) {
                add(t);
            }
        }

        private void add(int t) {
            int n = lin.n;
            int base = t * n;
            int[] read = java.util.stream.IntStream.range(0, n).filter(k -> lin.y[base + k] == lin.y[base + k]).toArray();
            int c = read.length;
            if (c < 2) {
                return;
            }
            readings += c;
            boolean[][] onPath = new boolean[c][n]; // onPath[i][k]: branch k lies on read bus i's path
            for (int i = 0; i < c; i++) {
                for (int k = read[i]; k > 0; k = lin.parent[k]) {
                    onPath[i][k] = true;
                }
            }
            DMatrixRMaj cov = new DMatrixRMaj(c, c);
            DMatrixRMaj x = new DMatrixRMaj(c, m);
            DMatrixRMaj y = new DMatrixRMaj(c, 1);
            // less the first reading: P removes constants, and y's common level (-|V|^2, some
            // 150 kV^2) would otherwise leave rounding of the order of the differences checked
            double level = lin.y[base + read[0]];
            for (int i = 0; i < c; i++) {
                y.set(i, 0, lin.y[base + read[i]] - level);
                for (int k = 1; k < n; k++) {
                    if (onPath[i][k]) {
                        x.set(i, 2 * (k - 1), lin.a[base + k]);
                        x.set(i, 2 * (k - 1) + 1, lin.b[base + k]);
                    }
                }
                for (int j = 0; j < c; j++) {
                    double s = i == j ? 1 : 0;
                    for (int k = 1; k < n; k++) {
                        if (onPath[i][k] && onPath[j][k]) {
                            s += kappa[k];
                        }
                    }
                    // each filled load's error shifts read bus i by the sum of its shifts on i's path
                    for (double[] shift : shifts.get(t)) {
                        double gi = 0;
                        double gj = 0;
                        for (int k = 1; k < n; k++) {
                            gi += onPath[i][k] ? shift[k] : 0;
                            gj += onPath[j][k] ? shift[k] : 0;
                        }
                        s += gi * gj / sigma2;
                    }
                    cov.set(i, j, s);
                }
            }
            DMatrixRMaj inv = cov.copy();
            CommonOps_DDRM.invert(inv);
            DMatrixRMaj ones = new DMatrixRMaj(c, 1);
            CommonOps_DDRM.fill(ones, 1);
            DMatrixRMaj invOnes = new DMatrixRMaj(c, 1);
            CommonOps_DDRM.mult(inv, ones, invOnes);
            double s = CommonOps_DDRM.dot(ones, invOnes);
            DMatrixRMaj p = inv.copy();
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    p.add(i, j, -invOnes.get(i) * invOnes.get(j) / s);
                }
            }
            logDet += Math.log(CommonOps_DDRM.det(cov)) + Math.log(s);
            DMatrixRMaj px = new DMatrixRMaj(c, m);
            CommonOps_DDRM.mult(p, x, px);
            DMatrixRMaj py = new DMatrixRMaj(c, 1);
            CommonOps_DDRM.mult(p, y, py);
            CommonOps_DDRM.multAddTransA(x, px, normal);
            CommonOps_DDRM.multAddTransA(x, py, rhs);
            parts.add(new DMatrixRMaj[]{x, p, y});
        }

        /** min over &theta; of &Sigma; (y &minus; X&theta;)&#7488; P (y &minus; X&theta;), summed from the residuals at &theta;&#770;. */
        double quadraticForm() {
            DMatrixRMaj theta = new DMatrixRMaj(m, 1);
            if (!CommonOps_DDRM.solve(normal, rhs, theta)) {
                throw new IllegalStateException("singular normal equations");
            }
            // the normal equations lose digits to their condition: two steps of iterative
            // refinement from the residuals' gradient bring theta to rounding
            for (int step = 0; step < 2; step++) {
                DMatrixRMaj g = new DMatrixRMaj(m, 1);
                for (DMatrixRMaj[] xpy : parts) {
                    DMatrixRMaj e = xpy[2].copy();
                    CommonOps_DDRM.multAdd(-1, xpy[0], theta, e);
                    DMatrixRMaj pe = new DMatrixRMaj(e.numRows, 1);
                    CommonOps_DDRM.mult(xpy[1], e, pe);
                    CommonOps_DDRM.multAddTransA(xpy[0], pe, g);
                }
                DMatrixRMaj d = new DMatrixRMaj(m, 1);
                CommonOps_DDRM.solve(normal, g, d);
                CommonOps_DDRM.addEquals(theta, d);
            }
            double q = 0;
            for (DMatrixRMaj[] xpy : parts) {
                DMatrixRMaj e = xpy[2].copy();
                CommonOps_DDRM.multAdd(-1, xpy[0], theta, e);
                DMatrixRMaj pe = new DMatrixRMaj(e.numRows, 1);
                CommonOps_DDRM.mult(xpy[1], e, pe);
                q += CommonOps_DDRM.dot(e, pe);
            }
            return q;
        }
    }
}

package io.gridid.impedance;

import io.gridid.model.BranchEquation;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-estimates the missing loads of each interval from the voltages the meters did record, given
 * the tree and the current branch impedances: a state estimate in which the unknowns are the
 * missing loads (P and Q of each) and the measurements are the squared-voltage differences
 * u_a &minus; u_i between each metered bus i and its nearest metered ancestor a, predicted by the
 * branch equation ({@link BranchEquation}) summed over the branches between them.
 *
 * <p>One Gauss&ndash;Newton step per call and interval (the flows' dependence on the loads through
 * the losses of the branches above is left out of the Jacobian; the stage-2 loop calls this again
 * with refitted impedances). Directions the voltages do not see (two missing loads behind the
 * same metered bus: only their sum shows) keep their previous estimate: the normal equations get
 * a ridge of {@link #RIDGE} times their largest diagonal entry. An interval whose loads are all
 * metered, or with no usable voltage difference, is left as it is.
 *
 * <p>Cost per interval with K missing loads and E usable differences: O(E&middot;K&sup2; + K&sup3;).
 */
final class LoadStateEstimation {
    /** Ridge, relative to the largest diagonal entry of the normal equations (keeps unseen directions). */
    static final double RIDGE = 1e-9;
    /** Prior spread of an estimated load, relative to the estimate (a bus's own variation is 15-30 %). */
    static final double PRIOR_SPREAD = 0.3;
    /** Prior spread floor, MW or Mvar (keeps a zero estimate from pinning the load at zero). */
    static final double PRIOR_FLOOR_MW = 1e-4;
    /**
     * An estimate moves at most this times its prior's size from the prior: a safeguard for an
     * interval whose voltages are explained by a badly wrong impedance (a real load seldom
     * doubles against its profile; the default simulation's variation is 15-30 %).
     */
    static final double TRUST = 1.0;
    /** Smallest standard deviation credited to the head's flow, relative to |S_head| (double rounding). */
    static final double HEAD_FLOOR = 1e-9;
    /**
     * Smallest standard deviation credited to a predicted voltage difference, relative to u:
     * 1e-7 (0.05 ppm of |V|), far below any meter's resolution; it keeps noise-free fits, whose
     * residuals are rounding, from weighing 1e20 and turning tiny model inconsistencies into
     * large swings of the estimates.
     */
    static final double VARIANCE_FLOOR = 1e-7;

    private LoadStateEstimation() {
    }

    /**
     * @param filled the current estimates (the linearisation point)
     * @param prior  the first, profile-based estimates: where the voltages do not tell, the
     *               estimate returns to these
     * @param fitted branch fits keyed by child bus (r and x in ohm)
     * @param headRelativeSigma standard deviation of the feeder head's P (and Q) against the
     *               loads plus losses, relative to the head flow; NaN: the head's P and Q are not used
     * @return the readings with the estimated loads replaced (the rest unchanged; inputs not modified)
     */
    static FilledReadings refine(MeterData data, RadialTree tree, FilledReadings filled, FilledReadings prior,
                                 Map<String, SweptBranch> fitted, double headRelativeSigma) {
        List<String> order = tree.topDown(); // index 0 = root, parents before children
        int size = order.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            index.put(order.get(i), i);
        }
        int[] parent = new int[size];
        int[] row = new int[size];
        int[] meter = new int[size];
        double[] r = new double[size];
        double[] x = new double[size];
        double[] sr = new double[size];
        double[] sx = new double[size];
        double[] rms = new double[size];
        parent[0] = -1;
        row[0] = -1;
        meter[0] = data.indexOf(tree.root());
        for (int i = 1; i < size; i++) {
            String bus = order.get(i);
            parent[i] = index.get(tree.parentOf(bus));
            row[i] = filled.row().get(bus);
            meter[i] = data.indexOf(bus);
            r[i] = fitted.get(bus).fit().rOhm();
            x[i] = fitted.get(bus).fit().xOhm();
            sr[i] = finiteOrZero(fitted.get(bus).fit().rStdErr());
            sx[i] = finiteOrZero(fitted.get(bus).fit().xStdErr());
            rms[i] = finiteOrZero(fitted.get(bus).fit().rmsResidual());
        }
        double[][] pOut = copy(filled.pMw());
        double[][] qOut = copy(filled.qMvar());
        boolean[][] est = filled.estimated();
        int tCount = data.intervalCount();

        double[] u = new double[size];
        double[] accP = new double[size];
        double[] accQ = new double[size];
        double[] drop = new double[size];
        double[] dP = new double[size];
        double[] dQ = new double[size];
        double[] doubt = new double[size]; // variance of a branch's predicted drop, kV^4
        int[] anc = new int[size];
        int[] mark = new int[size];
        int stamp = 0;
        for (int t = 0; t < tCount; t++) {
            List<Integer> unknowns = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                boolean[] e = est[row[i]];
                if (e != null && e[t]) {
                    unknowns.add(i);
                }
            }
            if (unknowns.isEmpty()) {
                continue;
            }
            for (int i = 0; i < size; i++) {
                double v = data.vKv(meter[i], t);
                u[i] = Double.isFinite(v) ? v * v : Double.NaN;
            }
            // flows bottom-up with the current loads, and each branch's drop and its derivatives
            Arrays.fill(accP, 0);
            Arrays.fill(accQ, 0);
            for (int i = size - 1; i >= 1; i--) {
                double uf = filled.uFilled()[row[i]][t];
                double rp = pOut[row[i]][t] + accP[i];
                double rq = qOut[row[i]][t] + accQ[i];
                double z2 = r[i] * r[i] + x[i] * x[i];
                drop[i] = BranchEquation.sendingSquaredVoltage(r[i], x[i], rp, rq, uf) - uf;
                dP[i] = BranchEquation.dropSlopeFlow(r[i], z2, rp, uf);
                dQ[i] = BranchEquation.dropSlopeFlow(x[i], z2, rq, uf);
                doubt[i] = rms[i] * rms[i] + 4 * (rp * sr[i] * rp * sr[i] + rq * sx[i] * rq * sx[i]);
                accP[parent[i]] += BranchEquation.sendingActiveMw(r[i], rp, rq, uf);
                accQ[parent[i]] += BranchEquation.sendingReactiveMvar(x[i], rp, rq, uf);
            }
            // one equation per metered bus with a metered ancestor: u_a - u_i = sum of drops between
            anc[0] = -1;
            List<int[]> paths = new ArrayList<>();
            List<Double> residuals = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                int p = parent[i];
                anc[i] = u[p] == u[p] ? p : anc[p];
                if (u[i] != u[i] || anc[i] < 0) {
                    continue;
                }
                int len = 0;
                for (int b = i; b != anc[i]; b = parent[b]) {
                    len++;
                }
                int[] path = new int[len];
                double predicted = 0;
                double variance = 0;
                int k = 0;
                for (int b = i; b != anc[i]; b = parent[b]) {
                    path[k++] = b;
                    predicted += drop[b];
                    variance += doubt[b];
                }
                paths.add(path);
                residuals.add(u[anc[i]] - u[i] - predicted);
                double floor = VARIANCE_FLOOR * u[i];
                weights.add(1 / (variance + floor * floor));
            }
            int m = 2 * unknowns.size();
            // the feeder head: its P and Q are every load plus every loss
            double headP = data.pMw(meter[0], t);
            double headQ = data.qMvar(meter[0], t);
            boolean head = Double.isFinite(headRelativeSigma) && Double.isFinite(headP) && Double.isFinite(headQ);
            int eqs = paths.size();
            if (eqs == 0 && !head) {
                continue;
            }
            double[][] jac = new double[eqs][m];
            // jac[e][2j], jac[e][2j+1]: d(predicted drop of equation e) / d(P, Q of unknown j)
            for (int e = 0; e < eqs; e++) {
                // the branches of equation e are marked; an unknown load lies in a marked branch's
                // subtree when the branch is on the unknown's way to the root
                stamp++;
                for (int b : paths.get(e)) {
                    mark[b] = stamp;
                }
                for (int j = 0; j < unknowns.size(); j++) {
                    for (int v = unknowns.get(j); v >= 0; v = parent[v]) {
                        if (mark[v] == stamp) {
                            jac[e][2 * j] += dP[v];
                            jac[e][2 * j + 1] += dQ[v];
                        }
                    }
                }
            }
            DMatrixRMaj normal = new DMatrixRMaj(m, m);
            DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
            if (head) {
                double sp = Math.max(headRelativeSigma * Math.abs(headP), HEAD_FLOOR * Math.hypot(headP, headQ));
                double sq = Math.max(headRelativeSigma * Math.abs(headQ), HEAD_FLOOR * Math.hypot(headP, headQ));
                double rp = headP - accP[0];
                double rq = headQ - accQ[0];
                for (int a = 0; a < m; a += 2) {
                    rhs.data[a] += rp / (sp * sp);
                    rhs.data[a + 1] += rq / (sq * sq);
                    for (int b = 0; b < m; b += 2) {
                        normal.data[a * m + b] += 1 / (sp * sp);
                        normal.data[(a + 1) * m + b + 1] += 1 / (sq * sq);
                    }
                }
            }
            for (int e = 0; e < eqs; e++) {
                double[] row0 = jac[e];
                double res = residuals.get(e);
                double we = weights.get(e);
                for (int a = 0; a < m; a++) {
                    if (row0[a] == 0) {
                        continue;
                    }
                    rhs.data[a] += we * row0[a] * res;
                    for (int b = 0; b < m; b++) {
                        normal.data[a * m + b] += we * row0[a] * row0[b];
                    }
                }
            }
            double maxDiag = 0;
            for (int a = 0; a < m; a++) {
                maxDiag = Math.max(maxDiag, normal.data[a * m + a]);
            }
            if (!(maxDiag > 0)) {
                continue;
            }
            // prior: each first estimate is off by about PRIOR_SPREAD of itself; the step goes to
            // the maximum a posteriori of the linearised problem, so directions the voltages do
            // not see return to the prior instead of drifting from round to round
            for (int j = 0; j < unknowns.size(); j++) {
                int i = unknowns.get(j);
                double p0 = prior.pMw()[row[i]][t];
                double q0 = prior.qMvar()[row[i]][t];
                double sp = PRIOR_SPREAD * Math.abs(p0) + PRIOR_FLOOR_MW;
                double sq = PRIOR_SPREAD * Math.abs(q0) + PRIOR_FLOOR_MW;
                double wp = 1 / (sp * sp);
                double wq = 1 / (sq * sq);
                normal.data[2 * j * m + 2 * j] += wp + RIDGE * maxDiag;
                normal.data[(2 * j + 1) * m + 2 * j + 1] += wq + RIDGE * maxDiag;
                rhs.data[2 * j] += wp * (p0 - pOut[row[i]][t]);
                rhs.data[2 * j + 1] += wq * (q0 - qOut[row[i]][t]);
            }
            DMatrixRMaj step = new DMatrixRMaj(m, 1);
            if (!CommonOps_DDRM.solve(normal, rhs, step)) {
                continue;
            }
            for (int j = 0; j < unknowns.size(); j++) {
                int i = unknowns.get(j);
                double sp = step.data[2 * j];
                double sq = step.data[2 * j + 1];
                if (Double.isFinite(sp) && !Double.isFinite(data.pMw(meter[i], t))) {
                    pOut[row[i]][t] = clamp(pOut[row[i]][t] + sp, prior.pMw()[row[i]][t]);
                }
                if (Double.isFinite(sq) && !Double.isFinite(data.qMvar(meter[i], t))) {
                    qOut[row[i]][t] = clamp(qOut[row[i]][t] + sq, prior.qMvar()[row[i]][t]);
                }
            }
        }
        return new FilledReadings(filled.row(), pOut, qOut, est, filled.uFilled());
    }

    /** Keeps an estimate within {@link #TRUST} times its prior's size (plus the floor) of the prior. */
    private static double clamp(double value, double prior) {
        double reach = TRUST * (Math.abs(prior) + PRIOR_FLOOR_MW);
        return Math.max(prior - reach, Math.min(prior + reach, value));
    }

    /**
     * Work of one {@link #refine} call, about floating-point operations: per interval with K
     * missing loads, the normal equations (buses &times; (2K)&sup2;) and their solve ((2K)&sup3;).
     */
    static double work(FilledReadings filled, int buses) {
        boolean[][] est = filled.estimated();
        int tCount = 0;
        for (boolean[] e : est) {
            if (e != null) {
                tCount = e.length;
                break;
            }
        }
        double total = 0;
        for (int t = 0; t < tCount; t++) {
            int k = 0;
            for (boolean[] e : est) {
                if (e != null && e[t]) {
                    k++;
                }
            }
            double m = 2.0 * k;
            total += buses * m * m + m * m * m;
        }
        return total;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

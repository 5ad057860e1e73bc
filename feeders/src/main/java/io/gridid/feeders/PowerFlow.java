package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BranchEquation;
import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.RadialTree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Balanced AC power flow of a radial feeder by backward/forward sweep on complex voltages and
 * currents, constant-power loads and constant-admittance capacitor banks (a bank rated C Mvar
 * at 1 p.u. injects C &middot; (|V| / base kV)&sup2;). The one power flow of the project.
 *
 * <p>Units: voltages kV line-to-line, powers MW/Mvar (three-phase), impedances ohm per phase.
 * With I := conj(S / V) (in MVA/kV), the per-phase drop in line-to-line terms is Z&middot;I and
 * the three-phase loss |I|&sup2;r MW, so no &radic;3 or base conversion appears.
 *
 * <p>Bus order: index 0 is the root, then breadth-first ({@link RadialTree#topDown()}); every
 * array in and out uses that order. Thread-safe: instances hold only the fixed network.
 */
public final class PowerFlow {
    /** Convergence: largest change of any bus voltage between sweeps, per unit of base kV. */
    public static final double DEFAULT_TOLERANCE_PU = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    private final Feeder feeder;
    private final List<String> buses;
    private final Map<String, Integer> index;
    private final int[] parent;     // parent index of bus k (k >= 1), -1 for the root
    private final double[] r;       // ohm, of the branch feeding bus k
    private final double[] x;
    private final double[] capacitorMvar; // rated Mvar at 1 p.u. of the bank at bus k, 0 if none
    private final double toleranceKv;
    private final int maxIterations;

    public PowerFlow(Feeder feeder) {
        this(feeder, DEFAULT_TOLERANCE_PU, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param toleranceVoltagePu largest voltage change between sweeps at convergence, p.u.
     * @param maxIterations      sweeps before giving up
     */
    public PowerFlow(Feeder feeder, double toleranceVoltagePu, int maxIterations) {
        this.feeder = Objects.requireNonNull(feeder, "feeder");
        if (!(toleranceVoltagePu > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be positive and maxIterations >= 1");
        }
        RadialTree tree = feeder.tree();
        this.buses = tree.topDown();
        this.index = new HashMap<>(buses.size() * 2);
        for (int k = 0; k < buses.size(); k++) {
            index.put(buses.get(k), k);
        }
        int n = buses.size();
        parent = new int[n];
        r = new double[n];
        x = new double[n];
        parent[0] = -1;
        for (Branch b : feeder.branches()) {
            int k = index.get(b.toBus());
            parent[k] = index.get(b.fromBus());
            r[k] = b.rOhm();
            x[k] = b.xOhm();
        }
        capacitorMvar = new double[n];
        for (int k = 0; k < n; k++) {
            capacitorMvar[k] = feeder.capacitorMvarAt(buses.get(k));
        }
        this.toleranceKv = toleranceVoltagePu * feeder.baseKv();
        this.maxIterations = maxIterations;
    }

    /** Bus ids in the order of every array (root first, breadth-first). */
    public List<String> buses() {
        return buses;
    }

    /** Index of a bus in the arrays, or -1. */
    public int indexOf(String bus) {
        Integer k = index.get(bus);
        return k == null ? -1 : k;
    }

    public Feeder feeder() {
        return feeder;
    }

    /** Solves with the feeder's nominal loads and root voltage. */
    public Solution solveNominal() throws PowerFlowDivergedException {
        int n = buses.size();
        double[] p = new double[n];
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            BusLoad l = feeder.loadAt(buses.get(k));
            p[k] = l.pMw();
            q[k] = l.qMvar();
        }
        return solve(feeder.rootVoltagePu() * feeder.baseKv(), p, q);
    }

    /**
     * Solves one operating point.
     *
     * @param rootVoltageKv root voltage magnitude, kV line-to-line (angle 0)
     * @param loadMw        active load per bus (load convention), MW; not modified
     * @param loadMvar      reactive load per bus, Mvar, without the feeder's capacitor banks (the
     *                      power flow adds their voltage-dependent injection); not modified
     * @throws PowerFlowDivergedException when the sweep does not converge (voltage collapse)
     */
    public Solution solve(double rootVoltageKv, double[] loadMw, double[] loadMvar) throws PowerFlowDivergedException {
        int n = buses.size();
        if (loadMw.length != n || loadMvar.length != n) {
            throw new IllegalArgumentException("load arrays must have one entry per bus (" + n + ")");
        }
        double[] vRe = new double[n];
        double[] vIm = new double[n];
        double[] iRe = new double[n];   // branch current into bus k (k >= 1)
        double[] iIm = new double[n];
        double[] drawMvar = new double[n]; // reactive draw with the banks' injection at the current voltages
        double baseKv2 = feeder.baseKv() * feeder.baseKv();
        java.util.Arrays.fill(vRe, rootVoltageKv);
        for (int it = 1; it <= maxIterations; it++) {
            // backward: load currents, then accumulate leaves-first (reverse breadth-first order)
            for (int k = 0; k < n; k++) {
                // I = conj(S / V) = (P - jQ) / conj(V) ... written out: conj(S/V) = conj(S) / conj(V)
                double den = vRe[k] * vRe[k] + vIm[k] * vIm[k];
                drawMvar[k] = loadMvar[k] - capacitorMvar[k] * den / baseKv2;
                // conj(S)/conj(V) = (P - jQ)(vRe + j vIm) / |V|^2
                iRe[k] = (loadMw[k] * vRe[k] + drawMvar[k] * vIm[k]) / den;
                iIm[k] = (loadMw[k] * vIm[k] - drawMvar[k] * vRe[k]) / den;
            }
            for (int k = n - 1; k >= 1; k--) {
                iRe[parent[k]] += iRe[k];
                iIm[parent[k]] += iIm[k];
            }
            // forward: V_k = V_parent - Z I_k
            double maxChange = 0;
            for (int k = 1; k < n; k++) {
                int p = parent[k];
                double nr = vRe[p] - (r[k] * iRe[k] - x[k] * iIm[k]);
                double ni = vIm[p] - (r[k] * iIm[k] + x[k] * iRe[k]);
                maxChange = Math.max(maxChange, Math.hypot(nr - vRe[k], ni - vIm[k]));
                vRe[k] = nr;
                vIm[k] = ni;
            }
            if (!Double.isFinite(maxChange)) {
                break;
            }
            if (maxChange < toleranceKv) {
                for (int k = 0; k < n; k++) { // the banks' injection at the converged voltages
                    drawMvar[k] = loadMvar[k] - capacitorMvar[k] * (vRe[k] * vRe[k] + vIm[k] * vIm[k]) / baseKv2;
                }
                return solution(vRe, vIm, loadMw, drawMvar, it);
            }
        }
        throw new PowerFlowDivergedException("power flow of feeder " + feeder.name() + " did not converge within "
                + maxIterations + " sweeps (load too heavy for the network: voltage collapse?)");
    }

    private Solution solution(double[] vRe, double[] vIm, double[] loadMw, double[] loadMvar, int iterations) {
        int n = buses.size();
        double[] vMag = new double[n];
        double[] vAng = new double[n];
        for (int k = 0; k < n; k++) {
            vMag[k] = Math.hypot(vRe[k], vIm[k]);
            vAng[k] = Math.atan2(vIm[k], vRe[k]);
        }
        // Flows from the converged voltages: receiving-end S'_k = load_k + sum children sending S.
        double[] recvP = new double[n];
        double[] recvQ = new double[n];
        double[] sendP = new double[n];
        double[] sendQ = new double[n];
        for (int k = 0; k < n; k++) {
            recvP[k] = loadMw[k];
            recvQ[k] = loadMvar[k];
        }
        double lossP = 0;
        double lossQ = 0;
        for (int k = n - 1; k >= 1; k--) {
            double u = vMag[k] * vMag[k];
            sendP[k] = BranchEquation.sendingActiveMw(r[k], recvP[k], recvQ[k], u);
            sendQ[k] = BranchEquation.sendingReactiveMvar(x[k], recvP[k], recvQ[k], u);
            lossP += BranchEquation.activeLossMw(r[k], recvP[k], recvQ[k], u);
            lossQ += BranchEquation.reactiveLossMvar(x[k], recvP[k], recvQ[k], u);
            recvP[parent[k]] += sendP[k];
            recvQ[parent[k]] += sendQ[k];
        }
        return new Solution(buses, vMag, vAng, loadMvar.clone(), recvP, recvQ, sendP, sendQ, recvP[0], recvQ[0], lossP, lossQ,
                iterations);
    }

    /**
     * One converged operating point. Arrays are indexed like {@link PowerFlow#buses()}; for the
     * root (index 0) the receiving-end flow is the total feeder-head draw and the sending-end
     * entries are 0. Accessors return copies.
     *
     * @param drawMvar  reactive power drawn at each bus, its capacitor bank's injection at the solved
     *                  voltage subtracted (what a meter at the bus reads), Mvar
     * @param headMw    feeder-head active power = loads + losses, MW
     * @param headMvar  feeder-head reactive power, Mvar
     * @param lossMw    total series active loss, MW
     * @param lossMvar  total series reactive loss, Mvar
     */
    public record Solution(List<String> buses, double[] voltageKv, double[] angleRad, double[] drawMvar,
                           double[] receivingMw, double[] receivingMvar,
                           double[] sendingMw, double[] sendingMvar,
                           double headMw, double headMvar, double lossMw, double lossMvar,
                           int iterations) {
        public Solution {
            voltageKv = voltageKv.clone();
            angleRad = angleRad.clone();
            drawMvar = drawMvar.clone();
            receivingMw = receivingMw.clone();
            receivingMvar = receivingMvar.clone();
            sendingMw = sendingMw.clone();
            sendingMvar = sendingMvar.clone();
        }

        @Override
        public double[] voltageKv() {
            return voltageKv.clone();
        }

        @Override
        public double[] angleRad() {
            return angleRad.clone();
        }

        @Override
        public double[] drawMvar() {
            return drawMvar.clone();
        }

        /** Reactive power drawn at bus k, its bank's injection subtracted, Mvar. */
        public double drawMvar(int k) {
            return drawMvar[k];
        }

        @Override
        public double[] receivingMw() {
            return receivingMw.clone();
        }

        @Override
        public double[] receivingMvar() {
            return receivingMvar.clone();
        }

        @Override
        public double[] sendingMw() {
            return sendingMw.clone();
        }

        @Override
        public double[] sendingMvar() {
            return sendingMvar.clone();
        }

        /** Voltage magnitude of bus k, kV. */
        public double voltageKv(int k) {
            return voltageKv[k];
        }

        /** Index of the bus with the lowest voltage magnitude (the first one on ties). */
        public int lowestVoltageIndex() {
            int m = 0;
            for (int k = 1; k < voltageKv.length; k++) {
                if (voltageKv[k] < voltageKv[m]) {
                    m = k;
                }
            }
            return m;
        }
    }
}

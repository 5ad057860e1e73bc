package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random radial feeder that looks like a real overhead distribution feeder: a main trunk
 * of large conductor from the substation, laterals of medium conductor hanging on the trunk,
 * sub-laterals of small conductor hanging on laterals (about one lateral in ten is an
 * underground cable). Conductor size never grows away from the substation. 12.47 kV.
 *
 * <ul>
 *   <li>Buses: {@code "0"} (root, at 1.0 p.u.) and {@code "1"} .. {@code "N-1"}.</li>
 *   <li>Trunk: round(1.5 &radic;N) buses (at most 40, at most N-1). Every further bus either
 *       extends the tip of an existing lateral (probability 0.6) or starts a new lateral on a
 *       random trunk bus (2/3) or lateral bus (1/3).</li>
 *   <li>Lengths uniform in [0.05, 1.5] km, rounded to the metre; r and x = length &times; the
 *       conductor's per-km impedance ({@link Branch#line}).</li>
 *   <li>Loads: every non-root bus, P log-normal around 60 kW (&sigma; of ln = 0.6), power
 *       factor uniform in [0.85, 0.97] lagging; then all loads are scaled by one common factor,
 *       the largest for which the nominal power flow keeps every voltage &ge; 0.95 p.u. and
 *       every branch current &le; 80 % of its conductor's ampacity (bisection to 0.1 %).
 *       Load profiles that peak near the nominal load then keep the end voltage above about
 *       0.92 p.u.</li>
 * </ul>
 * Same (N, seed) gives the same feeder on every machine.
 */
public final class RandomFeeder {
    /** Nominal line-to-line voltage of random feeders, kV. */
    public static final double BASE_KV = 12.47;
    /** Lowest voltage allowed at nominal load, p.u. */
    public static final double MIN_VOLTAGE_PU = 0.95;
    /** Largest branch current at nominal load, fraction of ampacity. */
    public static final double MAX_LOADING = 0.8;
    public static final double MIN_LENGTH_KM = 0.05;
    public static final double MAX_LENGTH_KM = 1.5;

    private static final String[] TRUNK = {"556,500 26/7 ACSR", "336,400 26/7 ACSR"};
    private static final String[] LATERAL = {"4/0 6/1 ACSR", "1/0 ACSR"};
    private static final String LATERAL_CABLE = "500,000 AA CN";
    private static final String[] SUBLATERAL = {"1/0 ACSR", "#2 6/1 ACSR"};
    private static final String SUBLATERAL_CABLE = "2/0 AA CN";
    private static final double EXTEND_PROBABILITY = 0.6;
    private static final double CABLE_PROBABILITY = 0.1;
    private static final double MEDIAN_LOAD_KW = 60;
    private static final double LOG_LOAD_SIGMA = 0.6;

    private final ConductorLibrary library;

    /** @param library must contain the conductor names this generator uses (the built-in one does) */
    public RandomFeeder(ConductorLibrary library) {
        this.library = java.util.Objects.requireNonNull(library, "library");
    }

    /**
     * @param buses number of buses including the root, &ge; 2
     * @param seed  random seed
     */
    public Feeder generate(int buses, long seed) {
        if (buses < 2) {
            throw new IllegalArgumentException("a random feeder needs at least 2 buses, got " + buses);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int trunkCount = (int) Math.min(Math.min(40, buses - 1), Math.max(1, Math.round(1.5 * Math.sqrt(buses))));
        List<Branch> branches = new ArrayList<>(buses - 1);
        int[] level = new int[buses];          // 0 trunk, 1 lateral, 2 sub-lateral
        String[] type = new String[buses];     // conductor of the branch feeding the bus
        List<Integer> trunk = new ArrayList<>();
        List<Integer> laterals = new ArrayList<>();   // buses on level-1 laterals
        List<Integer> tips = new ArrayList<>();       // current end of each lateral
        trunk.add(0);
        String trunkType = TRUNK[0];
        int next = 1;
        for (; next <= trunkCount; next++) {
            // the trunk tapers once, about two thirds of the way out
            if (next > (2 * trunkCount) / 3 && trunkCount >= 6) {
                trunkType = TRUNK[1];
            }
            branches.add(line(next - 1, next, trunkType, rnd));
            type[next] = trunkType;
            trunk.add(next);
        }
        for (; next < buses; next++) {
            int parent;
            String t;
            if (!tips.isEmpty() && rnd.nextDouble() < EXTEND_PROBABILITY) {
                int k = rnd.nextInt(tips.size());
                parent = tips.get(k);
                tips.set(k, next);
                t = type[parent];
                level[next] = level[parent];
            } else {
                boolean onTrunk = laterals.isEmpty() || rnd.nextDouble() < 2.0 / 3.0;
                if (onTrunk) {
                    parent = trunk.get(1 + rnd.nextInt(trunk.size() - 1)); // any trunk bus but the root
                    level[next] = 1;
                    t = rnd.nextDouble() < CABLE_PROBABILITY ? LATERAL_CABLE : LATERAL[rnd.nextInt(LATERAL.length)];
                } else {
                    parent = laterals.get(rnd.nextInt(laterals.size()));
                    level[next] = 2;
                    t = rnd.nextDouble() < CABLE_PROBABILITY ? SUBLATERAL_CABLE : SUBLATERAL[rnd.nextInt(SUBLATERAL.length)];
                }
                tips.add(next);
            }
            if (level[next] == 1) {
                laterals.add(next);
            }
            type[next] = t;
            branches.add(line(parent, next, t, rnd));
        }
        double[] pKw = new double[buses];
        double[] qKvar = new double[buses];
        for (int b = 1; b < buses; b++) {
            pKw[b] = MEDIAN_LOAD_KW * Math.exp(LOG_LOAD_SIGMA * StandardNormal.sample(rnd));
            double pf = 0.85 + 0.12 * rnd.nextDouble();
            qKvar[b] = pKw[b] * Math.tan(Math.acos(pf));
        }
        String name = "random:" + buses + ":" + seed;
        String source = "gridid RandomFeeder, " + buses + " buses, seed " + seed;
        double scale = largestFeasibleScale(name, source, branches, pKw, qKvar);
        return feeder(name, source, branches, pKw, qKvar, scale);
    }

    private Branch line(int from, int to, String typeName, SplittableRandom rnd) {
        ConductorType t = library.byName(typeName);
        double km = Math.round((MIN_LENGTH_KM + (MAX_LENGTH_KM - MIN_LENGTH_KM) * rnd.nextDouble()) * 1000.0) / 1000.0;
        return Branch.line(Integer.toString(from), Integer.toString(to), t, km);
    }

    private static Feeder feeder(String name, String source, List<Branch> branches, double[] pKw, double[] qKvar,
                                 double scale) {
        Map<String, BusLoad> loads = new LinkedHashMap<>();
        for (int b = 1; b < pKw.length; b++) {
            String id = Integer.toString(b);
            loads.put(id, new BusLoad(id, pKw[b] * scale / 1000.0, qKvar[b] * scale / 1000.0));
        }
        return new Feeder(name, source, BASE_KV, "0", 1.0, branches, loads);
    }

    private double largestFeasibleScale(String name, String source, List<Branch> branches, double[] pKw, double[] qKvar) {
        double lo = 0;
        double hi = 1;
        while (feasible(feeder(name, source, branches, pKw, qKvar, hi)) && hi < 1e4) {
            lo = hi;
            hi *= 2;
        }
        if (lo == 0) {
            lo = hi / 1024;
            while (!feasible(feeder(name, source, branches, pKw, qKvar, lo))) {
                hi = lo;
                lo /= 1024;
            }
        }
        while (hi - lo > 1e-3 * lo) {
            double mid = 0.5 * (lo + hi);
            if (feasible(feeder(name, source, branches, pKw, qKvar, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean feasible(Feeder f) {
        PowerFlow pf = new PowerFlow(f);
        PowerFlow.Solution s;
        try {
            s = pf.solveNominal();
        } catch (PowerFlowDivergedException e) {
            return false;
        }
        double[] v = s.voltageKv();
        double[] sp = s.sendingMw();
        double[] sq = s.sendingMvar();
        Map<String, Branch> feeding = new HashMap<>();
        for (Branch b : f.branches()) {
            feeding.put(b.toBus(), b);
        }
        for (int k = 1; k < v.length; k++) {
            if (v[k] < MIN_VOLTAGE_PU * f.baseKv()) {
                return false;
            }
            Branch b = feeding.get(pf.buses().get(k));
            double amps = 1000.0 * Math.hypot(sp[k], sq[k]) / (Math.sqrt(3) * v[pf.indexOf(b.fromBus())]);
            double limit = library.byName(b.conductor()).ampacityAmps();
            if (amps > MAX_LOADING * limit) {
                return false;
            }
        }
        return true;
    }
}

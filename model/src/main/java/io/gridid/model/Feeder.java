package io.gridid.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A radial distribution feeder as a balanced positive-sequence equivalent: branches oriented
 * root-outward with impedances in ohms, nominal loads in MW/Mvar, nominal voltage in kV
 * line-to-line.
 *
 * @param name         short name, e.g. "ieee69"
 * @param source       where the data came from (citation), free text
 * @param baseKv       nominal line-to-line voltage, kV
 * @param rootBus      the feeder head (substation low side), slack bus of the power flow
 * @param rootVoltagePu root voltage magnitude, per unit of baseKv
 * @param branches     every branch, each oriented from parent to child (copied)
 * @param loads        nominal load per bus (copied; buses without load may be absent)
 * @param capacitorsMvar shunt capacitor banks per bus (copied; may be empty): rated Mvar at 1 p.u.
 *                     of baseKv, constant admittance, so a bank injects rating &middot; (|V| / baseKv)&sup2;
 */
public record Feeder(String name, String source, double baseKv, String rootBus, double rootVoltagePu,
                     List<Branch> branches, Map<String, BusLoad> loads, Map<String, Double> capacitorsMvar) {
    public Feeder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rootBus, "rootBus");
        if (!(baseKv > 0)) {
            throw new IllegalArgumentException("baseKv must be positive");
        }
        if (!(rootVoltagePu > 0)) {
            throw new IllegalArgumentException("rootVoltagePu must be positive");
        }
        branches = List.copyOf(branches);
        loads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loads));
        capacitorsMvar = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capacitorsMvar));
        RadialTree tree = RadialTree.ofBranches(rootBus, branches); // validates radiality
        for (String bus : loads.keySet()) {
            if (!tree.contains(bus)) {
                throw new IllegalArgumentException("load at unknown bus " + bus);
            }
        }
        for (Map.Entry<String, Double> bank : capacitorsMvar.entrySet()) {
            if (!tree.contains(bank.getKey())) {
                throw new IllegalArgumentException("capacitor bank at unknown bus " + bank.getKey());
            }
            if (!(bank.getValue() > 0) || Double.isInfinite(bank.getValue())) {
                throw new IllegalArgumentException("capacitor bank at " + bank.getKey() + " must have a positive rating");
            }
        }
    }

    /** A feeder without capacitor banks. */
    public Feeder(String name, String source, double baseKv, String rootBus, double rootVoltagePu,
                  List<Branch> branches, Map<String, BusLoad> loads) {
        this(name, source, baseKv, rootBus, rootVoltagePu, branches, loads, Map.of());
    }

    /** This feeder with the given capacitor banks (bus to rated Mvar at 1 p.u.) instead of its own. */
    public Feeder withCapacitors(Map<String, Double> banksMvar) {
        return new Feeder(name, source, baseKv, rootBus, rootVoltagePu, branches, loads, banksMvar);
    }

    /** Rated Mvar (at 1 p.u.) of the capacitor bank at a bus, zero if none. */
    public double capacitorMvarAt(String bus) {
        Double c = capacitorsMvar.get(bus);
        return c == null ? 0 : c;
    }

    /** The feeder's topology. */
    public RadialTree tree() {
        return RadialTree.ofBranches(rootBus, branches);
    }

    /** The branch feeding a bus (the one whose toBus it is). */
    public Branch branchTo(String bus) {
        for (Branch b : branches) {
            if (b.toBus().equals(bus)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no branch feeds bus " + bus);
    }

    /** Nominal load at a bus, zero if none. */
    public BusLoad loadAt(String bus) {
        BusLoad l = loads.get(bus);
        return l != null ? l : new BusLoad(bus, 0, 0);
    }
}

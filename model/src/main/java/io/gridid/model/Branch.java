package io.gridid.model;

import java.util.Objects;

/**
 * A series branch of a feeder with its positive-sequence impedance.
 *
 * @param fromBus    end nearer the root
 * @param toBus      end farther from the root
 * @param rOhm       series resistance, ohm per phase
 * @param xOhm       series reactance, ohm per phase
 * @param kind       what the branch physically is
 * @param conductor  conductor type name for lines, or null (transformers, unknown)
 * @param lengthKm   length in km for lines, NaN when not a line or unknown
 */
public record Branch(String fromBus, String toBus, double rOhm, double xOhm,
                     Kind kind, String conductor, double lengthKm) {

    /** Physical kind of a branch. */
    public enum Kind { LINE, TRANSFORMER, SWITCH }

    public Branch {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        Objects.requireNonNull(kind, "kind");
        if (fromBus.equals(toBus)) {
            throw new IllegalArgumentException("branch from " + fromBus + " to itself");
        }
        if (!(rOhm >= 0) || !(xOhm >= 0)) {
            throw new IllegalArgumentException("branch " + fromBus + "-" + toBus + ": r and x must be >= 0");
        }
    }

    /** A line of a given conductor type and length: r and x follow from the type. */
    public static Branch line(String fromBus, String toBus, ConductorType type, double lengthKm) {
        return new Branch(fromBus, toBus, type.rOhmPerKm() * lengthKm, type.xOhmPerKm() * lengthKm,
                Kind.LINE, type.name(), lengthKm);
    }

    /** A branch known only by its impedance. */
    public static Branch ofImpedance(String fromBus, String toBus, double rOhm, double xOhm) {
        return new Branch(fromBus, toBus, rOhm, xOhm, Kind.LINE, null, Double.NaN);
    }
}

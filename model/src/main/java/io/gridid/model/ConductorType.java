package io.gridid.model;

import java.util.Objects;

/**
 * A conductor (overhead or cable) type with positive-sequence series impedance per km.
 *
 * @param name          type name as utilities know it, e.g. "556,500 26/7 ACSR"
 * @param rOhmPerKm     positive-sequence resistance, ohm/km
 * @param xOhmPerKm     positive-sequence reactance, ohm/km
 * @param ampacityAmps  continuous current rating, A (NaN when unknown)
 */
public record ConductorType(String name, double rOhmPerKm, double xOhmPerKm, double ampacityAmps) {
    public ConductorType {
        Objects.requireNonNull(name, "name");
        if (!(rOhmPerKm > 0) || !(xOhmPerKm > 0)) {
            throw new IllegalArgumentException("conductor " + name + ": r and x per km must be positive");
        }
    }

    /** x/r ratio, the fingerprint a branch fit can recognise. */
    public double xOverR() {
        return xOhmPerKm / rOhmPerKm;
    }
}

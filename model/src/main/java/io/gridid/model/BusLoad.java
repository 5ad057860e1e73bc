package io.gridid.model;

import java.util.Objects;

/**
 * Nominal three-phase load at a bus, load convention (consumption positive).
 *
 * @param bus     bus id
 * @param pMw     active power, MW
 * @param qMvar   reactive power, Mvar
 */
public record BusLoad(String bus, double pMw, double qMvar) {
    public BusLoad {
        Objects.requireNonNull(bus, "bus");
    }
}

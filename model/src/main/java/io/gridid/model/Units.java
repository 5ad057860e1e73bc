package io.gridid.model;

/**
 * The unit conventions of the project, stated once. Inside the library: kV line-to-line,
 * MW, Mvar, ohm per phase (then kV&sup2;/MW is ohm and no base conversion is needed).
 * Conversions happen only at the edges (CSV in, reports out) and only through here.
 */
public final class Units {
    private Units() {
    }

    public static double kwToMw(double kw) {
        return kw / 1000.0;
    }

    public static double mwToKw(double mw) {
        return mw * 1000.0;
    }

    /** Per-unit voltage to kV, given the nominal line-to-line voltage. */
    public static double puToKv(double pu, double baseKv) {
        return pu * baseKv;
    }

    /** kV to per unit of the nominal line-to-line voltage. */
    public static double kvToPu(double kv, double baseKv) {
        return kv / baseKv;
    }

    public static final double FEET_PER_KM = 1000.0 / 0.3048;
    public static final double KM_PER_MILE = 1.609344;
    public static final double KM_PER_KFT = 0.3048;
}

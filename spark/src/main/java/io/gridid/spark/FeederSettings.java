package io.gridid.spark;

import io.gridid.model.ConductorType;
import io.gridid.model.InvalidInputException;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.solvers.fit.FitNorm;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One feeder's identify options, from the feeders table's optional columns, each the CLI's
 * {@code identify} option of the same name (an empty field or an absent column takes the CLI's
 * default):
 * <ul>
 *   <li>{@code conductors}: a conductor library file (a Hadoop path, read by the driver) or
 *       {@code builtin} ({@code --conductors});</li>
 *   <li>{@code fit}: {@code ls} or {@code lad} ({@code --fit}, default ls);</li>
 *   <li>{@code max_types}: at most K distinct conductor types, 0 = no limit ({@code --max-types});</li>
 *   <li>{@code tapered}: {@code true} or {@code false} ({@code --tapered});</li>
 *   <li>{@code stability}: edge confidence over N random halves ({@code --stability}; default the
 *       job's {@code --stability}).</li>
 * </ul>
 *
 * @param fit           the per-branch fit's norm
 * @param conductors    the {@code conductors} field as written (null: no library)
 * @param library       the library's types, read by the driver (empty until then, and without a library)
 * @param maxTypes      at most this many distinct types (0 = no limit)
 * @param tapered       a conductor is never larger than the one feeding it
 * @param stabilityRuns the feeder's stability halves (null: the job's)
 */
public record FeederSettings(FitNorm fit, String conductors, List<Conductor> library, int maxTypes, boolean tapered,
                             Integer stabilityRuns) implements Serializable {
    public static final String CONDUCTORS = "conductors";
    public static final String FIT = "fit";
    public static final String MAX_TYPES = "max_types";
    public static final String TAPERED = "tapered";
    public static final String STABILITY = "stability";
    /** The {@code conductors} value that selects the built-in library (as the CLI's {@code --conductors}). */
    public static final String BUILT_IN_LIBRARY = "builtin";

    /** A library type as shipped to the task (a {@link ConductorType} is not serializable). */
    public record Conductor(String name, double rOhmPerKm, double xOhmPerKm, double ampacityAmps)
            implements Serializable {
        static Conductor of(ConductorType t) {
            return new Conductor(t.name(), t.rOhmPerKm(), t.xOhmPerKm(), t.ampacityAmps());
        }

        ConductorType toType() {
            return new ConductorType(name, rOhmPerKm, xOhmPerKm, ampacityAmps);
        }
    }

    public FeederSettings {
        Objects.requireNonNull(fit, "fit");
        library = List.copyOf(library);
        if (maxTypes < 0) {
            throw new IllegalArgumentException("maxTypes must be >= 0 (0 = no limit)");
        }
        if (stabilityRuns != null && stabilityRuns < 0) {
            throw new IllegalArgumentException("stabilityRuns must be >= 0");
        }
    }

    /** The CLI's defaults: least squares, no library, the job's stability halves. */
    public static FeederSettings defaults() {
        return new FeederSettings(FitNorm.LS, null, List.of(), 0, false, null);
    }

    /** With the library's types (read by the driver from {@link #conductors()}). */
    FeederSettings withLibrary(List<ConductorType> types) {
        return new FeederSettings(fit, conductors, types.stream().map(Conductor::of).toList(), maxTypes, tapered,
                stabilityRuns);
    }

    /** {@code base} (a task's options with the job's stability halves) with these settings applied. */
    IdentifyOptions applyTo(IdentifyOptions base) {
        IdentifyOptions o = base.withImpedance(base.impedance().withNorm(fit).withMaxTypes(maxTypes)
                .withTapered(tapered).withConductors(library.stream().map(Conductor::toType).toList()));
        return stabilityRuns == null ? o : o.withTopology(o.topology().withStabilityRuns(stabilityRuns));
    }

    /**
     * The settings of row {@code i} of the feeders table; a bad value is one line
     * {@code FILE:LINE: reason} naming the column (the CLI's checks of its options).
     */
    static FeederSettings read(FleetCsv csv, int i) throws InvalidInputException {
        String conductors = csv.optional(i, CONDUCTORS);
        String fitText = csv.optional(i, FIT);
        FitNorm fit = FitNorm.LS;
        if (fitText != null) {
            switch (fitText.toLowerCase(Locale.ROOT)) {
                case "ls" -> fit = FitNorm.LS;
                case "lad" -> fit = FitNorm.LAD;
                default -> throw new InvalidInputException(csv.name(), csv.line(i), FIT + " must be ls or lad, not '"
                        + fitText + "'");
            }
        }
        int maxTypes = csv.optional(i, MAX_TYPES) == null ? 0 : count(csv, i, MAX_TYPES, " (0 = no limit)");
        String taperedText = csv.optional(i, TAPERED);
        boolean tapered = false;
        if (taperedText != null) {
            switch (taperedText.toLowerCase(Locale.ROOT)) {
                case "true" -> tapered = true;
                case "false" -> tapered = false;
                default -> throw new InvalidInputException(csv.name(), csv.line(i), TAPERED
                        + " must be true or false, not '" + taperedText + "'");
            }
        }
        if ((maxTypes > 0 || tapered) && conductors == null) {
            throw new InvalidInputException(csv.name(), csv.line(i), MAX_TYPES + " and " + TAPERED + " need "
                    + CONDUCTORS);
        }
        Integer stability = csv.optional(i, STABILITY) == null ? null : count(csv, i, STABILITY, "");
        return new FeederSettings(fit, conductors, List.of(), maxTypes, tapered, stability);
    }

    /** A whole number >= 0 in a column given in row {@code i}. */
    private static int count(FleetCsv csv, int i, String column, String meaning) throws InvalidInputException {
        String s = csv.optional(i, column);
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the column's rule
        }
        throw new InvalidInputException(csv.name(), csv.line(i), column + " must be a whole number >= 0" + meaning
                + ", not '" + s + "'");
    }
}

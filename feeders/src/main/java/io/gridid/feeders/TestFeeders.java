package io.gridid.feeders;

import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The validation feeders by name: {@code "ieee13"}, {@code "ieee37"}, {@code "ieee69"} (balanced
 * positive-sequence equivalents, transcribed into feeder tables, see {@link FeederTable} and
 * the resources' headers) and {@code "random:N"} / {@code "random:N:SEED"} ({@link RandomFeeder},
 * N buses including the root, default seed 1). Any of them with the suffix {@code +caps=K} (e.g.
 * {@code random:200+caps=10}) gets K capacitor banks placed by {@link CapacitorPlacement} (seed 1).
 */
public final class TestFeeders {
    private static final List<String> BUILT_IN = List.of("ieee13", "ieee37", "ieee69");

    private TestFeeders() {
    }

    /** Names of the built-in feeders (random feeders are named {@code random:N[:SEED]}). */
    public static List<String> names() {
        return BUILT_IN;
    }

    /**
     * A built-in or random feeder by name, else a feeder table file ({@link FeederTable}, built-in
     * conductor library) at that path.
     *
     * @throws IllegalArgumentException when it is neither a known name nor an existing file
     * @throws InvalidInputException    when the file is not a valid feeder table
     */
    public static Feeder resolve(String nameOrFile) throws InvalidInputException, IOException {
        if (BUILT_IN.contains(baseName(nameOrFile)) || nameOrFile.startsWith("random:")) {
            return load(nameOrFile);
        }
        java.nio.file.Path file = java.nio.file.Path.of(nameOrFile);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("feeder '" + nameOrFile + "' is neither a built-in name ("
                    + String.join(", ", BUILT_IN) + ", random:N[:SEED]) nor a feeder table file");
        }
        return new FeederTable(ConductorLibrary.builtIn()).read(file);
    }

    private static String baseName(String name) {
        int plus = name.indexOf("+caps=");
        return plus >= 0 ? name.substring(0, plus) : name;
    }

    /**
     * @throws IllegalArgumentException for an unknown name or a malformed {@code random:} spec
     */
    public static Feeder load(String name) {
        int plus = name.indexOf("+caps=");
        if (plus >= 0) {
            String count = name.substring(plus + "+caps=".length());
            int banks;
            try {
                banks = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("capacitor banks are given as NAME+caps=K, not " + name);
            }
            Feeder base = load(name.substring(0, plus));
            Feeder placed = CapacitorPlacement.place(base, banks, 1L);
            return new Feeder(name, base.source() + ", " + banks + " capacitor banks placed (seed 1)", placed.baseKv(),
                    placed.rootBus(), placed.rootVoltagePu(), placed.branches(), placed.loads(), placed.capacitorsMvar());
        }
        if (name.startsWith("random:")) {
            String[] parts = name.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("random feeder spec is random:N or random:N:SEED, not " + name);
            }
            int n;
            long seed;
            try {
                n = Integer.parseInt(parts[1]);
                seed = parts.length == 3 ? Long.parseLong(parts[2]) : 1L;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("random feeder spec is random:N or random:N:SEED, not " + name);
            }
            if (n < 2) {
                throw new IllegalArgumentException("a random feeder needs N >= 2 buses: " + name);
            }
            return new RandomFeeder(ConductorLibrary.builtIn()).generate(n, seed);
        }
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown feeder '" + name + "' (known: " + String.join(", ", BUILT_IN)
                    + ", random:N[:SEED])");
        }
        String resource = name + ".csv";
        try (InputStream in = TestFeeders.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the feeders jar");
            }
            return new FeederTable(ConductorLibrary.builtIn()).read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("built-in feeder table is invalid: " + e.getMessage(), e);
        }
    }
}

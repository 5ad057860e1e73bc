package io.gridid.cli;

import io.gridid.model.FeederHead;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The meter-reading options every stage shares, as a picocli mixin ({@code @Mixin MeterInput in;}):
 * {@code --meters FILE}, {@code --base-kv KV}, {@code --delimiter CHAR}, {@code --root ID}.
 * {@link #read()} reads the file with {@link MeterCsvReader} and checks the root, so every command
 * words these errors the same way (one line, exit 2).
 */
final class MeterInput {
    /** How many meter ids the "root not found" message lists before it says how many there are. */
    static final int NAMED_METERS = 10;
    /** Nominal line-to-line voltages of distribution feeders, kV: from a 100 V network to sub-transmission. */
    static final double MIN_BASE_KV = 0.1;
    static final double MAX_BASE_KV = 100;
    /** A --base-kv at or above this is volts. */
    static final double VOLTS_BASE_KV = 1000;

    @Option(names = "--meters", required = true, paramLabel = "FILE", description = "meters.csv (data contract v1).")
    Path meters;

    @Option(names = "--root", required = true, paramLabel = "ID", description = "Meter id of the feeder head.")
    String root;

    @Option(names = "--base-kv", paramLabel = "KV",
            description = "Nominal line-to-line voltage, kV (converts v_pu; needed unless the file has v_kv).")
    Double baseKv;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter when not the contract's comma, e.g. ';' (European exports) or '\\t' (tab).")
    String delimiter;

    @Option(names = "--force-root",
            description = "Keep --root even when the data contradict it as the feeder head (its load far below the"
                    + " others' total, or its voltage below most meters').")
    boolean forceRoot;

    @Option(names = "--read-threads", paramLabel = "N", defaultValue = "0",
            description = "Threads reading the file (plain layout): 0 = all processors (default), 1 = one;"
                    + " the data are the same either way. On a busy machine 1 can be faster.")
    int readThreads;

    /** The meter file, read and checked. */
    record Read(MeterData data, List<Warning> warnings) {
    }

    /**
     * Reads {@code --meters} and checks that {@code --root} is one of its meters and not the only
     * one.
     *
     * @throws InvalidInputException the file is missing or its content is bad, the root is not in it, or it is alone
     * @throws IllegalInputException an option value is bad
     * @throws IOException           the file cannot be read
     */
    Read read() throws InvalidInputException, IOException {
        checkOptions();
        Character d = delimiterChar(delimiter);
        MeterFile file = new MeterCsvReader(new MeterCsvReader.Options(baseKv == null ? Double.NaN : baseKv, d, readThreads))
                .read(meters);
        MeterData data = file.data();
        String name = meters.toString();
        if (!data.hasMeter(root)) {
            throw new InvalidInputException(name, 0, "root meter '" + root + "' not found (meters: "
                    + named(data.meterIds()) + ")");
        }
        if (data.meterCount() == 1) {
            throw new InvalidInputException(name, 0, "only one meter, the root '" + root
                    + "'; a feeder needs the root and at least one more meter");
        }
        if (!forceRoot) {
            String contradiction = FeederHead.contradiction(data, root);
            if (contradiction != null) {
                throw new InvalidInputException(name, 0, contradiction + "; give that --root, or --force-root to keep '"
                        + root + "'");
            }
        }
        return new Read(data, file.warnings());
    }

    /**
     * Checks the options and that {@code --meters} is a readable regular file, without reading it:
     * commands call this before anything slow and before creating their output.
     *
     * @throws IllegalInputException an option value is bad
     * @throws InvalidInputException the meter file is missing or not a regular file
     */
    void checkOptions() throws InvalidInputException {
        if (baseKv != null) {
            checkBaseKv(baseKv);
        }
        delimiterChar(delimiter);
        if (readThreads < 0) {
            throw new IllegalInputException("--read-threads must be 0 (all processors) or a positive number, not "
                    + readThreads);
        }
        String name = meters.toString();
        if (Files.isDirectory(meters)) {
            throw new InvalidInputException(name, 0, "is a folder, not a meter file");
        }
        if (!Files.exists(meters)) {
            throw new InvalidInputException(name, 0, "no such file");
        }
        if (!Files.isRegularFile(meters)) {
            throw new InvalidInputException(name, 0, "not a regular file (a pipe or device?); save the readings to a"
                    + " file first");
        }
        if (!Files.isReadable(meters)) {
            throw new InvalidInputException(name, 0, "permission denied");
        }
    }

    /** A nominal voltage a distribution feeder has, or a refusal naming the likely intended value. */
    static void checkBaseKv(double kv) {
        if (!(kv > 0 && kv < Double.POSITIVE_INFINITY)) {
            throw new IllegalInputException("--base-kv must be a positive number of kV, not " + kv);
        }
        if (kv >= MIN_BASE_KV && kv <= MAX_BASE_KV) {
            return;
        }
        String likely = "";
        if (kv >= VOLTS_BASE_KV && kv / 1000 >= MIN_BASE_KV && kv / 1000 <= MAX_BASE_KV) {
            likely = "; volts? then --base-kv " + shown(kv / 1000);
        }
        throw new IllegalInputException("--base-kv " + shown(kv) + " is not the line-to-line kV of a"
                + " distribution feeder (" + shown(MIN_BASE_KV) + " to " + shown(MAX_BASE_KV)
                + " kV)" + likely);
    }

    /** A number as a person writes it: 12.66, 0.1, 1e+300. */
    static String shown(double v) {
        if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private static String named(List<String> ids) {
        if (ids.size() <= NAMED_METERS) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, NAMED_METERS)) + ", ... " + ids.size() + " in all";
    }

    /** null = default (comma); "\t" or "tab" = tab; else exactly one character other than a quote or line break. */
    static Character delimiterChar(String s) {
        if (s == null) {
            return null;
        }
        if (s.equals("\\t") || s.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (s.length() != 1 || s.charAt(0) == '"' || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
            throw new IllegalInputException("--delimiter must be one character (e.g. ';' or '\\t'), not '" + s + "'");
        }
        return s.charAt(0);
    }
}

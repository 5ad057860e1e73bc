package io.gridid.pipeline;

import io.gridid.model.FeederHead;
import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * gridid for a program that embeds it: meter readings and the feeder head in, the identified
 * topology and branch impedances out ({@link IdentifiedFeeder}), with the checks and defaults of
 * {@code gridid identify}. Readings come from a {@code meters.csv} (data contract v1) or from a
 * {@link MeterData} built in code; options are an {@link IdentifyOptions} record.
 *
 * <p>Immutable and free of global state: one instance may serve many threads. Nothing is printed;
 * what the data or the request make impossible is a {@link GrididException} ({@link InvalidInputException}
 * for a problem located in a file), misuse is an {@link IllegalArgumentException}. The same data and
 * options give the same result, bit for bit, on one thread or many.
 */
public final class FeederIdentifier {
    /**
     * Stability runs of the default options, as {@code gridid identify}: none, a branch's confidence is
     * stage 1's own posterior share against the trees without it (docs/decisions/014-edge-evidence.md).
     */
    public static final int STABILITY_RUNS = 0;

    private final IdentifyOptions options;
    private final boolean rootChecked;
    private final ProgressListener progress;

    /** With {@link #defaultOptions()}. */
    public FeederIdentifier() {
        this(defaultOptions());
    }

    /**
     * @param options both stages' parameters
     */
    public FeederIdentifier(IdentifyOptions options) {
        this(options, true, ProgressListener.NONE);
    }

    private FeederIdentifier(IdentifyOptions options, boolean rootChecked, ProgressListener progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.rootChecked = rootChecked;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * The options of {@code gridid identify} without flags: {@link IdentifyOptions#defaults()} with
     * {@link #STABILITY_RUNS} stability runs.
     *
     * @return the defaults, to change with their {@code withX} methods
     */
    public static IdentifyOptions defaultOptions() {
        IdentifyOptions o = IdentifyOptions.defaults();
        return o.withTopology(o.topology().withStabilityRuns(STABILITY_RUNS));
    }

    /** @return the options this identifier runs with */
    public IdentifyOptions options() {
        return options;
    }

    /**
     * The same identifier keeping a root that the data contradict as the feeder head
     * ({@link FeederHead}; {@code gridid identify --force-root}) instead of refusing it.
     *
     * @return an identifier that does not check the root against the data
     */
    public FeederIdentifier withRootKept() {
        return new FeederIdentifier(options, false, progress);
    }

    /**
     * The same identifier telling {@code listener} how far a run is, as {@link IdentifyPipeline} does:
     * label "topology" when stage 1 is done, "impedance" as stage 2 fits branches (done of all), and the
     * likelihood search's rounds when it is asked for; called on the thread that calls {@code identify}.
     *
     * @param listener told after each step
     * @return an identifier that reports its progress to {@code listener}
     */
    public FeederIdentifier withProgress(ProgressListener listener) {
        return new FeederIdentifier(options, rootChecked, listener);
    }

    /**
     * Reads a {@code meters.csv} (data contract v1, comma-delimited; other layouts: read with
     * {@link MeterCsvReader} and call {@link #identify(MeterFile, String, String, double)}) and
     * identifies the feeder.
     *
     * @param metersCsv the readings of every meter, the feeder head's included
     * @param rootId    the feeder head's meter id
     * @param baseKv    nominal line-to-line voltage, kV; needed for a {@code v_pu} file; NaN with a
     *                  {@code v_kv} file: the root's mean voltage, with a warning saying so
     * @return the identified feeder; the warnings begin with those of reading the file
     * @throws InvalidInputException when the file's content is bad or the root is not a meter in it
     * @throws GrididException       when the data cannot give a result (e.g. too few intervals)
     * @throws IOException           when the file cannot be read
     */
    public IdentifiedFeeder identify(Path metersCsv, String rootId, double baseKv)
            throws GrididException, IOException {
        MeterFile file = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(baseKv)).read(metersCsv);
        return identify(file, metersCsv.toString(), rootId, baseKv);
    }

    /**
     * Identifies the feeder of a meter file read by {@link MeterCsvReader}.
     *
     * @param file     the file's readings and its reading warnings
     * @param fileName the file's name, as the user gave it, for messages
     * @param rootId   the feeder head's meter id
     * @param baseKv   nominal line-to-line voltage, kV; NaN: the root's mean voltage, with a warning
     * @return the identified feeder; the warnings begin with the file's
     * @throws InvalidInputException when the root is not a meter of the file, is its only one, or the data
     *                               contradict it as the feeder head
     * @throws GrididException       when the data cannot give a result
     */
    public IdentifiedFeeder identify(MeterFile file, String fileName, String rootId, double baseKv)
            throws GrididException {
        String problem = rootProblem(file.data(), rootId);
        if (problem != null) {
            throw new InvalidInputException(fileName, 0, problem);
        }
        return run(file.data(), rootId, baseKv, file.warnings());
    }

    /**
     * Identifies the feeder of readings built in code ({@link MeterData#builder}).
     *
     * @param data   readings of every bus, the root's included (kV, MW, Mvar, load convention); not modified
     * @param rootId the feeder head's meter id
     * @param baseKv nominal line-to-line voltage, kV; NaN: the root's mean voltage, with a warning
     * @return the identified feeder
     * @throws GrididException when the root is not a meter of the data, is its only one, or the data
     *                         contradict it as the feeder head, or when the data cannot give a result
     */
    public IdentifiedFeeder identify(MeterData data, String rootId, double baseKv) throws GrididException {
        String problem = rootProblem(data, rootId);
        if (problem != null) {
            throw new GrididException(problem);
        }
        return run(data, rootId, baseKv, List.of());
    }

    private IdentifiedFeeder run(MeterData data, String rootId, double baseKv, List<Warning> readWarnings)
            throws GrididException {
        if (!Double.isNaN(baseKv) && !(baseKv > 0 && baseKv < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("baseKv must be positive and finite, or NaN: " + baseKv);
        }
        List<Warning> warnings = new ArrayList<>(readWarnings);
        double kv = baseKv;
        if (Double.isNaN(kv)) {
            kv = data.meanVoltageKv(data.indexOf(rootId));
            if (!(kv > 0)) {
                throw new GrididException("a base voltage is needed: the root meter " + rootId
                        + " has no voltage reading");
            }
            warnings.add(Warning.of(WarningCode.NO_BASE_VOLTAGE, String.format(Locale.ROOT, "no base voltage given:"
                    + " per-unit voltages are relative to the root's mean voltage, %.4g kV", kv), rootId));
        }
        return IdentifiedFeeder.of(new IdentifyPipeline(options).identify(data, rootId, kv, warnings, progress));
    }

    /** Null when the root can head these data, else why not (one line). */
    private String rootProblem(MeterData data, String rootId) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rootId, "rootId");
        if (!data.hasMeter(rootId)) {
            return "root meter '" + rootId + "' not found among the " + data.meterCount() + " meters";
        }
        if (data.meterCount() == 1) {
            return "only one meter, the root '" + rootId + "'; a feeder needs the root and at least one more meter";
        }
        return rootChecked ? FeederHead.contradiction(data, rootId) : null;
    }
}

package io.gridid.spark;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.model.ConductorType;
import io.gridid.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conductor libraries the feeders table names, read by the driver (each file once, through
 * Hadoop's file systems, so a task needs no access to it) and handed to the feeders' tasks in their
 * {@link FeederSettings}. A library that cannot be read is the problem of each feeder naming it:
 * one line {@code FEEDERS:LINE: conductors: LIBRARY...: reason}.
 */
final class ConductorLibraries {
    private final FleetStorage storage;
    private final String feedersName;
    /** Per library as written in the table: its types, or the reason it cannot be read. */
    private final Map<String, List<ConductorType>> read = new HashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();

    /**
     * @param feedersName the feeders table's name, for messages
     */
    ConductorLibraries(FleetStorage storage, String feedersName) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.feedersName = Objects.requireNonNull(feedersName, "feedersName");
    }

    /**
     * The feeders with their libraries' types in their settings; a feeder whose library cannot be
     * read gets that as its problem.
     */
    List<FleetTable.Feeder> resolve(List<FleetTable.Feeder> feeders) {
        List<FleetTable.Feeder> out = new ArrayList<>(feeders.size());
        for (FleetTable.Feeder f : feeders) {
            String name = f.settings().conductors();
            if (f.problem() != null || name == null) {
                out.add(f);
                continue;
            }
            load(name);
            String reason = unreadable.get(name);
            out.add(reason == null ? f.withSettings(f.settings().withLibrary(read.get(name)))
                    : f.withProblem(new InvalidInputException(feedersName, f.line(),
                    FeederSettings.CONDUCTORS + ": " + reason).getMessage()));
        }
        return out;
    }

    private void load(String name) {
        if (read.containsKey(name) || unreadable.containsKey(name)) {
            return;
        }
        if (name.equals(FeederSettings.BUILT_IN_LIBRARY)) {
            read.put(name, ConductorLibrary.builtIn().types());
            return;
        }
        try (InputStream in = storage.open(name); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            read.put(name, ConductorLibrary.read(r, name).types());
        } catch (InvalidInputException e) {
            unreadable.put(name, e.line() == 0 && e.reason().equals("no such file")
                    ? e.getMessage() + " (or use '" + FeederSettings.BUILT_IN_LIBRARY + "')" : e.getMessage());
        } catch (IOException e) {
            unreadable.put(name, name + ": cannot read: " + e.getMessage());
        }
    }
}

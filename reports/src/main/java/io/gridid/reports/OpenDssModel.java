package io.gridid.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OpenDSS model as {@link OpenDssExport} writes it.
 *
 * @param master       the master script (the file the user names)
 * @param sideFiles    the other files, keyed by their path relative to the master's folder (with
 *                     '/' separators): the load shapes and the bus table {@code PREFIX-buses.csv}
 *                     ({@code bus_id,opendss_bus}, every bus)
 * @param renamedBuses bus ids OpenDSS could not take as they are, and their OpenDSS names
 */
public record OpenDssModel(String master, Map<String, String> sideFiles, Map<String, String> renamedBuses) {
    public OpenDssModel {
        sideFiles = Collections.unmodifiableMap(new LinkedHashMap<>(sideFiles));
        renamedBuses = Collections.unmodifiableMap(new LinkedHashMap<>(renamedBuses));
    }
}

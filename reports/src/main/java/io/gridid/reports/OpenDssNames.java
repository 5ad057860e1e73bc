package io.gridid.reports;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenDSS names for a set of ids (bus ids, conductor type names), unique by construction.
 *
 * <p>An id made only of {@code [A-Za-z0-9_-]} is kept as it is, unless an earlier id in the
 * list differs from it only by case (OpenDSS names are case-insensitive). Every other id is
 * renamed: its other characters (e.g. {@code .} which separates a bus from its node numbers,
 * space, {@code =}, {@code !} which starts a comment) become {@code _}, and a suffix {@code _2},
 * {@code _3}, ... is added while the name is taken (case-insensitively) by a kept id or an
 * earlier renamed one. Kept ids are reserved before anything is renamed, so an already valid
 * {@code n_1} stays {@code n_1} whatever order the ids come in, and {@code n.1} becomes
 * {@code n_1_2}.
 */
final class OpenDssNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();

    /** @param ids distinct ids, in the order that decides which of a case clash is kept (not modified) */
    OpenDssNames(List<String> ids) {
        Set<String> taken = new HashSet<>();
        for (String id : ids) {
            if (VALID.matcher(id).matches() && taken.add(key(id))) {
                names.put(id, id);
            }
        }
        for (String id : ids) {
            if (names.containsKey(id)) {
                continue;
            }
            String base = id.replaceAll("[^A-Za-z0-9_\\-]", "_");
            if (base.isEmpty()) {
                base = "_";
            }
            String name = base;
            for (int k = 2; !taken.add(key(name)); k++) {
                name = base + "_" + k;
            }
            names.put(id, name);
            renamed.put(id, name);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The OpenDSS name of an id given to the constructor. */
    String of(String id) {
        String n = names.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no OpenDSS name for unknown id " + id);
        }
        return n;
    }

    /** Every id and its name, in the constructor's order. */
    Map<String, String> all() {
        return Collections.unmodifiableMap(names);
    }

    /** The ids whose name differs from the id, in the constructor's order. */
    Map<String, String> renamed() {
        return Collections.unmodifiableMap(renamed);
    }
}

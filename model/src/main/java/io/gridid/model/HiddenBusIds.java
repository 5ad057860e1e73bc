package io.gridid.model;

import java.util.Collection;
import java.util.Objects;

/**
 * Names of buses that carry no meter (hidden junctions placed by stage 1): a prefix that no
 * meter id of the data set starts with, then a running number. The prefix is {@value #BASE}
 * (a tilde and an h), with more tildes in front until no meter id starts with it, so a hidden
 * bus's id can never equal a meter id: e.g. {@code ~h1, ~h2}, or {@code ~~h1} when some meter is
 * called {@code ~h7}. See docs/hidden-junctions.md (data contract).
 */
public final class HiddenBusIds {
    /** The prefix when no meter id starts with it. */
    public static final String BASE = "~h";

    private final String prefix;

    /** @param meterIds every meter id of the data set (not modified) */
    public HiddenBusIds(Collection<String> meterIds) {
        Objects.requireNonNull(meterIds, "meterIds");
        String p = BASE;
        while (startsAny(meterIds, p)) {
            p = "~" + p;
        }
        this.prefix = p;
    }

    private static boolean startsAny(Collection<String> ids, String prefix) {
        for (String id : ids) {
            if (id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The prefix of this data set's hidden buses. */
    public String prefix() {
        return prefix;
    }

    /** The id of the n-th hidden bus (n &ge; 1). */
    public String id(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("hidden buses are numbered from 1");
        }
        return prefix + n;
    }
}

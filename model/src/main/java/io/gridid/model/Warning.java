package io.gridid.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One warning of a read or a run: its kind as a {@link WarningCode}, the text users read, and the ids
 * it is about (meter and bus ids as in the data; branches as {@link #branch(String, String)}), so that
 * callers group and filter by data rather than by wording.
 *
 * @param code     the kind of warning
 * @param text     the full text, as printed and reported
 * @param subjects the ids the warning names, in its order (all of them, also where the text cuts a
 *                 long list); empty for a warning about the feeder or the data as a whole
 */
public record Warning(WarningCode code, String text, List<String> subjects) {
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        subjects = List.copyOf(subjects);
    }

    /** A warning about the given ids. */
    public static Warning of(WarningCode code, String text, String... subjects) {
        return new Warning(code, text, List.of(subjects));
    }

    /** A warning about the given ids, in iteration order. */
    public static Warning about(WarningCode code, Collection<String> subjects, String text) {
        return new Warning(code, text, List.copyOf(subjects));
    }

    /** A branch's id as warnings name it: the parent bus (towards the root), "-", the child bus. */
    public static String branch(String fromBus, String toBus) {
        return fromBus + "-" + toBus;
    }

    /** The same warning with another text (e.g. a file's path replaced by its name). */
    public Warning withText(String newText) {
        return new Warning(code, newText, subjects);
    }
}

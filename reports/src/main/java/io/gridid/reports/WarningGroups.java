package io.gridid.reports;

import io.gridid.model.Warning;
import io.gridid.model.WarningCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warnings grouped by {@link WarningCode}, for a terminal and a report that must not scroll a summary
 * away. A code whose warnings are each about one item ({@link WarningCode#perItem()}: "the data do not
 * pin down r" of branch {@code A-B}) makes one line with the items' count and ids; any other group of
 * one warning shows that warning in full. Warnings read back without a known code
 * ({@link WarningCode#UNCLASSIFIED}) are grouped by their text. Groups keep the order of their first
 * warning.
 */
public final class WarningGroups {
    /** How many item ids a one-line summary names before "...". */
    public static final int NAMED_IDS = 5;

    /**
     * One kind of warning.
     *
     * @param code     the warnings' code
     * @param subjects the ids the warnings name, in order, once each
     * @param warnings every warning of the group, in order
     */
    public record Group(WarningCode code, List<String> subjects, List<Warning> warnings) {
        public Group {
            subjects = List.copyOf(subjects);
            warnings = List.copyOf(warnings);
        }

        /** How many warnings the group holds. */
        public int count() {
            return warnings.size();
        }

        /**
         * One line: for a per-item code its kind with the items' count and the first {@code named} ids,
         * else the warning in full when it is alone, or the kind with the count of warnings.
         */
        public String summary(int named) {
            if (!code.perItem()) {
                String kind = code == WarningCode.UNCLASSIFIED ? warnings.get(0).text() : code.kind();
                return count() == 1 ? warnings.get(0).text() : kind + " (" + count() + " times)";
            }
            String shown = String.join(", ", subjects.subList(0, Math.min(named, subjects.size())));
            String item = code.item();
            return code.kind() + ": " + subjects.size() + " " + (subjects.size() == 1 ? item : pluralOf(item)) + " ("
                    + shown + (subjects.size() > named ? ", ..." : "") + ")";
        }
    }

    private final List<Group> groups;

    private WarningGroups(List<Group> groups) {
        this.groups = Collections.unmodifiableList(groups);
    }

    /** Groups the warnings (not modified). */
    public static WarningGroups of(List<Warning> warnings) {
        Map<String, List<Warning>> byKey = new LinkedHashMap<>();
        for (Warning w : warnings) {
            String key = w.code() == WarningCode.UNCLASSIFIED ? w.code() + "\u0000" + w.text() : w.code().name();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
        }
        List<Group> out = new ArrayList<>();
        for (List<Warning> ws : byKey.values()) {
            Set<String> subjects = new LinkedHashSet<>();
            ws.forEach(w -> subjects.addAll(w.subjects()));
            out.add(new Group(ws.get(0).code(), new ArrayList<>(subjects), ws));
        }
        return new WarningGroups(out);
    }

    /** The groups, in the order of their first warning. */
    public List<Group> groups() {
        return groups;
    }

    /** The subjects of the warnings with one of the given codes, in order, once each. */
    public List<String> subjectsOf(WarningCode... codes) {
        Set<WarningCode> wanted = Set.of(codes);
        Set<String> out = new LinkedHashSet<>();
        for (Group g : groups) {
            if (wanted.contains(g.code())) {
                out.addAll(g.subjects());
            }
        }
        return new ArrayList<>(out);
    }

    private static String pluralOf(String item) {
        return item.endsWith("ch") || item.endsWith("s") ? item + "es" : item + "s";
    }
}

package io.gridid.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Warnings grouped by kind, for a terminal and a report that must not scroll a summary away.
 * A warning about one item ({@code "branch A-B: the data do not pin down r (standard error 80 %) [...]"})
 * belongs to the kind its text has without the item and without figures in brackets or
 * parentheses ({@code "the data do not pin down r"}), and the item ({@code "A-B"}) is listed
 * under it; any other warning is a kind of its own. Kinds keep the order of their first warning.
 */
public final class WarningGroups {
    /** How many item ids a one-line summary names before "...". */
    public static final int NAMED_IDS = 5;

    /** Item prefixes recognised: the word, then the id up to the first ": ". */
    private static final List<String> ITEMS = List.of("branch ", "bus ", "meter ");
    private static final Pattern FIGURES = Pattern.compile("\\s*(\\([^()]*\\)|\\[[^\\[\\]]*\\])");

    /**
     * One kind of warning.
     *
     * @param kind     the text shared by the group (the whole warning for a group of one unnamed warning)
     * @param item     what the ids name ("branch", "bus", "meter"), empty for a warning without ids
     * @param ids      the items, in order (empty for a warning without ids)
     * @param messages every warning of the group, in full
     */
    public record Group(String kind, String item, List<String> ids, List<String> messages) {
        public Group {
            ids = List.copyOf(ids);
            messages = List.copyOf(messages);
        }

        /** How many warnings the group holds. */
        public int count() {
            return messages.size();
        }

        /** One line: the kind, and with ids their count and the first {@code named} of them. */
        public String summary(int named) {
            if (ids.isEmpty()) {
                return count() == 1 ? kind : kind + " (" + count() + " times)";
            }
            String shown = String.join(", ", ids.subList(0, Math.min(named, ids.size())));
            return kind + ": " + ids.size() + " " + (ids.size() == 1 ? item : pluralOf(item)) + " (" + shown
                    + (ids.size() > named ? ", ..." : "") + ")";
        }
    }

    private final List<Group> groups;

    private WarningGroups(List<Group> groups) {
        this.groups = Collections.unmodifiableList(groups);
    }

    /** Groups the warnings (not modified). */
    public static WarningGroups of(List<String> warnings) {
        Map<String, String> itemOf = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (String w : warnings) {
            String key = w;
            String item = "";
            String id = null;
            for (String prefix : ITEMS) {
                int colon = w.indexOf(": ");
                if (w.startsWith(prefix) && colon > prefix.length()) {
                    item = prefix.strip();
                    id = w.substring(prefix.length(), colon);
                    key = FIGURES.matcher(w.substring(colon + 2)).replaceAll("").strip();
                    break;
                }
            }
            String k = item + "\u0000" + key;
            itemOf.putIfAbsent(k, item);
            ids.computeIfAbsent(k, x -> new ArrayList<>());
            if (id != null) {
                ids.get(k).add(id);
            }
            messages.computeIfAbsent(k, x -> new ArrayList<>()).add(w);
        }
        List<Group> out = new ArrayList<>();
        for (String k : messages.keySet()) {
            out.add(new Group(k.substring(k.indexOf('\u0000') + 1), itemOf.get(k), ids.get(k), messages.get(k)));
        }
        return new WarningGroups(out);
    }

    /** The groups, in the order of their first warning. */
    public List<Group> groups() {
        return groups;
    }

    /** The ids of the items in groups whose kind contains {@code text} (e.g. "do not pin down"), in order, once each. */
    public List<String> idsOfKind(String text) {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.kind().contains(text)) {
                for (String id : g.ids()) {
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    private static String pluralOf(String item) {
        return item.endsWith("ch") ? item + "es" : item + "s";
    }
}

package io.gridid.solvers.milp;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pick exactly one option per item, minimising the total cost, subject to optional priors:
 * at most {@code maxDistinctKinds} distinct kinds over all chosen options (0 = no limit), and no
 * {@link KindPair} of {@code forbiddenPairs} across any of the {@code links}.
 *
 * <p>Immutable; lists are copied. Build with {@link #of(List)} and the withers.
 *
 * @param items            per item, its candidate options (each item at least one)
 * @param maxDistinctKinds most distinct kinds among the chosen options, 0 = no limit
 * @param links            parent&ndash;child item pairs the forbidden pairs apply to
 * @param forbiddenPairs   (parent kind, child kind) combinations not allowed across a link
 */
public record ChoiceProblem(List<List<ChoiceOption>> items, int maxDistinctKinds, List<ItemLink> links,
                            Set<KindPair> forbiddenPairs) {
    public ChoiceProblem {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(forbiddenPairs, "forbiddenPairs");
        items = items.stream().map(List::copyOf).toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isEmpty()) {
                throw new IllegalArgumentException("item " + i + " has no options");
            }
        }
        if (maxDistinctKinds < 0) {
            throw new IllegalArgumentException("maxDistinctKinds must be >= 0 (0 = no limit): " + maxDistinctKinds);
        }
        links = List.copyOf(links);
        for (ItemLink link : links) {
            if (link.parent() >= items.size() || link.child() >= items.size()) {
                throw new IllegalArgumentException("link " + link + " refers to an item beyond " + (items.size() - 1));
            }
        }
        forbiddenPairs = Set.copyOf(forbiddenPairs);
    }

    /** Items with their options and no priors. */
    public static ChoiceProblem of(List<List<ChoiceOption>> items) {
        return new ChoiceProblem(items, 0, List.of(), Set.of());
    }

    public ChoiceProblem withMaxDistinctKinds(int value) {
        return new ChoiceProblem(items, value, links, forbiddenPairs);
    }

    public ChoiceProblem withLinks(List<ItemLink> value) {
        return new ChoiceProblem(items, maxDistinctKinds, value, forbiddenPairs);
    }

    public ChoiceProblem withForbiddenPairs(Set<KindPair> value) {
        return new ChoiceProblem(items, maxDistinctKinds, links, value);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** The distinct kinds among all options, ascending. */
    public Set<Integer> kinds() {
        Set<Integer> kinds = new TreeSet<>();
        for (List<ChoiceOption> options : items) {
            for (ChoiceOption o : options) {
                kinds.add(o.kind());
            }
        }
        return kinds;
    }

    /** True when a priori every item can take its cheapest option (no binding prior). */
    boolean unconstrained() {
        boolean kindLimit = maxDistinctKinds > 0 && maxDistinctKinds < kinds().size();
        boolean pairs = !links.isEmpty() && !forbiddenPairs.isEmpty();
        return !kindLimit && !pairs;
    }
}

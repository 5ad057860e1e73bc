package io.gridid.pipeline;

import java.util.Objects;

/**
 * An unordered pair of bus ids: the key on which the data contract joins an identified
 * {@code branches.csv} with {@code truth_branches.csv}. {@code BusPair.of("a", "b")} equals
 * {@code BusPair.of("b", "a")}.
 *
 * @param first  the lexicographically smaller id
 * @param second the larger id
 */
public record BusPair(String first, String second) {
    public BusPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.compareTo(second) > 0) {
            throw new IllegalArgumentException("use BusPair.of(a, b) to build a pair in canonical order");
        }
    }

    /** The pair of two bus ids in either order. */
    public static BusPair of(String a, String b) {
        return a.compareTo(b) <= 0 ? new BusPair(a, b) : new BusPair(b, a);
    }

    @Override
    public String toString() {
        return first + "-" + second;
    }
}

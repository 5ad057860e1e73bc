package io.gridid.pipeline;

import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A topology (e.g. a GIS model) reduced to what meter data can see: a bus without a meter and
 * without a metered bus below it is dropped (nothing in the data reaches it), and a bus without
 * a meter with one child is merged into its child's branch (its two branches act as one series
 * branch). Unmetered buses with two or more children (hidden junctions) stay.
 */
public final class UnmeteredReduction {
    private UnmeteredReduction() {
    }

    /**
     * @param tree    the topology (not modified); its root must be metered
     * @param metered which buses carry a meter
     * @return the reduced tree (the same tree when nothing is to reduce)
     */
    public static RadialTree reduce(RadialTree tree, Predicate<String> metered) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(metered, "metered");
        Map<String, Boolean> seesMeter = new LinkedHashMap<>();
        for (String b : tree.bottomUp()) {
            boolean any = metered.test(b);
            for (String c : tree.childrenOf(b)) {
                any |= seesMeter.get(c);
            }
            seesMeter.put(b, any);
        }
        Map<String, String> parents = new LinkedHashMap<>();
        for (String b : tree.topDown()) {
            if (b.equals(tree.root()) || !seesMeter.get(b) || isMerged(tree, b, metered, seesMeter)) {
                continue;
            }
            String up = tree.parentOf(b);
            while (isMerged(tree, up, metered, seesMeter)) {
                up = tree.parentOf(up);
            }
            parents.put(b, up);
        }
        return new RadialTree(tree.root(), parents);
    }

    /** An unmetered non-root bus with exactly one child that sees a meter: merged away. */
    private static boolean isMerged(RadialTree tree, String b, Predicate<String> metered, Map<String, Boolean> sees) {
        if (b.equals(tree.root()) || metered.test(b)) {
            return false;
        }
        int seeing = 0;
        for (String c : tree.childrenOf(b)) {
            if (sees.get(c)) {
                seeing++;
            }
        }
        return seeing == 1;
    }

    /** The unmetered buses of a tree, top-down. */
    public static List<String> unmetered(RadialTree tree, Predicate<String> metered) {
        List<String> out = new ArrayList<>();
        for (String b : tree.topDown()) {
            if (!metered.test(b)) {
                out.add(b);
            }
        }
        return out;
    }
}

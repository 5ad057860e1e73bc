package io.gridid.impedance;

import io.gridid.model.RadialTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree's buses indexed top-down (root = 0, every parent before its children) with their parent
 * indices: the index space of the joint refinement's per-interval arrays. O(N) to build.
 */
final class TreeLayout {
    /** Buses top-down; index k is bus {@code buses.get(k)}. */
    final List<String> buses;
    /** Number of buses. */
    final int n;
    /** Parent index per bus, -1 for the root. */
    final int[] parent;

    TreeLayout(RadialTree tree) {
        buses = List.copyOf(new ArrayList<>(tree.topDown()));
        n = buses.size();
        Map<String, Integer> idx = new HashMap<>();
        for (int k = 0; k < n; k++) {
            idx.put(buses.get(k), k);
        }
        parent = new int[n];
        parent[0] = -1;
        for (int k = 1; k < n; k++) {
            parent[k] = idx.get(tree.parentOf(buses.get(k)));
            if (parent[k] >= k) {
                throw new IllegalStateException("topDown order lists a child before its parent");
            }
        }
    }
}

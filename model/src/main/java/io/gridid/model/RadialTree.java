package io.gridid.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rooted radial tree over bus ids: each bus but the root has exactly one parent.
 * Immutable; the constructor checks that every bus reaches the root without a cycle.
 */
public final class RadialTree {
    private final String root;
    private final Map<String, String> parent;          // child -> parent, insertion order kept
    private final Map<String, List<String>> children;  // parent -> children, unmodifiable lists
    private final List<String> topDown;                 // breadth-first from the root
    private final Map<String, Integer> depth;

    /**
     * @param root    the root bus id
     * @param parents child &rarr; parent for every non-root bus (not modified, copied)
     * @throws IllegalArgumentException if the map does not describe a tree rooted at {@code root}
     */
    public RadialTree(String root, Map<String, String> parents) {
        this.root = Objects.requireNonNull(root, "root");
        Objects.requireNonNull(parents, "parents");
        if (parents.containsKey(root)) {
            throw new IllegalArgumentException("the root " + root + " cannot have a parent");
        }
        Map<String, String> p = new LinkedHashMap<>();
        Map<String, List<String>> ch = new LinkedHashMap<>();
        ch.put(root, new ArrayList<>());
        for (Map.Entry<String, String> e : parents.entrySet()) {
            String c = Objects.requireNonNull(e.getKey(), "bus id");
            String par = Objects.requireNonNull(e.getValue(), "parent of " + c);
            if (c.equals(par)) {
                throw new IllegalArgumentException("bus " + c + " is its own parent");
            }
            p.put(c, par);
            ch.computeIfAbsent(c, k -> new ArrayList<>());
        }
        for (Map.Entry<String, String> e : p.entrySet()) {
            String par = e.getValue();
            if (!par.equals(root) && !p.containsKey(par)) {
                throw new IllegalArgumentException("bus " + e.getKey() + " hangs on unknown bus " + par);
            }
            ch.get(par).add(e.getKey());
        }
        List<String> order = new ArrayList<>(p.size() + 1);
        Map<String, Integer> d = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(root);
        d.put(root, 0);
        while (!queue.isEmpty()) {
            String b = queue.poll();
            order.add(b);
            for (String c : ch.get(b)) {
                d.put(c, d.get(b) + 1);
                queue.add(c);
            }
        }
        if (order.size() != p.size() + 1) {
            List<String> unreached = new ArrayList<>();
            for (String b : p.keySet()) {
                if (!d.containsKey(b)) {
                    unreached.add(b);
                }
            }
            throw new IllegalArgumentException("buses not connected to root " + root + " (cycle): " + unreached);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        ch.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.parent = Collections.unmodifiableMap(p);
        this.children = Collections.unmodifiableMap(frozen);
        this.topDown = List.copyOf(order);
        this.depth = Collections.unmodifiableMap(d);
    }

    /** Builds the tree of a list of branches, each oriented from parent to child. */
    public static RadialTree ofBranches(String root, List<Branch> branches) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (Branch b : branches) {
            if (parents.put(b.toBus(), b.fromBus()) != null) {
                throw new IllegalArgumentException("bus " + b.toBus() + " has two parents");
            }
        }
        return new RadialTree(root, parents);
    }

    public String root() {
        return root;
    }

    /** Number of buses, root included. */
    public int size() {
        return topDown.size();
    }

    public boolean contains(String bus) {
        return depth.containsKey(bus);
    }

    /** The parent of a non-root bus. */
    public String parentOf(String bus) {
        String p = parent.get(bus);
        if (p == null) {
            throw new IllegalArgumentException(bus.equals(root) ? "the root has no parent" : "unknown bus " + bus);
        }
        return p;
    }

    /** Children of a bus, in a stable order; empty for a leaf. */
    public List<String> childrenOf(String bus) {
        List<String> c = children.get(bus);
        if (c == null) {
            throw new IllegalArgumentException("unknown bus " + bus);
        }
        return c;
    }

    /** Number of branches between the root and a bus. */
    public int depthOf(String bus) {
        Integer d = depth.get(bus);
        if (d == null) {
            throw new IllegalArgumentException("unknown bus " + bus);
        }
        return d;
    }

    /** Whether {@code bus} lies in the subtree of {@code top} ({@code top} itself included). */
    public boolean isInSubtree(String bus, String top) {
        int dt = depthOf(top);
        String v = bus;
        for (int d = depthOf(bus); d > dt; d--) {
            v = parent.get(v);
        }
        return v.equals(top);
    }

    /**
     * Branches this tree shares with {@code other}, direction ignored (a branch is a pair of buses):
     * the count behind edge precision and recall when two trees are compared.
     */
    public int sharedEdges(RadialTree other) {
        int shared = 0;
        for (Map.Entry<String, String> e : parent.entrySet()) {
            String child = e.getKey();
            String up = e.getValue();
            if (up.equals(other.parent.get(child)) || child.equals(other.parent.get(up))) {
                shared++;
            }
        }
        return shared;
    }

    /** All buses breadth-first from the root (root first). */
    public List<String> topDown() {
        return topDown;
    }

    /** All buses with every child before its parent (root last). */
    public List<String> bottomUp() {
        List<String> r = new ArrayList<>(topDown);
        Collections.reverse(r);
        return Collections.unmodifiableList(r);
    }

    /** child &rarr; parent for every non-root bus, unmodifiable. */
    public Map<String, String> parents() {
        return parent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadialTree t && t.root.equals(root) && t.parent.equals(parent);
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + parent.hashCode();
    }

    @Override
    public String toString() {
        return "RadialTree[root=" + root + ", buses=" + size() + "]";
    }
}

package io.gridid.topology;

import java.util.ArrayList;
import java.util.List;

/** The tree under search: parent pointers over metered buses (0..n) and hidden ones (n+1..). */
final class HiddenSearchTree {
    final List<Integer> parent;
    final List<List<Integer>> children = new ArrayList<>();
    final int metered;

    HiddenSearchTree(List<Integer> parent, int metered) {
        this.parent = new ArrayList<>(parent);
        this.metered = metered;
        for (int i = 0; i < parent.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 1; i < parent.size(); i++) {
            children.get(parent.get(i)).add(i);
        }
    }

    boolean hidden(int b) {
        return b >= metered;
    }

    boolean alive(int b) {
        return b < parent.size();
    }

    int parent(int b) {
        return parent.get(b);
    }

    List<Integer> children(int b) {
        return children.get(b);
    }

    int addHidden() {
        parent.add(-1);
        children.add(new ArrayList<>());
        return parent.size() - 1;
    }

    void move(int h, int p, List<Integer> group) {
        parent.set(h, p);
        children.get(p).add(h);
        for (int g : group) {
            children.get(parent.get(g)).remove(Integer.valueOf(g));
            parent.set(g, h);
            children.get(h).add(g);
        }
    }

    List<Integer> topDown() {
        List<Integer> order = new ArrayList<>();
        order.add(0);
        for (int i = 0; i < order.size(); i++) {
            order.addAll(children.get(order.get(i)));
        }
        return order;
    }

    List<Integer> bottomUp() {
        List<Integer> order = topDown();
        java.util.Collections.reverse(order);
        return order;
    }

    /** The nearest metered bus at or above b. */
    int meteredAtOrAbove(int b) {
        int v = b;
        while (hidden(v)) {
            v = parent.get(v);
        }
        return v;
    }
}

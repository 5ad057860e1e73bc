package io.gridid.reports;

import io.gridid.model.RadialTree;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tidy layered drawing of a rooted tree: a bus's depth is its row (y = depth), leaves take
 * consecutive columns in depth-first order, and every inner bus sits centred over its first
 * and last child. Edges therefore never cross and subtrees never overlap. O(n).
 */
public final class TreeLayout {
    /** Position of one bus in layout units: column (x) and row (y = depth). */
    public record Point(double column, int row) {
    }

    private final Map<String, Point> points;
    private final int columns;
    private final int rows;

    private TreeLayout(Map<String, Point> points, int columns, int rows) {
        this.points = points;
        this.columns = columns;
        this.rows = rows;
    }

    /** Lays out the tree (not modified). */
    public static TreeLayout of(RadialTree tree) {
        Map<String, Point> pts = new HashMap<>();
        Map<String, Double> col = new HashMap<>();
        int[] nextLeaf = {0};
        // iterative post-order: children before their parent, children in stored order
        Deque<String> stack = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        stack.push(tree.root());
        expanded.push(false);
        int maxRow = 0;
        while (!stack.isEmpty()) {
            String bus = stack.pop();
            boolean done = expanded.pop();
            List<String> ch = tree.childrenOf(bus);
            if (!done && !ch.isEmpty()) {
                stack.push(bus);
                expanded.push(true);
                for (int i = ch.size() - 1; i >= 0; i--) {
                    stack.push(ch.get(i));
                    expanded.push(false);
                }
                continue;
            }
            double c = ch.isEmpty() ? nextLeaf[0]++ : (col.get(ch.get(0)) + col.get(ch.get(ch.size() - 1))) / 2;
            col.put(bus, c);
            int row = tree.depthOf(bus);
            maxRow = Math.max(maxRow, row);
            pts.put(bus, new Point(c, row));
        }
        Map<String, Point> ordered = new LinkedHashMap<>();
        for (String b : tree.topDown()) {
            ordered.put(b, pts.get(b));
        }
        return new TreeLayout(Collections.unmodifiableMap(ordered), Math.max(1, nextLeaf[0]), maxRow + 1);
    }

    /** Position of each bus, top-down order. */
    public Map<String, Point> points() {
        return points;
    }

    public Point pointOf(String bus) {
        Point p = points.get(bus);
        if (p == null) {
            throw new IllegalArgumentException("unknown bus " + bus);
        }
        return p;
    }

    /** Number of columns (leaves). */
    public int columns() {
        return columns;
    }

    /** Number of rows (depth + 1). */
    public int rows() {
        return rows;
    }
}

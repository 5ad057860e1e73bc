package io.gridid.topology;

import org.jgrapht.alg.interfaces.SpanningTreeAlgorithm;
import org.jgrapht.alg.spanning.KruskalMinimumSpanningTree;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Extracts a rooted spanning tree from a dense symmetric score matrix over n buses plus the
 * root (index n), with JGraphT's Kruskal algorithm (O(n&sup2; log n) on the complete graph), and
 * gives each chosen edge its relative margin over the best rejected edge that could replace it
 * (the best edge across the cut the chosen edge's removal would open).
 */
final class SpanningTreeExtraction {
    /**
     * @param parent     parent index of each bus 0..n-1 (n = the root)
     * @param confidence relative margin of each bus's edge, in [0, 1]
     */
    record Result(int[] parent, double[] confidence) {
    }

    private SpanningTreeExtraction() {
    }

    /**
     * @param score    (n+1) &times; (n+1) symmetric scores, index n the root; not modified.
     *                 Non-finite entries count as the worst possible score.
     * @param maximise true: maximum-weight tree (larger score = stronger edge); false: minimum
     */
    static Result extract(double[][] score, boolean maximise) {
        int size = score.length;
        int n = size - 1;
        double worst = maximise ? -Double.MAX_VALUE / 4 : Double.MAX_VALUE / 4;
        double[][] s = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < size; k++) {
                s[i][k] = Double.isFinite(score[i][k]) ? score[i][k] : worst;
            }
        }
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < size; i++) {
            g.addVertex(i);
        }
        for (int i = 0; i < size; i++) {
            for (int k = i + 1; k < size; k++) {
                DefaultWeightedEdge e = g.addEdge(i, k);
                g.setEdgeWeight(e, maximise ? -s[i][k] : s[i][k]);
            }
        }
        SpanningTreeAlgorithm.SpanningTree<DefaultWeightedEdge> mst = new KruskalMinimumSpanningTree<>(g).getSpanningTree();
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            adj.add(new ArrayList<>());
        }
        for (DefaultWeightedEdge e : mst.getEdges()) {
            int a = g.getEdgeSource(e);
            int b = g.getEdgeTarget(e);
            adj.get(a).add(b);
            adj.get(b).add(a);
        }
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            children.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[size];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(n);
        seen[n] = true;
        while (!queue.isEmpty()) {
            int b = queue.poll();
            for (int c : adj.get(b)) {
                if (!seen[c]) {
                    seen[c] = true;
                    parent[c] = b;
                    children.get(b).add(c);
                    queue.add(c);
                }
            }
        }
        double[] conf = new double[n];
        boolean[] inside = new boolean[size];
        List<Integer> members = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Arrays.fill(inside, false);
            members.clear();
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(c);
            while (!stack.isEmpty()) {
                int b = stack.pop();
                inside[b] = true;
                members.add(b);
                for (int ch : children.get(b)) {
                    stack.push(ch);
                }
            }
            double chosen = s[c][parent[c]];
            double best = worst;
            for (int i : members) {
                for (int k = 0; k < size; k++) {
                    if (!inside[k] && !(i == c && k == parent[c])) {
                        best = maximise ? Math.max(best, s[i][k]) : Math.min(best, s[i][k]);
                    }
                }
            }
            double margin;
            if (maximise) {
                margin = chosen == 0 ? 0 : (chosen - best) / Math.abs(chosen);
            } else {
                margin = best == 0 ? 0 : (best - chosen) / Math.abs(best);
            }
            conf[c] = Math.max(0, Math.min(1, margin));
        }
        return new Result(parent, conf);
    }
}

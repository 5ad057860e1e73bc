package io.gridid.topology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Version numbers of the search's flows and fits. Without gaps a bus's flow version stands for
 * what the flow is summed from (its children in their order, with their flow and fit versions) and
 * its fit version for what the fit is made on (its flow version and its parent): the same inputs
 * get the same number, and the same number means the same bits, so work whose inputs have a
 * version seen before is taken as it was. With gaps every change gets a number of its own
 * ({@link #fresh}). Look-ups are O(size of the key).
 */
final class InputVersions {
    /** Versions remembered at most (then forgotten, which only loses reuses): about 100 bytes each. */
    static final int MEMO_LIMIT = 1 << 20;

    private int last;                  // the last version number handed out
    private final Map<Key, Integer> versionOf = new HashMap<>();
    private final Map<Integer, double[]> fitOfVersion = new HashMap<>(); // r, x, w, rss of a fit version

    /** A number no inputs had before. */
    int fresh() {
        return ++last;
    }

    /** The version of these inputs: the one they had before, or a new one. */
    int of(int[] inputs) {
        Key key = new Key(inputs);
        if (versionOf.size() > MEMO_LIMIT) {
            versionOf.clear(); // inputs seen again get new numbers: only fewer reuses
            fitOfVersion.clear();
        }
        Integer v = versionOf.get(key);
        if (v == null) {
            v = ++last;
            versionOf.put(key, v);
        }
        return v;
    }

    /** The fit (r, x, w, rss) made for fit version v, or null. */
    double[] fitOf(int v) {
        return fitOfVersion.get(v);
    }

    void rememberFit(int v, double[] fit) {
        fitOfVersion.put(v, fit);
    }

    /** Inputs of a flow or a fit, compared by value. */
    private static final class Key {
        private final int[] key;
        private final int hash;

        Key(int[] key) {
            this.key = key;
            this.hash = Arrays.hashCode(key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && hash == other.hash && Arrays.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package io.gridid.topology;

import java.util.Arrays;

/**
 * A move evaluation of one bus ({@link SubtreeMoves#tryMoves}) that found no better parent, with
 * what it read: the bus itself and the buses on the moves' paths up to their common ancestors,
 * their flows and fits (as versions) and parents (the paths and ancestors follow from those). It
 * changes nothing, so while the targets and all these are the same it would repeat bit for bit,
 * with the same outcome: the local search skips it (and counts its work as before). O(buses read).
 */
final class FailedMoves {
    private final int[] targets;
    private final int[] buses;
    private final int[] recv;
    private final int[] fit;
    private final int[] parents;
    /** The branch fits the evaluation counted. */
    final long fits;

    FailedMoves(int[] targets, int[] buses, FittedTree tree, long fits) {
        this.targets = targets;
        this.buses = buses;
        this.fits = fits;
        recv = new int[buses.length];
        fit = new int[buses.length];
        parents = new int[buses.length];
        for (int k = 0; k < buses.length; k++) {
            recv[k] = tree.recvVersion[buses[k]];
            fit[k] = tree.fitVersion[buses[k]];
            parents[k] = tree.parent[buses[k]];
        }
    }

    /** Whether evaluating these targets now would read what this evaluation read. */
    boolean holds(int[] now, FittedTree tree) {
        if (!Arrays.equals(targets, now)) {
            return false;
        }
        for (int k = 0; k < buses.length; k++) {
            int b = buses[k];
            if (tree.recvVersion[b] != recv[k] || tree.fitVersion[b] != fit[k] || tree.parent[b] != parents[k]) {
                return false;
            }
        }
        return true;
    }
}

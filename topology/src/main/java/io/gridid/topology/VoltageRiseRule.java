package io.gridid.topology;

/**
 * Which buses the local search may try as a bus's parent. Downstream of a capacitor bank, or of PV
 * feeding back, the voltage rises along a branch. On precise, complete data any bus outside the
 * subtree may be a parent ({@link #anyParent}); on precise data with estimated loads a bus of lower
 * mean voltage only where the branch equation allows a rise ({@link #mayRise}); on noisy data only
 * buses of higher mean voltage, since there the wider choice fitted the noise
 * (docs/decisions/001-stage1-voltage-rise.md). {@link #mayRise} is O(T), the rest O(depth).
 */
final class VoltageRiseRule {
    /**
     * The largest x/r of a branch that {@link #mayRise} allows for: overhead lines and cables have
     * 0.3-3, distribution transformers up to about 5 (ieee13's in-line transformer 1.8).
     */
    static final double MAX_X_OVER_R = 5;

    private final FittedTree tree;
    private final int[] meanRank;
    /**
     * Precise, complete data: any bus outside the subtree may be tried as a parent. On noisy data,
     * or with estimated loads, only those the branch equation's sign allows ({@link #mayRise}),
     * which keeps the search from fitting the noise or the estimates' errors.
     */
    boolean anyParent;
    /** Buses whose subtree may feed back may hang on lower-voltage parents (precise data). */
    boolean riseAllowed;

    VoltageRiseRule(FittedTree tree, int[] meanRank) {
        this.tree = tree;
        this.meanRank = meanRank;
    }

    /**
     * Whether the branch into j may raise the voltage: u_parent &minus; u_j = 2(r P' + x Q') + losses
     * is negative on average only if r&middot;mean P' + x&middot;mean Q' &lt; 0 for j's subtree flows, which
     * for some x/r in [0, {@link #MAX_X_OVER_R}] holds iff mean P' &lt; 0 or mean P' +
     * MAX_X_OVER_R &middot; mean Q' &lt; 0 (a capacitor bank, PV feeding back). Where it cannot, j's parent
     * has the higher mean voltage, and only such parents are tried: the branch equation's sign on
     * the current subtree's metered flows, not an assumption about the feeder.
     */
    boolean mayRise(int j) {
        if (!riseAllowed) {
            return false;
        }
        double sp = 0;
        double sq = 0;
        double[] fp = tree.recvP[j];
        double[] fq = tree.recvQ[j];
        for (int t = 0; t < tree.tCount; t++) {
            sp += fp[t];
            sq += fq[t];
        }
        return sp < 0 || sp + MAX_X_OVER_R * sq < 0;
    }

    /** Whether k may feed j ({@code rise}: {@link #mayRise}(j)): the root, or a bus outside j's subtree the rule allows. */
    boolean allowedParent(int j, int k, boolean rise) {
        return k == tree.root || (!tree.isAncestor(j, k) && (anyParent || rise || higher(k, j)));
    }

    /** Bus a has the higher mean voltage than bus b. */
    boolean higher(int a, int b) {
        return meanRank[a] > meanRank[b];
    }
}

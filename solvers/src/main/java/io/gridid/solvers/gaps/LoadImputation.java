package io.gridid.solvers.gaps;

import io.gridid.model.BranchEquation;
import io.gridid.solvers.fit.Median;

import java.util.function.IntPredicate;

/**
 * Estimates missing loads (P in MW, Q in Mvar) so that a branch's flow, a sum over its subtree,
 * can still be formed in an interval where one load of the subtree is missing.
 *
 * <ol>
 * <li>Each bus's daily profile: the mean of its readings per time-of-day slot (slot width = the
 *     data's median interval; the bus's overall mean where a slot has fewer than 2 readings).</li>
 * <li>Scaled to the interval: &times; &Sigma; present loads / &Sigma; their profile values (one
 *     feeder-wide factor per interval and quantity, 1 where that sum is not meaningful).</li>
 * <li>When the feeder head's P and Q are metered: the interval's missing total is the head flow
 *     minus the present loads minus the losses, modelled as &lambda; (P_head&sup2; + Q_head&sup2;) /
 *     u_head with &lambda; fitted over all intervals; the gap between that total and the estimates
 *     is shared among the missing loads in proportion to their size. Skipped (and said so) when
 *     the correction is typically larger than {@link #MAX_HEAD_CORRECTION} of the estimates: then
 *     the head sees load the meters do not, and the head is no guide.</li>
 * </ol>
 *
 * <p>An estimate is off by the bus's own random variation (15 % in the default simulation); a fit
 * therefore uses intervals with estimated loads in its subtree only when it has fewer than
 * {@link #MIN_CLEAN_INTERVALS} intervals without them (then there are many loads in the subtree
 * and their errors largely cancel, and with the head correction the sum is right).
 */
public final class LoadImputation {
    /**
     * A fit with at least this many intervals without estimated loads uses only those: 50 is
     * about 16 per unknown (r, x and the loss coefficient), enough for the fit to be decided by
     * measurements; below it, estimated loads are the only way to have enough intervals.
     */
    public static final int MIN_CLEAN_INTERVALS = 50;
    /** Head correction skipped when its median size exceeds this share of the estimated missing load. */
    static final double MAX_HEAD_CORRECTION = 0.5;
    /** A per-interval scale factor is used only when the profiles' sum keeps this share of their absolute sum. */
    private static final double MIN_NET_SHARE = 0.1;

    private LoadImputation() {
    }

    /**
     * The rule for a fit's intervals with estimated loads: true when at least
     * {@link #MIN_CLEAN_INTERVALS} of its intervals have a measured target and no estimate, and the
     * fit then leaves out every interval with one; false when it must keep them. O(T).
     *
     * @param estimated per interval: an estimated load (or a loss from an estimated voltage) enters
     *                  the fit's row (not modified)
     * @param measured  per interval: the fit's target is measured
     */
    public static boolean fitsCleanIntervalsOnly(boolean[] estimated, IntPredicate measured) {
        int clean = 0;
        for (int t = 0; t < estimated.length; t++) {
            if (!estimated[t] && measured.test(t)) {
                clean++;
            }
        }
        return clean >= MIN_CLEAN_INTERVALS;
    }

    /**
     * What was filled.
     *
     * @param pMw       P per bus and interval, measured or estimated
     * @param qMvar     Q likewise
     * @param estimated per bus and interval, true where P or Q is an estimate; null when nothing is
     * @param estimatedCount number of (bus, interval) pairs with an estimate
     * @param headUsed  whether the feeder-head correction was applied
     */
    public record Filled(double[][] pMw, double[][] qMvar, boolean[][] estimated, long estimatedCount,
                         boolean headUsed) {
    }

    /**
     * @param p            P per bus (root excluded) and interval, NaN = missing (not modified)
     * @param q            Q likewise
     * @param headP        the feeder head's P per interval (NaN = missing), or null when not metered
     * @param headQ        its Q likewise, or null
     * @param headU        the head's squared voltage per interval (kV&sup2;; NaN = missing), or null
     * @param epochSeconds interval start times (for the time of day)
     */
    public static Filled fill(double[][] p, double[][] q, double[] headP, double[] headQ, double[] headU,
                              long[] epochSeconds) {
        int n = p.length;
        int tCount = epochSeconds.length;
        boolean[][] estimated = new boolean[n][];
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tCount; t++) {
                if (p[i][t] != p[i][t] || q[i][t] != q[i][t]) {
                    if (estimated[i] == null) {
                        estimated[i] = new boolean[tCount];
                    }
                    estimated[i][t] = true;
                    count++;
                }
            }
        }
        if (count == 0) {
            return new Filled(copy(p), copy(q), null, 0, false);
        }
        long step = medianStep(epochSeconds);
        int slots = (int) Math.max(1, Math.min(1440, (86400 + step - 1) / step));
        int[] slot = new int[tCount];
        for (int t = 0; t < tCount; t++) {
            slot[t] = (int) Math.min(slots - 1, Math.floorMod(epochSeconds[t], 86400L) / step);
        }
        double[][] pOut = estimateFromProfiles(p, slot, slots);
        double[][] qOut = estimateFromProfiles(q, slot, slots);
        boolean headUsed = false;
        if (headP != null && headQ != null && headU != null) {
            double[] z = new double[tCount];
            for (int t = 0; t < tCount; t++) {
                z[t] = BranchEquation.squaredCurrentTerm(headP[t], headQ[t], headU[t]);
            }
            double[] dp = headCorrection(p, pOut, headP, z);
            double[] dq = headCorrection(q, qOut, headQ, z);
            if (dp != null && dq != null) {
                apply(p, pOut, dp);
                apply(q, qOut, dq);
                headUsed = true;
            }
        }
        return new Filled(pOut, qOut, estimated, count, headUsed);
    }

    /** Steps 1 and 2: profile per slot, scaled per interval; measured values are kept. */
    private static double[][] estimateFromProfiles(double[][] s, int[] slot, int slots) {
        int n = s.length;
        int tCount = slot.length;
        double[][] profile = new double[n][slots];
        for (int i = 0; i < n; i++) {
            double[] sum = new double[slots];
            int[] cnt = new int[slots];
            double all = 0;
            int allCnt = 0;
            for (int t = 0; t < tCount; t++) {
                double v = s[i][t];
                if (v == v) {
                    sum[slot[t]] += v;
                    cnt[slot[t]]++;
                    all += v;
                    allCnt++;
                }
            }
            double mean = allCnt == 0 ? 0 : all / allCnt;
            for (int k = 0; k < slots; k++) {
                profile[i][k] = cnt[k] >= 2 ? sum[k] / cnt[k] : mean;
            }
        }
        double[][] out = copy(s);
        for (int t = 0; t < tCount; t++) {
            double measured = 0;
            double expected = 0;
            double expectedAbs = 0;
            boolean gap = false;
            for (int i = 0; i < n; i++) {
                double v = s[i][t];
                double e = profile[i][slot[t]];
                if (v == v) {
                    measured += v;
                    expected += e;
                    expectedAbs += Math.abs(e);
                } else {
                    gap = true;
                }
            }
            if (!gap) {
                continue;
            }
            double scale = expectedAbs > 0 && Math.abs(expected) >= MIN_NET_SHARE * expectedAbs ? measured / expected : 1;
            for (int i = 0; i < n; i++) {
                if (s[i][t] != s[i][t]) {
                    out[i][t] = profile[i][slot[t]] * scale;
                }
            }
        }
        return out;
    }

    /**
     * Step 3 for one quantity: per interval, the amount to add to the estimated loads so they sum
     * to the head flow minus the present loads and the modelled losses (0 where the interval has
     * no estimate or no head reading); null when the correction is implausibly large.
     */
    private static double[] headCorrection(double[][] measured, double[][] filled, double[] head, double[] z) {
        int n = measured.length;
        int tCount = head.length;
        double[] residual = new double[tCount];
        double zr = 0;
        double zz = 0;
        for (int t = 0; t < tCount; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += filled[i][t];
            }
            residual[t] = head[t] - sum;
            if (residual[t] == residual[t] && z[t] == z[t]) {
                zr += z[t] * residual[t];
                zz += z[t] * z[t];
            }
        }
        if (!(zz > 0)) {
            return null;
        }
        double lambda = zr / zz;
        double[] add = new double[tCount];
        double[] relative = new double[tCount];
        int k = 0;
        for (int t = 0; t < tCount; t++) {
            double missingAbs = 0;
            for (int i = 0; i < n; i++) {
                if (measured[i][t] != measured[i][t]) {
                    missingAbs += Math.abs(filled[i][t]);
                }
            }
            double d = residual[t] - lambda * z[t];
            if (missingAbs > 0 && d == d) {
                add[t] = d;
                relative[k++] = Math.abs(d) / missingAbs;
            }
        }
        if (k == 0 || Median.ofFirst(relative, k) > MAX_HEAD_CORRECTION) {
            return null;
        }
        return add;
    }

    private static void apply(double[][] measured, double[][] filled, double[] add) {
        int n = measured.length;
        for (int t = 0; t < add.length; t++) {
            if (add[t] == 0) {
                continue;
            }
            double missingAbs = 0;
            for (int i = 0; i < n; i++) {
                if (measured[i][t] != measured[i][t]) {
                    missingAbs += Math.abs(filled[i][t]);
                }
            }
            for (int i = 0; i < n; i++) {
                if (measured[i][t] != measured[i][t]) {
                    filled[i][t] += add[t] * Math.abs(filled[i][t]) / missingAbs;
                }
            }
        }
    }

    private static long medianStep(long[] epoch) {
        if (epoch.length < 2) {
            return 3600;
        }
        double[] d = new double[epoch.length - 1];
        for (int t = 1; t < epoch.length; t++) {
            d[t - 1] = epoch[t] - epoch[t - 1];
        }
        long step = Math.round(Median.ofFirst(d, d.length));
        return Math.max(60, step);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

package io.gridid.topology;

import io.gridid.model.BranchEquation;
import io.gridid.model.RadialTree;
import io.gridid.solvers.gaps.LoadImputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search's current tree with every bus's receiving and sending flow and its branch fit on its
 * parent, kept up to date move by move. A flow is its bus's own draw plus its children's sending
 * flows (receiving flow plus the branch's losses, {@link BranchEquation}); a fit is the
 * non-negative least squares of the branch equation on that flow ({@link BranchResidual}).
 *
 * <p>Work is not repeated: flows and fits carry versions that stand for their inputs
 * ({@link InputVersions}), and one whose version is the one it has, or one made before, is taken
 * as it was (without gaps; the bits are those of doing it again). A flow costs O(T &middot;
 * children), a fit O(T), a tree query O(depth).
 */
final class FittedTree {
    final SearchInputs in;
    final int n;
    final int tCount;
    final int root;
    final int[] parent;
    final List<List<Integer>> children = new ArrayList<>();
    final double[][] recvP;
    final double[][] recvQ;
    final double[][] sentP;   // per bus: its sending-end flow, for the versions below
    final double[][] sentQ;
    final int[] sentRecv;     // per bus: the flow and fit versions its sending flow is for
    final int[] sentFit;
    final double[] r;
    final double[] x;
    final double[] w;
    final double[] rss;
    final int[] recvVersion;  // per bus: its receiving flow (and fit target)
    final int[] fitVersion;   // per bus: its fitted r, x, w and rss
    final double[][] dEff;    // per child: its fit's target, NaN where the interval is left out
    private final boolean[][] taint;  // per bus and interval: an estimated load in its subtree
    final InputVersions versions = new InputVersions();
    final TrialUndo trial;
    final BranchFits fits;
    final WorkBudget budget;

    FittedTree(SearchInputs in, WorkBudget budget) {
        this.in = in;
        this.budget = budget;
        n = in.n;
        tCount = in.tCount;
        root = in.root;
        if (in.gaps) {
            dEff = new double[n][tCount];
            taint = new boolean[n][tCount];
        } else {
            dEff = in.d;
            taint = null;
        }
        parent = new int[n];
        Arrays.fill(parent, -1);
        for (int i = 0; i <= n; i++) {
            children.add(new ArrayList<>());
        }
        recvP = new double[n][tCount];
        recvQ = new double[n][tCount];
        sentP = new double[n][];
        sentQ = new double[n][];
        sentRecv = new int[n];
        sentFit = new int[n];
        Arrays.fill(sentRecv, -1);
        r = new double[n];
        x = new double[n];
        w = new double[n];
        rss = new double[n];
        recvVersion = new int[n + 1];
        fitVersion = new int[n + 1];
        trial = new TrialUndo(this, n, tCount);
        fits = new BranchFits(in, this);
    }

    /** Sets the tree and fits it bottom-up; returns the total residual (kV<sup>4</sup>). */
    double fitWhole(RadialTree tree) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(in.series.buses().get(i), i);
        }
        index.put(in.series.root(), root);
        for (int i = 0; i < n; i++) {
            int par = index.get(tree.parentOf(in.series.buses().get(i)));
            parent[i] = par;
            children.get(par).add(i);
        }
        double total = 0;
        for (String b : tree.bottomUp()) {
            int j = index.get(b);
            if (j == root) {
                continue;
            }
            computeReceiving(j);
            refit(j);
            total += rss[j];
        }
        return total;
    }

    /** Buses of the current tree, every child before its parent (root excluded). */
    int[] bottomUp() {
        int[] bfs = new int[n + 1];
        int head = 0;
        int tail = 0;
        bfs[tail++] = root;
        while (head < tail) {
            for (int c : children.get(bfs[head++])) {
                bfs[tail++] = c;
            }
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = bfs[n - k];
        }
        return out;
    }

    /**
     * Receiving-end flow of bus j: its own draw plus the sending-end flows of its children.
     * Not recomputed when its version (what it is summed from) is the one it has; in a trial,
     * the flow of the trial's start is put back when its version comes back.
     */
    void computeReceiving(int j) {
        int v = in.gaps ? versions.fresh() : versions.of(flowKey(j));
        if (v == recvVersion[j]) {
            return; // the same inputs: the same flow
        }
        if (trial.active() && trial.receivingRestored(j, v)) {
            return;
        }
        double[] rp = recvP[j];
        double[] rq = recvQ[j];
        System.arraycopy(in.p[j], 0, rp, 0, tCount);
        System.arraycopy(in.q[j], 0, rq, 0, tCount);
        for (int c : children.get(j)) {
            sent(c);
            double[] sp = sentP[c];
            double[] sq = sentQ[c];
            for (int t = 0; t < tCount; t++) {
                rp[t] += sp[t];
                rq[t] += sq[t];
            }
        }
        recvVersion[j] = v;
        if (in.gaps) {
            target(j);
        }
    }

    /** What j's flow is summed from: its children in order, with their flow and fit versions. */
    private int[] flowKey(int j) {
        List<Integer> kids = children.get(j);
        int[] key = new int[2 + 3 * kids.size()];
        key[0] = 0;
        key[1] = j;
        int k = 2;
        for (int c : kids) {
            key[k++] = c;
            key[k++] = recvVersion[c];
            key[k++] = fitVersion[c];
        }
        return key;
    }

    /**
     * Makes sentP/sentQ of bus c its sending-end flow (receiving flow plus its branch's losses,
     * {@link BranchEquation}), computed again only after c's flow or impedance changed (its
     * versions): the local search recomputes the flows along a path many times while most
     * children stay put. In a trial, the sending flow of the trial's start is put back when
     * c's versions come back.
     */
    void sent(int c) {
        if (sentRecv[c] == recvVersion[c] && sentFit[c] == fitVersion[c]) {
            return;
        }
        if (trial.active()) {
            if (trial.sendingRestored(c)) {
                return;
            }
        } else if (sentP[c] == null) {
            sentP[c] = new double[tCount];
            sentQ[c] = new double[tCount];
        }
        double[] sp = sentP[c];
        double[] sq = sentQ[c];
        double[] cp = recvP[c];
        double[] cq = recvQ[c];
        double[] dc = in.dFill[c];
        double[] rootU = in.rootU;
        double rc = r[c];
        double xc = x[c];
        for (int t = 0; t < tCount; t++) {
            double u = rootU[t] - dc[t];
            sp[t] = BranchEquation.sendingActiveMw(rc, cp[t], cq[t], u);
            sq[t] = BranchEquation.sendingReactiveMvar(xc, cp[t], cq[t], u);
        }
        sentRecv[c] = recvVersion[c];
        sentFit[c] = fitVersion[c];
    }

    /**
     * Sets j's fit target dEff[j]: its drop where measured, and, when the inputs ask for clean
     * intervals ({@link SearchInputs#cleanIntervalsOnly}) and at least
     * {@link LoadImputation#MIN_CLEAN_INTERVALS} intervals have no estimate in j's subtree
     * (a load, or a loss computed with an estimated voltage), NaN where one does.
     */
    private void target(int j) {
        double[] dj = in.d[j];
        double[] e = dEff[j];
        boolean[] tj = taint[j];
        if (in.estimated != null && in.estimated[j] != null) {
            System.arraycopy(in.estimated[j], 0, tj, 0, tCount);
        } else {
            Arrays.fill(tj, false);
        }
        for (int t = 0; t < tCount; t++) {
            tj[t] |= dj[t] != dj[t]; // j's loss is computed with an estimated voltage
        }
        for (int c : children.get(j)) {
            boolean[] tc = taint[c];
            for (int t = 0; t < tCount; t++) {
                tj[t] |= tc[t];
            }
        }
        boolean cleanOnly = in.cleanIntervalsOnly && LoadImputation.fitsCleanIntervalsOnly(tj, t -> dj[t] == dj[t]);
        for (int t = 0; t < tCount; t++) {
            e[t] = cleanOnly && tj[t] ? Double.NaN : dj[t];
        }
    }

    /**
     * Fits j on its parent with its current flow: not again when its version (flow version and
     * parent) is the one it has, and the fit made before when the version had one. Counted as
     * a fit either way.
     */
    void refit(int j) {
        fitCurrent(j, false);
    }

    /** Hangs j on k and fits it there. */
    void attach(int j, int k) {
        if (parent[j] >= 0) {
            children.get(parent[j]).remove(Integer.valueOf(j));
        }
        parent[j] = k;
        children.get(k).add(j);
        fitCurrent(j, true);
    }

    /**
     * The look-up-or-fit of {@link #refit} and {@link #attach}: counts a fit, returns at once when
     * j's fit version is the one it has, takes the fit made before for that version, and otherwise
     * fits: in one pass ({@code onRegressors} false) or through j's regressors (true; without gaps
     * the same arithmetic in the same order).
     */
    private void fitCurrent(int j, boolean onRegressors) {
        budget.count(1);
        int v = in.gaps ? versions.fresh() : versions.of(new int[]{1, j, recvVersion[j], parent[j]});
        if (v == fitVersion[j]) {
            return;
        }
        double[] fit = fits.main.fit;
        double[] known = versions.fitOf(v);
        if (known != null) {
            System.arraycopy(known, 0, fit, 0, 4);
        } else {
            if (onRegressors) {
                fits.regressors(j, fits.main);
                fits.fitOn(j, parent[j], fits.main);
            } else {
                fits.branchFitInto(j, null, null, 0, fits.main.g, fits.main.h, fit);
            }
            if (!in.gaps) {
                versions.rememberFit(v, fit.clone());
            }
        }
        r[j] = fit[0];
        x[j] = fit[1];
        w[j] = fit[2];
        rss[j] = fit[3];
        fitVersion[j] = v;
    }

    /** Moves j (with its subtree) to k: refits j and recomputes the flows and fits on both paths up to their common ancestor. */
    void move(int j, int k) {
        int old = parent[j];
        int lca = commonAncestor(old, k);
        attach(j, k);
        for (int b = old; b != lca; b = parent[b]) {
            computeReceiving(b);
            refit(b);
        }
        for (int b = k; b != lca; b = parent[b]) {
            computeReceiving(b);
            refit(b);
        }
    }

    /**
     * Swaps j with its parent p within a trial: j takes p's place and p hangs on j. The swap stays
     * when the total residual after it is below {@code keepBelow}, else it is undone.
     *
     * @return the total residual with the swap made (kV<sup>4</sup>)
     */
    double swapWithParent(int j, double keepBelow) {
        int p = parent[j];
        int g = parent[p];
        trial.begin();
        try {
            move(j, g);
            move(p, j);
            double after = totalRss();
            if (after < keepBelow) {
                return after;
            }
            move(p, g);
            move(j, p);
            return after;
        } finally {
            trial.end();
        }
    }

    double totalRss() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += rss[i];
        }
        return s;
    }

    /** Median over buses of the branch fit's rms residual relative to the mean u at the bus. */
    double medianRelativeResidual() {
        double[] rel = new double[n];
        for (int j = 0; j < n; j++) {
            rel[j] = Math.sqrt(rss[j] / tCount) / in.meanU(j);
        }
        Arrays.sort(rel);
        return rel[n / 2];
    }

    /** True when a is an ancestor of b (or b itself). */
    boolean isAncestor(int a, int b) {
        for (int v = b; ; v = parent[v]) {
            if (v == a) {
                return true;
            }
            if (v == root) {
                return false;
            }
        }
    }

    /** Lowest common ancestor of a and b (either may be the root); no shared scratch state (safe concurrently). */
    int commonAncestor(int a, int b) {
        int da = depth(a);
        int db = depth(b);
        while (da > db) {
            a = parent[a];
            da--;
        }
        while (db > da) {
            b = parent[b];
            db--;
        }
        while (a != b) {
            a = parent[a];
            b = parent[b];
        }
        return a;
    }

    private int depth(int v) {
        int depth = 0;
        for (; v != root; v = parent[v]) {
            depth++;
        }
        return depth;
    }

    /** The buses from v up to, not including, its ancestor top. */
    int[] pathTo(int v, int top) {
        int count = 0;
        for (int b = v; b != top; b = parent[b]) {
            count++;
        }
        int[] path = new int[count];
        int k = 0;
        for (int b = v; b != top; b = parent[b]) {
            path[k++] = b;
        }
        return path;
    }
}

package io.gridid.topology;

import io.gridid.model.BranchEquation;
import io.gridid.model.RadialTree;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.List;

/**
 * The joint path objective of a tree, for the runner {@link JointPathProbe} (docs/decisions/006):
 * every bus's drop from the root, minus fixed loss offsets, explained by the linear flows of the
 * branches on its path, all branches' r and x fitted together by generalised least squares with
 * the root meter's noise shared by every drop (covariance &sigma;&sup2;(I + 11&#7488;)), r and x unbounded. From
 * Gram sums of loads and drops (O(n&sup2; T) once), one tree costs O(n&sup2;) to assemble and a
 * Cholesky of 2n unknowns, O(n&sup3;). Loss offsets: each bus's path sum of the loss part of its
 * branches' drops, from the per-branch fits on {@code lossTree} with w = r&sup2; + x&sup2; (or the free w).
 */
final class JointPathModel {
    final int n;
    final List<String> buses;
    final String rootId;
    final double[][] mPP;
    final double[][] mPQ;
    final double[][] mQQ;
    final double[][] cP; // cP[k][i] = sum_t p_k y_i
    final double[][] cQ;
    final double yyGls;
    final int tCount;

    private JointPathModel(int n, List<String> buses, String rootId, double[][] mPP, double[][] mPQ, double[][] mQQ,
                           double[][] cP, double[][] cQ, double yyGls, int tCount) {
        this.n = n;
        this.buses = buses;
        this.rootId = rootId;
        this.mPP = mPP;
        this.mPQ = mPQ;
        this.mQQ = mQQ;
        this.cP = cP;
        this.cQ = cQ;
        this.yyGls = yyGls;
        this.tCount = tCount;
    }

    static JointPathModel of(FeederSeries series, RadialTree lossTree, boolean freeW) {
        SearchRun s = new SearchRun(series, PhysicsSearchOptions.defaults());
        FittedTree ft = s.tree;
        ft.fitWhole(lossTree);
        SearchInputs in = s.in;
        int n = in.n;
        int tc = in.tCount;
        // plain subtree load sums of the loss tree
        double[][] sumP = new double[n][];
        double[][] sumQ = new double[n][];
        int[] up = ft.bottomUp();
        for (int j : up) {
            sumP[j] = in.p[j].clone();
            sumQ[j] = in.q[j].clone();
            for (int c : ft.children.get(j)) {
                for (int t = 0; t < tc; t++) {
                    sumP[j][t] += sumP[c][t];
                    sumQ[j][t] += sumQ[c][t];
                }
            }
        }
        double[][] lossPart = new double[n][tc];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < tc; t++) {
                double pr = ft.recvP[j][t];
                double qr = ft.recvQ[j][t];
                double uc = in.rootU[t] - in.d[j][t];
                lossPart[j][t] = 2 * ft.r[j] * (pr - sumP[j][t]) + 2 * ft.x[j] * (qr - sumQ[j][t])
                        + (freeW ? ft.w[j] : ft.r[j] * ft.r[j] + ft.x[j] * ft.x[j]) * BranchEquation.squaredCurrentTerm(pr, qr, uc);
            }
        }
        // path sums top-down: y_i = d_i - sum over path of loss parts
        double[][] y = new double[n][];
        double[][] pathLoss = new double[n + 1][];
        pathLoss[n] = new double[tc];
        for (int k = up.length - 1; k >= 0; k--) {
            int j = up[k];
            pathLoss[j] = pathLoss[ft.parent[j]].clone();
            for (int t = 0; t < tc; t++) {
                pathLoss[j][t] += lossPart[j][t];
            }
            y[j] = new double[tc];
            for (int t = 0; t < tc; t++) {
                y[j][t] = in.d[j][t] - pathLoss[j][t];
            }
        }
        double[][] mPP = new double[n][n];
        double[][] mPQ = new double[n][n];
        double[][] mQQ = new double[n][n];
        double[][] cP = new double[n][n];
        double[][] cQ = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] pk = in.p[k];
            double[] qk = in.q[k];
            for (int l = 0; l < n; l++) {
                double[] pl = in.p[l];
                double[] ql = in.q[l];
                double[] yl = y[l];
                double spp = 0;
                double spq = 0;
                double sqq = 0;
                double spy = 0;
                double sqy = 0;
                for (int t = 0; t < tc; t++) {
                    spp += pk[t] * pl[t];
                    spq += pk[t] * ql[t];
                    sqq += qk[t] * ql[t];
                    spy += pk[t] * yl[t];
                    sqy += qk[t] * yl[t];
                }
                mPP[k][l] = spp;
                mPQ[k][l] = spq;
                mQQ[k][l] = sqq;
                cP[k][l] = spy;
                cQ[k][l] = sqy;
            }
        }
        double yy = 0;
        double[] tot = new double[tc];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tc; t++) {
                yy += y[i][t] * y[i][t];
                tot[t] += y[i][t];
            }
        }
        double tt = 0;
        for (int t = 0; t < tc; t++) {
            tt += tot[t] * tot[t];
        }
        return new JointPathModel(n, in.series.buses(), in.series.root(), mPP, mPQ, mQQ, cP, cQ,
                yy - tt / (n + 1), tc);
    }

    int[] parents(RadialTree tree) {
        int[] par = new int[n];
        java.util.Map<String, Integer> idx = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(buses.get(i), i);
        }
        idx.put(rootId, n);
        for (int i = 0; i < n; i++) {
            par[i] = idx.get(tree.parentOf(buses.get(i)));
        }
        return par;
    }

    RadialTree tree(int[] par) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(buses.get(i), par[i] == n ? rootId : buses.get(par[i]));
        }
        return new RadialTree(rootId, m);
    }

    double lastSse = Double.NaN;

    /** Minimised GLS sum of squares, kV^4 (the constant part included). Infinity if singular. */
    double objective(int[] par) {
        List<List<Integer>> ch = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            ch.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            ch.get(par[i]).add(i);
        }
        int[] order = new int[n + 1];
        int head = 0;
        int tail = 0;
        order[tail++] = n;
        while (head < tail) {
            for (int c : ch.get(order[head++])) {
                order[tail++] = c;
            }
        }
        if (tail != n + 1) {
            return Double.POSITIVE_INFINITY; // a cycle
        }
        int[] size = new int[n + 1];
        int[] tin = new int[n + 1];
        int[] tout = new int[n + 1];
        euler(ch, tin, tout);
        for (int k = n; k >= 1; k--) {
            int j = order[k];
            size[j] += 1;
            size[par[j]] += size[j];
        }
        double[][] wpp = doubleAgg(mPP, order, par);
        double[][] wpq = doubleAgg(mPQ, order, par);
        double[][] wqq = doubleAgg(mQQ, order, par);
        // f
        double[][] aP = rowAgg(cP, order, par);
        double[][] aQ = rowAgg(cQ, order, par);
        double[] fP = new double[n];
        double[] fQ = new double[n];
        double[] fPt = new double[n];
        double[] fQt = new double[n];
        for (int b = 0; b < n; b++) {
            double[] sp = subtreeSum(aP[b], order, par);
            double[] sq = subtreeSum(aQ[b], order, par);
            fP[b] = sp[b];
            fQ[b] = sq[b];
            double tp = 0;
            double tq = 0;
            for (int i = 0; i < n; i++) {
                tp += aP[b][i];
                tq += aQ[b][i];
            }
            fPt[b] = tp;
            fQt[b] = tq;
        }
        int m = 2 * n;
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        DMatrixRMaj f = new DMatrixRMaj(m, 1);
        double inv = 1.0 / (n + 1);
        for (int b = 0; b < n; b++) {
            f.set(2 * b, 2 * (fP[b] - size[b] * fPt[b] * inv));
            f.set(2 * b + 1, 2 * (fQ[b] - size[b] * fQt[b] * inv));
            for (int c = 0; c < n; c++) {
                double nn;
                if (tin[b] <= tin[c] && tout[c] <= tout[b]) {
                    nn = size[c];
                } else if (tin[c] <= tin[b] && tout[b] <= tout[c]) {
                    nn = size[b];
                } else {
                    nn = 0;
                }
                double coef = 4 * (nn - size[b] * (double) size[c] * inv);
                h.set(2 * b, 2 * c, coef * wpp[b][c]);
                h.set(2 * b, 2 * c + 1, coef * wpq[b][c]);
                h.set(2 * b + 1, 2 * c, coef * wpq[c][b]);
                h.set(2 * b + 1, 2 * c + 1, coef * wqq[b][c]);
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(m);
        if (!chol.setA(h)) {
            return Double.POSITIVE_INFINITY;
        }
        DMatrixRMaj theta = new DMatrixRMaj(m, 1);
        chol.solve(f, theta);
        double fit = 0;
        for (int i = 0; i < m; i++) {
            fit += f.get(i) * theta.get(i);
        }
        lastSse = yyGls - fit;
        return lastSse;
    }

    double noiseVariance() {
        return lastSse / (n * (double) tCount - 2 * n);
    }

    private static void euler(List<List<Integer>> ch, int[] tin, int[] tout) {
        int n = ch.size() - 1;
        int[] stack = new int[n + 1];
        int[] it = new int[n + 1];
        int sp = 0;
        int clock = 0;
        stack[sp++] = n;
        tin[n] = clock++;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (it[v] < ch.get(v).size()) {
                int c = ch.get(v).get(it[v]++);
                tin[c] = clock++;
                stack[sp++] = c;
            } else {
                tout[v] = clock++;
                sp--;
            }
        }
    }

    /** rows aggregated over subtrees: out[b][l] = sum_{k in sub b} a[k][l] */
    private double[][] rowAgg(double[][] a, int[] order, int[] par) {
        double[][] out = new double[n][];
        for (int k = n; k >= 1; k--) {
            int j = order[k];
            if (out[j] == null) {
                out[j] = a[j].clone();
            } else {
                double[] o = out[j];
                double[] aj = a[j];
                for (int l = 0; l < n; l++) {
                    o[l] += aj[l];
                }
            }
            int p = par[j];
            if (p != n) {
                if (out[p] == null) {
                    out[p] = out[j].clone();
                } else {
                    double[] o = out[p];
                    double[] oj = out[j];
                    for (int l = 0; l < n; l++) {
                        o[l] += oj[l];
                    }
                }
            }
        }
        return out;
    }

    private double[] subtreeSum(double[] v, int[] order, int[] par) {
        double[] s = v.clone();
        for (int k = n; k >= 1; k--) {
            int j = order[k];
            if (par[j] != n) {
                s[par[j]] += s[j];
            }
        }
        return s;
    }

    private double[][] doubleAgg(double[][] a, int[] order, int[] par) {
        double[][] r = rowAgg(a, order, par);
        double[][] out = new double[n][];
        for (int b = 0; b < n; b++) {
            out[b] = subtreeSum(r[b], order, par);
        }
        return out;
    }

    /** Greedy hill climb: re-hang each bus (with its subtree) on one of its k nearest buses by mean drop. */
    RadialTree search(RadialTree start, int k) {
        int[] par = parents(start);
        double best = objective(par);
        boolean moved = true;
        int rounds = 0;
        while (moved && rounds < 5) {
            moved = false;
            rounds++;
            for (int j = 0; j < n; j++) {
                int bestPar = par[j];
                for (int c = 0; c <= n; c++) {
                    if (c == j || c == par[j] || !near(par, j, c, k)) {
                        continue;
                    }
                    int old = par[j];
                    par[j] = c;
                    double v = objective(par);
                    par[j] = old;
                    if (v < best - 1e-12 * Math.abs(best)) {
                        best = v;
                        bestPar = c;
                    }
                }
                if (bestPar != par[j]) {
                    par[j] = bestPar;
                    moved = true;
                    continue;
                }
                // swap j with its parent a: j takes a's place, a hangs on j; a's other children follow a or move to j
                int a = par[j];
                if (a != n) {
                    int[] save = par.clone();
                    for (int mode = 0; mode < 2; mode++) {
                        par[j] = par[a];
                        par[a] = j;
                        if (mode == 1) {
                            for (int c = 0; c < n; c++) {
                                if (save[c] == a && c != j) {
                                    par[c] = j;
                                }
                            }
                        }
                        double v = objective(par);
                        if (v < best - 1e-12 * Math.abs(best)) {
                            best = v;
                            moved = true;
                            save = null;
                            break;
                        }
                        System.arraycopy(save, 0, par, 0, n);
                    }
                }
                // insert j between its parent and one of its siblings
                {
                    int pj = par[j];
                    int bestSib = -1;
                    for (int c = 0; c < n; c++) {
                        if (c != j && par[c] == pj) {
                            par[c] = j;
                            double v = objective(par);
                            par[c] = pj;
                            if (v < best - 1e-12 * Math.abs(best)) {
                                best = v;
                                bestSib = c;
                            }
                        }
                    }
                    if (bestSib >= 0) {
                        par[bestSib] = j;
                        moved = true;
                    }
                }
            }
        }
        return tree(par);
    }

    /** Per bus: min over alternatives (re-hang within k steps, swap with parent) of J_alt - J, in sigma^2 units. */
    double[] evidence(RadialTree t, int k) {
        int[] par = parents(t);
        double j0 = objective(par);
        double s2 = noiseVariance();
        double[] ev = new double[n];
        for (int j = 0; j < n; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c <= n; c++) {
                if (c == j || c == par[j] || !near(par, j, c, k)) {
                    continue;
                }
                int old = par[j];
                par[j] = c;
                best = Math.min(best, objective(par));
                par[j] = old;
            }
            int a = par[j];
            if (a != n) {
                int[] save = par.clone();
                par[j] = par[a];
                par[a] = j;
                best = Math.min(best, objective(par));
                System.arraycopy(save, 0, par, 0, n);
            }
            ev[j] = (best - j0) / s2;
        }
        return ev;
    }

    /** Candidates within k tree steps of the current parent (not in j's subtree: caught as a cycle). */
    private boolean near(int[] par, int j, int c, int k) {
        // tree distance between c and par[j], up to k
        int a = par[j];
        java.util.Map<Integer, Integer> anc = new java.util.HashMap<>();
        int steps = 0;
        int v = a;
        while (true) {
            anc.put(v, steps);
            if (v == n || steps > k) {
                break;
            }
            v = par[v];
            steps++;
        }
        steps = 0;
        v = c;
        while (steps <= k) {
            Integer sa = anc.get(v);
            if (sa != null) {
                return sa + steps <= k;
            }
            if (v == n) {
                return false;
            }
            v = par[v];
            steps++;
        }
        return false;
    }
}

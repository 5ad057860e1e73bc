package io.gridid.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial of the local search: moves that are applied and, unless they help, undone by moving
 * back (recomputing what they changed, as before). During a trial the flow arrays each bus had
 * at its start are kept aside, and put back when the bus's versions come back to theirs, so a
 * move and its undo cost the recomputation of each flow only once. Arrays no bus uses any more go
 * to a pool for the next ones. O(1) per flow saved or restored, O(buses touched) to end.
 */
final class TrialUndo {
    private final FittedTree tree;
    private final int tCount;
    private int trial;                    // the running trial's number (0: none)
    private int trials;
    private final int[] trialOf;          // per bus: the trial whose start flow is kept below
    private final double[][] entryP;      // per bus: its flow arrays at the trial's start
    private final double[][] entryQ;
    private final int[] entryRecvVersion;
    private final List<Integer> touched = new ArrayList<>();
    private final int[] sentTrialOf;      // per bus: the trial whose start sending flow is kept below
    private final double[][] entrySentP;
    private final double[][] entrySentQ;
    private final int[] entrySentRecv;
    private final int[] entrySentFit;
    private final List<Integer> sentTouched = new ArrayList<>();
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();

    TrialUndo(FittedTree tree, int n, int tCount) {
        this.tree = tree;
        this.tCount = tCount;
        trialOf = new int[n];
        entryP = new double[n][];
        entryQ = new double[n][];
        entryRecvVersion = new int[n];
        sentTrialOf = new int[n];
        entrySentP = new double[n][];
        entrySentQ = new double[n][];
        entrySentRecv = new int[n];
        entrySentFit = new int[n];
    }

    boolean active() {
        return trial != 0;
    }

    void begin() {
        trial = ++trials;
    }

    /** Ends the trial: the trial-start arrays no bus uses any more go back to the pool. */
    void end() {
        for (int j : touched) {
            if (tree.recvP[j] != entryP[j]) {
                pool.push(entryP[j]);
                pool.push(entryQ[j]);
            }
            entryP[j] = null;
            entryQ[j] = null;
        }
        touched.clear();
        for (int c : sentTouched) {
            if (tree.sentP[c] != entrySentP[c] && entrySentP[c] != null) {
                pool.push(entrySentP[c]);
                pool.push(entrySentQ[c]);
            }
            entrySentP[c] = null;
            entrySentQ[c] = null;
        }
        sentTouched.clear();
        trial = 0;
    }

    /**
     * In a running trial, before j's receiving flow gets version v: true when that is the version
     * j had at the trial's start, whose flow is then put back; otherwise j's arrays are made its
     * own (the start's are kept as they are) and false.
     */
    boolean receivingRestored(int j, int v) {
        saveEntry(j);
        if (v == entryRecvVersion[j]) {
            if (tree.recvP[j] != entryP[j]) {
                pool.push(tree.recvP[j]);
                pool.push(tree.recvQ[j]);
                tree.recvP[j] = entryP[j];
                tree.recvQ[j] = entryQ[j];
            }
            tree.recvVersion[j] = v;
            return true;
        }
        if (tree.recvP[j] == entryP[j]) {
            tree.recvP[j] = borrow(); // the trial's start flow is kept as it is
            tree.recvQ[j] = borrow();
        }
        return false;
    }

    /**
     * In a running trial, before c's sending flow is brought up to date: true when c's flow and
     * fit versions are those of the trial's start, whose sending flow is then put back; otherwise
     * c's arrays are made its own and false.
     */
    boolean sendingRestored(int c) {
        if (sentTrialOf[c] != trial) {
            sentTrialOf[c] = trial;
            sentTouched.add(c);
            entrySentP[c] = tree.sentP[c];
            entrySentQ[c] = tree.sentQ[c];
            entrySentRecv[c] = tree.sentRecv[c];
            entrySentFit[c] = tree.sentFit[c];
        } else if (entrySentRecv[c] == tree.recvVersion[c] && entrySentFit[c] == tree.fitVersion[c]) {
            // back to the trial's start flow and fit: their sending flow is kept
            if (tree.sentP[c] != entrySentP[c]) {
                pool.push(tree.sentP[c]);
                pool.push(tree.sentQ[c]);
                tree.sentP[c] = entrySentP[c];
                tree.sentQ[c] = entrySentQ[c];
            }
            tree.sentRecv[c] = tree.recvVersion[c];
            tree.sentFit[c] = tree.fitVersion[c];
            return true;
        }
        if (tree.sentP[c] == entrySentP[c]) {
            tree.sentP[c] = borrow(); // the trial's start sending flow is kept as it is
            tree.sentQ[c] = borrow();
        }
        return false;
    }

    /** Keeps j's flow arrays as they were at the running trial's start (once per trial). */
    private void saveEntry(int j) {
        if (trialOf[j] == trial) {
            return;
        }
        trialOf[j] = trial;
        touched.add(j);
        entryP[j] = tree.recvP[j];
        entryQ[j] = tree.recvQ[j];
        entryRecvVersion[j] = tree.recvVersion[j];
    }

    private double[] borrow() {
        double[] a = pool.poll();
        return a != null ? a : new double[tCount];
    }
}

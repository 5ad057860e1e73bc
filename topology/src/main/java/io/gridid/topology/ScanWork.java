package io.gridid.topology;

/**
 * One thread's work arrays of the search: a bus's regressors over T intervals, their Gram sums,
 * a fit's right side and result, and the subtree marks of a candidate scan. Not shared between
 * threads.
 */
final class ScanWork {
    final double[] wa;
    final double[] wb;
    final double[] wc;
    final double[] g = new double[6];
    final double[] h = new double[3];
    final double[] fit = new double[4];
    final int[] mark;     // subtree marks of ParentScan.busesOutsideSubtree
    final int[] stack;
    int markCounter;

    ScanWork(int tCount, int buses) {
        mark = new int[buses + 1];
        stack = new int[buses + 1];
        wa = new double[tCount];
        wb = new double[tCount];
        wc = new double[tCount];
    }
}

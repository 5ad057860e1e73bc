package io.gridid.solvers.fit;
public class DbgData { public static BranchFitData make(int n, long seed, double s) { return SyntheticBranch.at12kV(0.3, 0.25).noisy(n, seed, s, 0, 0); } }

package io.gridid.impedance;

import io.gridid.solvers.fit.BranchFit;

import java.util.List;

/**
 * What the bottom-up sweep learnt about one branch: the unconstrained fit and, with a
 * library, every type's length fit sorted best first.
 *
 * @param fromBus      parent bus
 * @param toBus        child bus
 * @param fit          unconstrained relaxed fit of (r, x)
 * @param typeFits     length fits per conductor type, best objective first (empty without library)
 * @param signalRms    rms of the voltage-drop signal y = u_i - u_j over the usable intervals, kV&sup2;
 * @param usable       intervals the fit used (voltage at both ends; estimated loads only where needed)
 * @param rejected     intervals dropped as bad data (LS with rejection on), 0 otherwise
 */
record SweptBranch(String fromBus, String toBus, BranchFit fit, List<TypeFit> typeFits, double signalRms,
                   int usable, int rejected) {
    SweptBranch {
        typeFits = List.copyOf(typeFits);
    }
}

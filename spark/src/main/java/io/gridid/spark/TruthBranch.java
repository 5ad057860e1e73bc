package io.gridid.spark;

import io.gridid.model.io.BranchRow;

import java.io.Serializable;
import java.util.Objects;

/**
 * One true branch of a fleet feeder, as shipped to the task that scores it (the data contract's
 * four columns; a {@link BranchRow} is not serializable).
 */
public record TruthBranch(String fromBus, String toBus, double rOhm, double xOhm) implements Serializable {
    public TruthBranch {
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
    }

    BranchRow toRow() {
        return new BranchRow(fromBus, toBus, rOhm, xOhm);
    }
}

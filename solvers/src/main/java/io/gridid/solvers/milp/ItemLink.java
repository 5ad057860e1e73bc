package io.gridid.solvers.milp;

/**
 * A parent&ndash;child relation between two items of a {@link ChoiceProblem} (e.g. the branch above
 * and the branch below a bus); {@link ChoiceProblem#forbiddenPairs()} apply across every link.
 *
 * @param parent index of the parent item
 * @param child  index of the child item
 */
public record ItemLink(int parent, int child) {
    public ItemLink {
        if (parent < 0 || child < 0 || parent == child) {
            throw new IllegalArgumentException("link needs two distinct non-negative items: " + parent + " -> " + child);
        }
    }
}

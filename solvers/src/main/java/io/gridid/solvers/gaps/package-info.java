/**
 * Estimates for missing readings, used only where a fit cannot do without a value: a missing
 * load inside a branch's subtree (its flow is a sum over the subtree) and a missing voltage in a
 * loss term. A fit never uses an estimated voltage as its target, and uses intervals with
 * estimated loads only when it has fewer than {@link io.gridid.solvers.gaps.LoadImputation#MIN_CLEAN_INTERVALS}
 * intervals without them.
 */
package io.gridid.solvers.gaps;

package io.gridid.reports;

import io.gridid.impedance.BranchEstimate;
import io.gridid.impedance.ImpedanceEstimator;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.impedance.ImpedanceResult;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.model.io.BranchRow;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyDiagnostics;
import io.gridid.topology.TopologyIdentifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** gridid's own stages behind the pipeline's interfaces: {@link TopologyIdentifier} and {@link ImpedanceEstimator}. */
public final class GrididStages {
    private GrididStages() {
    }

    /** Stage 1 with the topology options. */
    public static TopologyStage topology(IdentifyOptions options) {
        TopologyIdentifier identifier = new TopologyIdentifier(options.topology());
        return new TopologyStage() {
            @Override
            public TopologyOutcome identify(MeterData data, String root) throws GrididException {
                return outcome(identifier.identify(data, root));
            }

            @Override
            public TopologyOutcome identify(MeterData data, String root, MeterData loadEstimates) throws GrididException {
                return outcome(identifier.identify(data, root, loadEstimates));
            }
        };
    }

    private static TopologyOutcome outcome(Topology t) {
        TopologyDiagnostics d = t.diagnostics();
        return new TopologyOutcome(t.tree(), t.confidence(), d.method(), d.regressionPath(), d.conditionNumber(),
                d.intervalsUsed(), d.warnings());
    }

    /** Stage 2 with the impedance options; each estimate becomes a branches.csv row with the extra columns. */
    public static ImpedanceStage impedance(IdentifyOptions options) {
        return impedance(options.impedance());
    }

    private static ImpedanceStage impedance(ImpedanceOptions options) {
        ImpedanceEstimator estimator = new ImpedanceEstimator(options);
        return new ImpedanceStage() {
            @Override
            public ImpedanceStage forTreeComparison() {
                return options.jointRefinement() ? impedance(options.withJointRefinement(false)) : this;
            }

            @Override
            public ImpedanceOutcome estimate(MeterData data, RadialTree tree) throws GrididException {
                return estimate(data, tree, ProgressListener.NONE);
            }

            @Override
            public ImpedanceOutcome estimate(MeterData data, RadialTree tree, ProgressListener progress)
                    throws GrididException {
                ImpedanceResult r = estimator.estimate(data, tree,
                        (done, total) -> progress.stepDone(IdentifyPipeline.IMPEDANCE, done, total));
                List<BranchRow> rows = new ArrayList<>(r.branches().size());
                for (BranchEstimate e : r.branches()) {
                    rows.add(row(e));
                }
                return new ImpedanceOutcome(rows, r.warnings(), r.completedLoads());
            }
        };
    }

    /** One estimate as a branches.csv row (contract columns, then {@link BranchColumns}). */
    public static BranchRow row(BranchEstimate e) {
        Map<String, String> x = new LinkedHashMap<>();
        x.put(BranchColumns.CONDUCTOR, e.conductor() == null ? "" : e.conductor());
        x.put(BranchColumns.LENGTH_KM, BranchColumns.number(e.lengthKm()));
        x.put(BranchColumns.R_STD_ERR, BranchColumns.number(e.rStdErr()));
        x.put(BranchColumns.X_STD_ERR, BranchColumns.number(e.xStdErr()));
        x.put(BranchColumns.RELAXATION_GAP, BranchColumns.number(e.relaxationGap()));
        x.put(BranchColumns.POLISHED, Boolean.toString(e.polished()));
        x.put(BranchColumns.R_UNCONSTRAINED, BranchColumns.number(e.rUnconstrainedOhm()));
        x.put(BranchColumns.X_UNCONSTRAINED, BranchColumns.number(e.xUnconstrainedOhm()));
        x.put(BranchColumns.RMS_RESIDUAL, BranchColumns.number(e.rmsResidual()));
        x.put(BranchColumns.INTERVALS_USED, Integer.toString(e.intervalsUsed()));
        x.put(BranchColumns.NOTE, e.note());
        x.values().removeIf(String::isEmpty);
        return new BranchRow(e.fromBus(), e.toBus(), e.rOhm(), e.xOhm(), x);
    }
}

package io.gridid.cli;

import io.gridid.model.InvalidInputException;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.LikelihoodSearchOptions;
import io.gridid.topology.PhysicsSearchOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;

/** The identification options shared by identify and benchmark (a picocli mixin): the topology method and {@link FitOptions}. */
final class PipelineOptions {
    /** The --method help, shared with the topology command so both spell the methods alike. */
    static final String METHOD_DESCRIPTION = "Topology estimator: physics-search (default: best measured accuracy, "
            + "robust to noise), tree-metric or laplacian (regression-based, fast, noise-sensitive).";

    /** The --likelihood-search help, shared with the topology command. */
    static final String LIKELIHOOD_SEARCH_DESCRIPTION = "Finish stage 1's tree by likelihood: moves of single buses "
            + "(re-hang, insert, swap with the parent) scored by the joint model of all branches, kept when the data "
            + "decide them. Noisy data (intervals with a gap are left out). Corrects chain-end buses hung on their "
            + "grandparents where the meters are precise. Costly: one stage-2 solve per candidate tree, hundreds per "
            + "round, so expect minutes for tens of buses and tens of minutes for hundreds (90 days hourly: ieee69 about "
            + "10 times identify without it, random:200 30 to 60 times). The progress line shows the round.";

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "physics-search", description = METHOD_DESCRIPTION)
    String method;

    /** The --search-budget help, shared with the topology command. */
    static final String SEARCH_BUDGET_DESCRIPTION = "Work budget of the physics search's local search, in branch fits "
            + "per bus (its cost grows about linearly with it; the search warns when it stops at the budget). "
            + "Default: ${DEFAULT-VALUE}.";

    @Option(names = "--likelihood-search", description = LIKELIHOOD_SEARCH_DESCRIPTION)
    boolean likelihoodSearch;

    /** The --hidden-junctions help, shared with the topology command. */
    static final String HIDDEN_JUNCTIONS_DESCRIPTION = "Place junctions that carry no meter (poles, switches, "
            + "lateral taps) where two or more buses branch off a point no meter sees; they get ids starting with "
            + "~h (more tildes if a meter id starts so) and stage 2 fits their branches from the path equations. "
            + "Off by default (docs/hidden-junctions.md).";

    @Option(names = "--hidden-junctions", description = HIDDEN_JUNCTIONS_DESCRIPTION)
    boolean hiddenJunctions;

    @Option(names = "--search-budget", paramLabel = "FITS_PER_BUS", description = SEARCH_BUDGET_DESCRIPTION,
            defaultValue = "" + PhysicsSearchOptions.DEFAULT_FITS_PER_BUS)
    int searchBudget;

    @Mixin
    FitOptions fitOptions;

    IdentifyOptions toOptions() throws InvalidInputException, IOException {
        IdentifyOptions o = IdentifyOptions.defaults();
        o = o.withTopology(o.topology().withMethod(TopologyCommand.parseMethod(method))
                .withSearch(TopologyCommand.searchOptions(searchBudget))
                .withHidden(o.topology().hidden().withEnabled(hiddenJunctions)));
        if (likelihoodSearch) {
            o = o.withLikelihoodSearch(LikelihoodSearchOptions.defaults());
        }
        return o.withImpedance(fitOptions.applyTo(o.impedance()));
    }
}

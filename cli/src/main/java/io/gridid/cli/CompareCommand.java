package io.gridid.cli;

import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.pipeline.TopologyComparison;
import io.gridid.pipeline.UnmeteredReduction;
import io.gridid.reports.TopologyFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gridid compare}: which of two topologies the meters support ({@link TopologyComparison}).
 * Prints both deviances, the verdict and, per bus that hangs differently, what moving it alone
 * changes. Writes no file.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two topologies of the same feeder on the meter data (e.g. a GIS model against "
                + "the identified tree): the likelihood of each under the joint voltage model, and for each bus "
                + "that hangs differently whether the data decide it.",
                "Takes data with gaps: missing voltages are integrated out, missing loads filled once from the P/Q "
                        + "readings for both trees. Costs a stage-2 solve per tree and per differing bus."})
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MeterInput input;

    @CommandLine.Mixin
    WarningOutput warningOutput;

    @Option(names = "--topology", required = true, paramLabel = "FILE",
            description = "First topology: CSV with columns from_bus,to_bus (e.g. a topology.csv or branches.csv); "
                    + "its noise model is used for both.")
    Path first;

    @Option(names = "--against", required = true, paramLabel = "FILE",
            description = "Second topology, same format and buses.")
    Path second;

    @Override
    public Integer call() throws GrididException, IOException {
        PrintWriter err = spec.commandLine().getErr();
        input.checkOptions();
        RadialTree a = TopologyFile.read(first, input.root);
        RadialTree b = TopologyFile.read(second, input.root);
        MeterInput.Read file = input.read();
        warningOutput.print(err, file.warnings());
        MeterData data = file.data();
        // buses without a meter: what the data cannot see is reduced away in both trees
        a = UnmeteredReduction.reduce(a, data::hasMeter);
        b = UnmeteredReduction.reduce(b, data::hasMeter);
        for (RadialTree t : new RadialTree[]{a, b}) {
            List<String> hidden = UnmeteredReduction.unmetered(t, data::hasMeter);
            if (!hidden.isEmpty()) {
                throw new GrididException((t == a ? first : second) + ": " + hidden.size() + " bus(es) without a meter "
                        + "and with two or more children (e.g. " + hidden.get(0) + "); compare's likelihood needs a "
                        + "meter at every junction: 'gridid score --result A --truth B --root ID' compares the two "
                        + "structures by splits");
            }
        }
        String mismatch = TopologyComparison.mismatch(a, b);
        if (mismatch != null) {
            throw new IllegalInputException(first + " and " + second + ": " + mismatch);
        }
        // progress only on an interactive terminal: scripts and logs get the result lines only
        boolean interactive = System.console() != null;
        TopologyComparison.Result r = new TopologyComparison(ImpedanceOptions.defaults()).compare(data, a, b,
                (label, done, total) -> {
                    if (interactive) {
                        err.print("\rgridid: compare: " + done + "/" + total + " trees scored");
                        err.flush();
                        if (done == total) {
                            err.println();
                        }
                    }
                });
        PrintWriter out = spec.commandLine().getOut();
        if (!r.gapTreatment().isEmpty()) {
            out.printf(Locale.ROOT, "gaps: %s (%d of %d intervals)%n", r.gapTreatment(), r.first().intervals(),
                    data.intervalCount());
        }
        out.printf(Locale.ROOT, "deviance (-2 log-likelihood + const; lower = likelier), noise model of the first:%n");
        out.printf(Locale.ROOT, "  first   %-30s %s%n", first, number(r.first().deviance(), false));
        out.printf(Locale.ROOT, "  second  %-30s %s (%s)%n", second, number(r.second().deviance(), false),
                number(r.devianceDifference(), true));
        double d = r.devianceDifference();
        if (r.differences().isEmpty()) {
            out.println("the trees are the same");
            return ExitCode.OK;
        }
        if (!r.decisive()) {
            out.printf(Locale.ROOT, "verdict: the readings do not tell them apart (|difference| <= %.0f)%n",
                    TopologyComparison.DECISIVE_DEVIANCE);
        } else {
            out.printf(Locale.ROOT, "verdict: the %s topology is likelier (likelihood ratio e^%s)%n",
                    d > 0 ? "first" : "second", number(Math.abs(d) / 2, false));
        }
        out.printf(Locale.ROOT, "%d bus(es) hang differently; the second tree's deviance minus that with only this bus "
                + "hung as in the first (> %.0f: data prefer the first, < -%.0f: the second):%n",
                r.differences().size(), TopologyComparison.DECISIVE_DEVIANCE, TopologyComparison.DECISIVE_DEVIANCE);
        out.println("  bus, parent in first, parent in second, gain");
        for (TopologyComparison.BusDifference x : r.differences()) {
            out.printf(Locale.ROOT, "  %s, %s, %s, %s%n", x.bus(), x.parentInFirst(), x.parentInSecond(),
                    Double.isNaN(x.moveGain()) ? "loop alone (moves with others)" : number(x.moveGain(), true));
        }
        return ExitCode.OK;
    }

    /** Two decimals, or four significant digits in exponent form beyond 1e9 (exact data give huge deviances). */
    static String number(double v, boolean signed) {
        String sign = signed ? "+" : "";
        return Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%" + sign + ".2f", v)
                : String.format(Locale.ROOT, "%" + sign + ".4g", v);
    }
}

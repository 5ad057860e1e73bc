package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.pipeline.BranchError;
import io.gridid.pipeline.BusPair;
import io.gridid.pipeline.IdentifyOptions;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.Score;
import io.gridid.reports.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gridid demo}: simulate the IEEE 13-node feeder, identify it, report against the truth. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole story in one command: simulates " + Demo.DAYS + " days of hourly meter data on the "
                + "IEEE 13-node feeder (voltage noise " + Demo.NOISE_V_PU + " p.u.), identifies topology and "
                + "impedances, and writes the report scored against the truth.",
                "DIR gets meters.csv, truth_branches.csv and result/ (branches.csv, report.html, ...). A folder made "
                        + "by an earlier demo is reused; any other non-empty folder needs --force."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Demo folder. Default: ${DEFAULT-VALUE} in the working directory.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty folder that an earlier demo did not make.")
    boolean force;

    @Override
    public Integer call() throws GrididException, IOException {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "simulating %s: %d days, %d-minute readings, voltage noise %.0e p.u., seed %d ...%n",
                Demo.FEEDER, Demo.DAYS, Demo.INTERVAL_MINUTES, Demo.NOISE_V_PU, Demo.SEED);
        o.flush();
        Demo.Outcome d = new Demo(new IdentifyPipeline(IdentifyOptions.defaults())).run(out, force);
        Score s = d.score();
        o.printf(Locale.ROOT, "%-8s %-8s %10s %10s %8s %10s %10s %8s%n", "from", "to", "r (ohm)", "true r", "r err",
                "x (ohm)", "true x", "x err");
        for (BranchError e : s.matched()) {
            o.printf(Locale.ROOT, "%-8s %-8s %10.4f %10.4f %8s %10.4f %10.4f %8s%n", e.fromBus(), e.toBus(),
                    e.rOhm(), e.rTrueOhm(), percent(e.rRelError()), e.xOhm(), e.xTrueOhm(), percent(e.xRelError()));
        }
        for (BusPair p : s.extra()) {
            o.printf("%-8s %-8s (not a true branch)%n", p.first(), p.second());
        }
        for (BusPair p : s.missing()) {
            o.printf("%-8s %-8s (true branch not found)%n", p.first(), p.second());
        }
        o.printf(Locale.ROOT, "topology: %d of %d branches found (F1 %.3f); median r error %.2f %%, median x error %.2f %%%n",
                s.matched().size(), s.truthBranches(), s.f1(), 100 * s.rRelErrorMedian(), 100 * s.xRelErrorMedian());
        o.println("report: " + d.reportHtml().toAbsolutePath().normalize());
        return ExitCode.OK;
    }

    /** A relative error in percent; "n/a" where undefined (true value 0, e.g. a switch). */
    private static String percent(double relError) {
        return Double.isNaN(relError) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * relError);
    }
}

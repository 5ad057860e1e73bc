package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.SplitScore;
import io.gridid.pipeline.SplitScoring;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code gridid score}: split score of a result against a truth that may hold unmetered buses. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores an identified topology against the truth by splits: each edge is named by the set of "
                + "metered buses below it, so unmetered (hidden) buses need no names; a hidden bus with one child is "
                + "merged into the edge below it, r and x summed. The metered buses are those in both files.",
                "Prints split precision, recall and F1, and the r and x errors of the matched splits."})
final class ScoreCommand implements Callable<Integer> {
    /** The impedance error counted as a miss in the summary line (the identifiable-branch target). */
    static final double WITHIN = 0.005;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "FILE",
            description = "branches.csv or topology.csv of the result (or its folder: branches.csv, else topology.csv).")
    Path result;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "truth_branches.csv.")
    Path truth;

    @Option(names = "--root", required = true, paramLabel = "ID", description = "The feeder head's id.")
    String root;

    @Override
    public Integer call() throws GrididException, IOException {
        Path file = result;
        if (Files.isDirectory(result)) {
            file = Files.isRegularFile(result.resolve("branches.csv")) ? result.resolve("branches.csv")
                    : result.resolve("topology.csv");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalInputException("--result " + result + ": no branches.csv or topology.csv");
        }
        if (!Files.isRegularFile(truth)) {
            throw new IllegalInputException("--truth " + truth + ": no such file");
        }
        List<BranchRow> r = BranchCsvReader.read(file);
        List<BranchRow> t = BranchCsvReader.read(truth);
        Set<String> inResult = buses(r);
        Set<String> metered = buses(t);
        metered.retainAll(inResult);
        SplitScore s = new SplitScoring().score(r, t, root, metered::contains);
        long over = s.matched().stream().filter(m -> m.rRelError() > WITHIN || m.xRelError() > WITHIN).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "splits: truth %d, result %d, matched %d; precision %.4f, recall %.4f, F1 %.4f%n",
                s.truthSplits(), s.resultSplits(), s.matched().size(), s.precision(), s.recall(), s.f1());
        out.printf(Locale.ROOT, "matched splits' r error median %.3f %%, max %.3f %%; x error median %.3f %%, "
                        + "max %.3f %%; %d of %d over %.1f %%%n", 100 * s.rRelErrorMedian(), 100 * s.rRelErrorMax(),
                100 * s.xRelErrorMedian(), 100 * s.xRelErrorMax(), over, s.matched().size(), 100 * WITHIN);
        if (!s.missing().isEmpty() || !s.extra().isEmpty()) {
            out.println("missing (truth's top bus): " + s.missing());
            out.println("extra (result's top bus): " + s.extra());
        }
        return ExitCode.OK;
    }

    private static Set<String> buses(List<BranchRow> rows) {
        Set<String> b = new HashSet<>();
        for (BranchRow row : rows) {
            b.add(row.fromBus());
            b.add(row.toBus());
        }
        return b;
    }
}

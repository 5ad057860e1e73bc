package io.gridid.cli;

import io.gridid.model.GrididException;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;
import io.gridid.reports.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gridid report}: (re)writes report.html and report.json of a result folder, optionally against a truth. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the HTML and JSON report of an identification result folder (DIR/report.html, "
                + "DIR/report.json), optionally comparing it with the true branches.",
                "report.html is self-contained (inline SVG and CSS, no scripts, no network)."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "DIR", description = "Result folder of 'gridid identify'.")
    Path result;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "True branches (truth_branches.csv of 'gridid simulate', same schema as branches.csv): "
                    + "adds the score, estimated-vs-true scatter plots and per-branch errors.")
    Path truth;

    @Override
    public Integer call() throws GrididException, IOException {
        if (!Files.isDirectory(result)) {
            throw new IllegalInputException("--result " + result + " is not a folder");
        }
        if (truth != null && !Files.isRegularFile(truth)) {
            throw new IllegalInputException("--truth " + truth + ": no such file");
        }
        IdentificationResult r = ResultFolder.read(result);
        if (truth != null) {
            List<BranchRow> t = BranchCsvReader.read(truth);
            r = r.withTruth(t);
        }
        ResultFolder.writeReports(result, r);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + result.resolve(ResultFolder.REPORT_HTML) + " and " + ResultFolder.REPORT_JSON);
        if (r.hasTruth()) {
            Score s = new Scoring().score(r.contractRows(), r.truth());
            out.printf(Locale.ROOT, "topology precision %.3f, recall %.3f, F1 %.3f; median |r| error %.2f %%, "
                            + "median |x| error %.2f %%%n", s.precision(), s.recall(), s.f1(),
                    100 * s.rRelErrorMedian(), 100 * s.xRelErrorMedian());
        }
        return ExitCode.OK;
    }
}

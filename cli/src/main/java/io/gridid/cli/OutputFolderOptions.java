package io.gridid.cli;

import io.gridid.model.InvalidInputException;
import io.gridid.reports.OutputFolder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --out DIR} and {@code --force} of the commands that write one folder (a picocli mixin). */
final class OutputFolderOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created; must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = IdentifyCommand.FORCE_DESCRIPTION)
    boolean force;

    /** Refuses a non-empty folder without --force ({@link OutputFolder#check}), before any input is read. */
    void check() throws InvalidInputException, IOException {
        OutputFolder.check(out, force, null);
    }
}

package io.gridid.reports;

import io.gridid.model.InvalidInputException;
import io.gridid.model.io.FileSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The rule for folders gridid writes into: a folder that does not exist is created; an empty
 * one is used (gridid's own temporaries left by a killed run do not count, and are deleted); a non-empty one is refused unless the caller forces it (then files of the same
 * names are replaced, others are left alone) or it carries the given marker file, i.e. was
 * made by an earlier run of the same command (the demo's folder).
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param dir     the folder
     * @param force   use a non-empty folder anyway
     * @param marker  name of a file whose presence means "ours, reuse freely", or null for none
     * @throws InvalidInputException if the folder is not empty (and neither forced nor marked), or
     *                               the path is a file
     */
    public static void prepare(Path dir, boolean force, String marker) throws InvalidInputException, IOException {
        check(dir, force, marker);
        Files.createDirectories(dir);
        FileSet.deleteTemporaries(dir);
        if (marker != null) {
            Files.writeString(dir.resolve(marker), "made by gridid; the folder may be replaced by the next run\n");
        }
    }

    /**
     * The same test as {@link #prepare} without touching the file system, so a command can refuse
     * a bad folder before a long run and create it only once its input has been read.
     */
    public static void check(Path dir, boolean force, String marker) throws InvalidInputException, IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException(dir.toString(), 0, "exists and is not a folder");
        }
        if (Files.isDirectory(dir) && !force && !(marker != null && Files.exists(dir.resolve(marker)))) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.allMatch(p -> FileSet.isTemporary(p.getFileName().toString()));
            }
            if (!empty) {
                throw new InvalidInputException(dir.toString(), 0,
                        "folder exists and is not empty (use --force to write into it)");
            }
        }
    }
}

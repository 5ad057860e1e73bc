package io.gridid.model.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a file all-or-nothing: the content goes to a temporary file in the target's folder,
 * which is moved over the target only when writing finished; on any failure, or when the process is
 * stopped by TERM or INT (a shutdown hook), the temporary file is deleted and a previous target stays
 * as it was. The temporary's name is hidden and marked ({@link FileSet#isTemporary}), so a folder
 * holding only one left by a KILL still counts as empty.
 *
 * <p>Only a regular file (or a new name) is replaced: a symbolic link to a regular file has its
 * target replaced, the link kept; a device, a pipe or what a link such as {@code /dev/stdout} leads
 * to is written to as a stream (nothing renamed over it); a folder or a link to nothing is refused.
 */
public final class AtomicFile {
    /** How an atomic write's temporary file name ends. */
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * @param target the file to create or replace (its folder must exist)
     * @param content writes the whole content, UTF-8
     */
    public static void write(Path target, Content content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder; give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a device, a pipe, /dev/stdout: write to it as a stream, never rename over it
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target,
                    StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(w);
            }
            return;
        }
        if (Files.isSymbolicLink(target)) {
            if (!Files.exists(target)) {
                throw new IOException(target + " is a symbolic link to nothing; not replaced");
            }
            target = target.toRealPath();
        }
        Path dir = target.toAbsolutePath().getParent();
        AtomicReference<Path> made = new AtomicReference<>();
        Thread cleanup = new Thread(() -> FileSet.deleteQuietly(made.get()), "gridid-cleanup");
        boolean hooked = FileSet.addHook(cleanup);
        boolean done = false;
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + FileSet.TEMP_MARK, TEMP_SUFFIX);
            made.set(tmp);
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
                    1 << 16)) {
                content.writeTo(w);
            }
            grantUsualPermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done && tmp != null) {
                Files.deleteIfExists(tmp);
            }
            if (hooked) {
                FileSet.removeHook(cleanup);
            }
        }
    }

    /**
     * A temporary file is created owner-only (0600); a result is an ordinary file, so it gets the
     * permissions of the file it replaces, or rw-r--r-- when new, where the file system has POSIX
     * permissions.
     */
    private static void grantUsualPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }
}

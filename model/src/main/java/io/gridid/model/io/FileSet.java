package io.gridid.model.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes a set of files into a folder as one: every file goes first into a temporary sibling folder
 * ({@code .NAME.gridid-tmp-*} beside the target); only when all are written does the set move into
 * place: the whole temporary folder is renamed to the target when the target is absent or empty
 * (one atomic step), otherwise each file is renamed over its namesake, the last one given last (a
 * manifest that names the others belongs there). On any failure, or when the process is stopped by
 * TERM or INT (a shutdown hook), the temporary folder is deleted and the target stays as it was. A
 * temporary left by a KILL is a hidden sibling, never inside the target, and the next write to the
 * same target deletes it.
 *
 * <p>Never renames over anything but a regular file: a target file name that is a folder, a device,
 * a pipe or a symbolic link is refused before anything moves.
 */
public final class FileSet {
    /** Marks gridid's temporary folders and files: {@code .NAME} + this + random. */
    public static final String TEMP_MARK = ".gridid-tmp-";

    private final Map<String, AtomicFile.Content> files = new LinkedHashMap<>();

    /** Adds a file (a plain name, no folder); the last one added is moved into place last. */
    public FileSet add(String name, AtomicFile.Content content) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a plain, visible file name: " + name);
        }
        files.put(name, content);
        return this;
    }

    /**
     * Writes the set into {@code dir} (created if absent; its parent must exist).
     *
     * @throws IOException nothing of the set moved (or, past the first rename, the file system failed
     *                     between renames: a manifest in the last file tells)
     */
    public void write(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String prefix = "." + target.getFileName() + TEMP_MARK;
        deleteStale(parent, prefix);
        // the hook is in place before the temporary exists, so a TERM at any moment finds it
        AtomicReference<Path> made = new AtomicReference<>();
        Thread cleanup = new Thread(() -> deleteQuietly(made.get()), "gridid-cleanup");
        boolean hooked = addHook(cleanup);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(parent, prefix);
            made.set(tmp);
            for (Map.Entry<String, AtomicFile.Content> e : files.entrySet()) {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp.resolve(e.getKey())),
                        StandardCharsets.UTF_8), 1 << 16)) {
                    e.getValue().writeTo(w);
                }
            }
            usualFolderPermissions(tmp);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || isEmptyFolder(target)) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(target);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " exists and is not a folder");
            }
            for (String name : files.keySet()) {
                Path t = target.resolve(name);
                if (Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(t + " is not a regular file (a folder, link, pipe or device); not replaced");
                }
            }
            for (String name : files.keySet()) {
                move(tmp.resolve(name), target.resolve(name));
            }
        } finally {
            deleteQuietly(made.get());
            if (hooked) {
                removeHook(cleanup);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether {@code dir} is a folder holding nothing but gridid temporaries. */
    static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!isTemporary(p.getFileName().toString())) {
                    return false;
                }
            }
        }
        deleteTemporaries(dir);
        return true;
    }

    /** Whether a file name is one of gridid's temporaries (a result set's or an {@link AtomicFile}'s). */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.contains(TEMP_MARK);
    }

    /** Deletes the gridid temporaries directly inside {@code dir} (left by a process that was killed). */
    public static void deleteTemporaries(Path dir) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (isTemporary(p.getFileName().toString())) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            deleteQuietly(p);
        }
    }

    private static void deleteStale(Path parent, String prefix) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            s.forEach(stale::add);
        }
        for (Path p : stale) {
            deleteQuietly(p);
        }
    }

    private static void usualFolderPermissions(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Registers a TERM/INT cleanup; false while the JVM is already shutting down. */
    static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) and deletes what is already gone
        }
    }

    /** Attempts at deleting a tree another thread may still be writing into (a TERM during a write). */
    private static final int DELETE_ATTEMPTS = 20;

    /** Deletes a file or a folder tree (null: nothing), ignoring what cannot be deleted. */
    static void deleteQuietly(Path p) {
        for (int attempt = 0; p != null && attempt < DELETE_ATTEMPTS && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
             attempt++) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            } catch (IOException | RuntimeException e) {
                // a file appeared meanwhile: walk again; a temporary left behind is hidden and the next write deletes it
            }
        }
    }
}

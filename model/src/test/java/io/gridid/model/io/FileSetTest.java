package io.gridid.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file set is written whole or not at all, including when a writer fails half-way (fault
 * injection: the third file's writer throws after writing part of its content, as a full disk would).
 */
class FileSetTest {
    @TempDir
    Path dir;

    private static FileSet set(String a, String b, boolean failThird) {
        return new FileSet().add("a.csv", w -> w.write(a)).add("b.csv", w -> w.write(b)).add("report.json", w -> {
            w.write("{\"half\":");
            if (failThird) {
                throw new IOException("No space left on device");
            }
            w.write("1}");
        });
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderGetsTheWholeSetWithUsualPermissions() throws IOException {
        Path out = dir.resolve("out");
        set("1", "2", false).write(out);
        assertEquals(List.of("a.csv", "b.csv", "report.json"), names(out));
        assertEquals("{\"half\":1}", Files.readString(out.resolve("report.json")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(List.of("out"), names(dir), "no temporary beside it");
    }

    @Test
    void aWriterFailingHalfWayLeavesAnEarlierSetAsItWas() throws IOException {
        Path out = dir.resolve("out");
        set("old a", "old b", false).write(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> set("new a", "new b", true).write(out));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old a", Files.readString(out.resolve("a.csv")));
        assertEquals("old b", Files.readString(out.resolve("b.csv")));
        assertEquals("{\"half\":1}", Files.readString(out.resolve("report.json")));
        assertEquals(List.of("a.csv", "b.csv", "notes.txt", "report.json"), names(out));
        assertEquals(List.of("out"), names(dir), "no temporary left");
    }

    @Test
    void aWriterFailingHalfWayCreatesNoFolder() {
        Path out = dir.resolve("out");
        assertThrows(IOException.class, () -> set("a", "b", true).write(out));
        assertFalse(Files.exists(out));
    }

    @Test
    void aForcedWriteReplacesTheSetAndKeepsOtherFiles() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("a.csv"), "old");
        set("new a", "new b", false).write(out);
        assertEquals(List.of("a.csv", "b.csv", "notes.txt", "report.json"), names(out));
        assertEquals("new a", Files.readString(out.resolve("a.csv")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aFolderWhereAFileShouldBeIsNeverReplaced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.csv"), "old");
        Files.createDirectories(out.resolve("b.csv"));
        IOException e = assertThrows(IOException.class, () -> set("new a", "new b", false).write(out));
        assertTrue(e.getMessage().endsWith("b.csv is not a regular file (a folder, link, pipe or device); not replaced"),
                e.getMessage());
        assertEquals("old", Files.readString(out.resolve("a.csv")), "nothing moved");
        assertTrue(Files.isDirectory(out.resolve("b.csv")));
    }

    @Test
    void temporariesLeftByAKilledRunAreIgnoredAndDeleted() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(".a.csv.gridid-tmp-42.tmp"), "half");
        Path stale = Files.createDirectories(dir.resolve(".out.gridid-tmp-7"));
        Files.writeString(stale.resolve("a.csv"), "half");
        set("1", "2", false).write(out);
        assertEquals(List.of("a.csv", "b.csv", "report.json"), names(out));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void anAtomicFileStreamsToADeviceAndKeepsALink() throws IOException {
        AtomicFile.write(Path.of("/dev/null"), w -> w.write("x"));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        AtomicFile.write(link, w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("nothing"));
        assertThrows(IOException.class, () -> AtomicFile.write(dangling, w -> w.write("x")));
        assertTrue(Files.isSymbolicLink(dangling));
        assertThrows(IOException.class, () -> AtomicFile.write(dir, w -> w.write("x")));
    }
}

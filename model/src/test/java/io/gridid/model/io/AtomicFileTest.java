package io.gridid.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Outputs are atomic (gridid issue 7, item 3): a writer that fails midway, after it has written
 * more than a buffer's worth (so bytes really reached the temporary file), leaves the previous
 * target byte for byte and no temporary file; a write that finishes replaces the target.
 */
class AtomicFileTest {
    /** More than AtomicFile's 64 KiB buffer, so the failed content was partly on disk. */
    static final int PARTIAL_CHARS = 200_000;

    @TempDir
    Path dir;

    private byte[] previous(Path target) throws IOException {
        byte[] old = "from_bus,to_bus,r_ohm,x_ohm\n1,2,0.5,0.25\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, old);
        return old;
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anIoFailureMidwayLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("branches.csv");
        byte[] old = previous(target);
        IOException boom = new IOException("disk full (simulated)");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("x".repeat(PARTIAL_CHARS));
            w.flush();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertArrayEquals(old, Files.readAllBytes(target));
        assertEquals(List.of("branches.csv"), folder());
    }

    @Test
    void anUncheckedFailureMidwayLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("branches.csv");
        byte[] old = previous(target);
        assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, w -> {
            w.write("y".repeat(PARTIAL_CHARS));
            throw new UncheckedIOException(new IOException("interrupted (simulated)"));
        }));
        assertArrayEquals(old, Files.readAllBytes(target));
        assertEquals(List.of("branches.csv"), folder());
    }

    @Test
    void aFailedFirstWriteLeavesNothing() {
        Path target = dir.resolve("topology.csv");
        assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("partial");
            throw new IOException("fails");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), folderOrFail());
    }

    private List<String> folderOrFail() {
        try {
            return folder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheTargetWhole() throws IOException {
        Path target = dir.resolve("branches.csv");
        previous(target);
        String content = "from_bus,to_bus,r_ohm,x_ohm\n" + "1,2,0.125,0.0625\n".repeat(10_000);
        AtomicFile.write(target, w -> w.write(content));
        assertEquals(content, Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("branches.csv"), folder());
    }
}

package io.gridid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When plain {@code java -jar} runs a command in a child JVM, and with what command line. */
class HeapRelaunchTest {
    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("gridid.jar");
        Files.writeString(jar, "a jar");
        return jar;
    }

    private static final Path HOME = Path.of("jdk");
    private static final String[] IDENTIFY = {"identify", "--meters", "m.csv", "--root", "0"};

    @Test
    void plainJavaJarRunsTheCommandInAChildWithTheScriptsCollectorSettings() throws Exception {
        Path jar = jar();
        List<String> cmd = HeapRelaunch.command(List.of("-Dfile.encoding=UTF-8"), jar.toString(), jar, HOME, false,
                IDENTIFY);
        assertEquals(List.of(HOME.resolve("bin").resolve("java").toString(), "-Dfile.encoding=UTF-8",
                "-XX:+UseParallelGC", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxNewSize=512m", "-Dgridid.relaunched=true", "-jar", jar.toAbsolutePath().toString(),
                "identify", "--meters", "m.csv", "--root", "0"), cmd);
    }

    /** The parent returns what the child exited with: 0 for a version request, 2 for a file that is not there. */
    @Test
    void theChildsExitCodeIsTheParentsAnswer() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> child = List.of(java, "-cp", System.getProperty("java.class.path"), "io.gridid.cli.Main");
        assertEquals(ExitCode.OK, HeapRelaunch.run(concat(child, "--version")));
        assertEquals(ExitCode.INVALID_INPUT, HeapRelaunch.run(concat(child, "identify", "--meters",
                dir.resolve("absent.csv").toString(), "--root", "0", "--base-kv", "12.47", "--out",
                dir.resolve("out").toString())));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void theClassDataArchiveBesideTheJarIsMappedUnlessTheJarIsNewer() throws Exception {
        Path jar = jar();
        Path archive = dir.resolve("gridid.jsa");
        Files.writeString(archive, "an archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        List<String> cmd = HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, false, IDENTIFY);
        assertEquals("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), cmd.get(1));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
        cmd = HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, false, IDENTIFY);
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), cmd.toString());
    }

    @Test
    void aJvmSetUpByHandAHelpOrVersionRequestTheChildAndClassFoldersRunInPlace() throws Exception {
        Path jar = jar();
        for (String option : List.of("-Xmx8g", "-XX:+UseG1GC", "-Xlog:gc", "-XX:StartFlightRecording", "-javaagent:x.jar")) {
            assertNull(HeapRelaunch.command(List.of(option), jar.toString(), jar, HOME, false, IDENTIFY), option);
        }
        assertNull(HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, true, IDENTIFY), "the child itself");
        assertNull(HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, false, new String[] {"identify", "--help"}));
        assertNull(HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, false, new String[] {"help", "identify"}));
        assertNull(HeapRelaunch.command(List.of(), jar.toString(), jar, HOME, false, new String[0]));
        Path classes = Files.createDirectory(dir.resolve("classes"));
        assertNull(HeapRelaunch.command(List.of(), classes.toString(), classes, HOME, false, IDENTIFY), "a class folder");
        assertNull(HeapRelaunch.command(List.of(), jar + java.io.File.pathSeparator + classes, jar, HOME, false, IDENTIFY),
                "a class path of several entries");
        assertNull(HeapRelaunch.command(List.of(), jar.toString(), classes, HOME, false, IDENTIFY),
                "Main loaded from elsewhere than the class path's jar");
    }

    /** The script's default JVM options (its last line) are the child's: one setting for both ways of starting. */
    @Test
    void theGrididScriptPassesTheSameCollectorSettings() throws Exception {
        Path script = Path.of("..", "gridid");
        String text = Files.readString(script);
        String defaults = text.substring(text.indexOf("${GRIDID_JAVA_OPTS:-") + "${GRIDID_JAVA_OPTS:-".length());
        defaults = defaults.substring(0, defaults.indexOf('}'));
        assertEquals(String.join(" ", HeapRelaunch.OPTIONS), defaults);
    }
}

package io.gridid.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a child JVM with gridid's own collector settings when plain {@code java -jar
 * gridid.jar} started it with the JVM's defaults: a jar's manifest cannot carry JVM options, and the
 * default collector (G1) grows the heap of a 1000-bus year to about 4 GB for a live set near 1 GB
 * (its pause-time ratio, not the data; docs/decisions/009-memory.md). The child gets the throughput
 * collector and the heap-free ratios of the {@code gridid} script ({@link #OPTIONS}), the class-data
 * archive the build puts beside the jar, the parent's own JVM options, and the same arguments,
 * standard streams and exit code. Costs one more JVM start (measured in decision 009).
 *
 * <p>No relaunch when the JVM was set up by hand (any {@code -X}/{@code -XX} option or agent, also through
 * {@code JAVA_TOOL_OPTIONS}: {@code java -Xmx8g -jar ...} runs as given), when the classes do not come
 * from one jar (tests, an IDE), for {@code --version} and help, or in the child itself.
 */
final class HeapRelaunch {
    /** The collector settings of the {@code gridid} script; a test keeps the two the same. */
    static final List<String> OPTIONS = List.of("-XX:+UseParallelGC", "-XX:MaxHeapFreeRatio=30",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxNewSize=512m");
    /** System property set in the child, so that it never relaunches in turn. */
    static final String CHILD_PROPERTY = "gridid.relaunched";
    /** How long a stopped parent waits for its child to clean up (e.g. delete a half-written folder). */
    private static final long CHILD_STOP_SECONDS = 30;

    /** Arguments that only print something short. */
    private static final Set<String> SHORT = Set.of("--version", "-V", "--help", "-h", "help");

    private HeapRelaunch() {
    }

    /**
     * The child's command line, or null to run in this JVM.
     *
     * @param jvmOptions the JVM's input arguments (RuntimeMXBean)
     * @param classPath  {@code java.class.path}
     * @param codeSource where this class was loaded from
     * @param javaHome   {@code java.home}
     * @param child      whether this JVM is already the child
     * @param args       the command's arguments
     */
    static List<String> command(List<String> jvmOptions, String classPath, Path codeSource, Path javaHome,
                                boolean child, String[] args) {
        if (child || args.length == 0 || chosen(jvmOptions) || classPath == null || codeSource == null) {
            return null;
        }
        for (String a : args) {
            if (SHORT.contains(a)) {
                return null;
            }
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        if (classPath.contains(java.io.File.pathSeparator) || !jar.toString().endsWith(".jar")
                || !jar.equals(codeSource.toAbsolutePath().normalize()) || !Files.isRegularFile(jar)) {
            return null;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        Path archive = jar.resolveSibling("gridid.jsa");
        if (Files.isRegularFile(archive) && !newer(jar, archive)) {
            // the archive records the jar by this very path: started as -jar JAR it maps, else it is ignored
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(OPTIONS);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Whether the JVM was set up by hand: any {@code -X} or {@code -XX} option (heap, collector, logging,
     * flight recording) or agent. Then gridid leaves the JVM as it is; {@code -D} and {@code -ea} pass on.
     */
    static boolean chosen(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-X") || o.startsWith("-agent") || o.startsWith("-javaagent")) {
                return true;
            }
        }
        return false;
    }

    private static boolean newer(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Runs {@code cmd} with this process's standard streams and returns its exit code; stopping this
     * process (TERM, Ctrl-C) stops the child and waits for it. Null when the child cannot be started:
     * the caller then runs the command itself.
     */
    static Integer run(List<String> cmd) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        Thread stop = new Thread(() -> {
            if (p.isAlive()) {
                p.destroy();
                try {
                    p.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "gridid-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // the main thread is not interrupted by anything of ours; keep waiting for the child
            }
        }
    }
}

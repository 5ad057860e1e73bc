package io.gridid.reports;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real OpenDSS engine (DSS C-API) through its driver {@code shared/opendss/bin/dssrun}, found
 * by walking up from the working directory to the folder that holds {@code shared/opendss} (the
 * repository's {@code ../shared}). Tests are skipped, with a message, only when that folder does
 * not exist at all; a driver that is there but does not run (e.g. the runtime packages of its
 * README missing) fails them.
 */
final class DssEngine {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dssrun;

    private DssEngine(Path dssrun) {
        this.dssrun = dssrun;
    }

    /** The engine, or the calling test aborted when {@code ../shared/opendss} is absent. */
    static DssEngine find() {
        Path folder = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/opendss"))) {
                folder = p.resolve("shared/opendss");
                break;
            }
        }
        Assumptions.assumeTrue(folder != null,
                "no shared/opendss above " + Path.of("").toAbsolutePath() + ": OpenDSS engine tests skipped");
        Path bin = folder.resolve("bin/dssrun");
        assertTrue(Files.isExecutable(bin), bin + " is missing or not executable");
        DssEngine engine = new DssEngine(bin);
        try {
            Output probe = engine.run(List.of("Clear", "New Circuit.probe basekv=1 bus1=a", "Solve", "#SUMMARY"),
                    Files.createTempDirectory("dssprobe"));
            assertTrue(probe.summary().startsWith("summary,buses=1"),
                    "the OpenDSS engine does not run (runtime packages libklu1 libamd2 libcolamd2 libbtf1 "
                            + "libsuitesparseconfig5 libmetis5 installed?): " + probe.text());
        } catch (IOException e) {
            fail("cannot run " + bin + ": " + e.getMessage());
        }
        return engine;
    }

    /** What the driver printed. */
    record Output(int exitCode, String text, String stderr) {
        List<String> lines(String kind) {
            return text.lines().filter(l -> l.startsWith(kind + ",")).toList();
        }

        String summary() {
            List<String> s = lines("summary");
            return s.isEmpty() ? "" : s.get(s.size() - 1);
        }

        /** The value of {@code key=} in the last summary line. */
        int summaryValue(String key) {
            for (String part : summary().split(",")) {
                if (part.startsWith(key + "=")) {
                    return Integer.parseInt(part.substring(key.length() + 1));
                }
            }
            throw new AssertionError("no " + key + " in " + summary());
        }

        /** Every {@code #VOLTS} block in order: node (lower case, e.g. {@code bus.1}) to p.u. */
        List<Map<String, Double>> voltBlocks() {
            List<Map<String, Double>> blocks = new ArrayList<>();
            Map<String, Double> current = null;
            String previous = "";
            for (String l : text.lines().toList()) {
                if (l.startsWith("volts,")) {
                    if (!previous.startsWith("volts,")) {
                        current = new LinkedHashMap<>();
                        blocks.add(current);
                    }
                    int last = l.lastIndexOf(',');
                    current.put(l.substring(6, last).toLowerCase(Locale.ROOT), Double.parseDouble(l.substring(last + 1)));
                }
                previous = l;
            }
            return blocks;
        }

        void assertNoError() {
            assertEquals(0, exitCode, "engine error: " + lines("error") + " " + stderr);
            assertTrue(lines("error").isEmpty(), text);
        }
    }

    /** Runs the commands (one per line) with {@code workDir} as working directory. */
    Output run(List<String> commands, Path workDir) throws IOException {
        Path script = Files.createTempFile(workDir, "commands", ".txt");
        Files.write(script, commands, StandardCharsets.UTF_8);
        Path out = workDir.resolve(script.getFileName() + ".out");
        Path err = workDir.resolve(script.getFileName() + ".err");
        Process p = new ProcessBuilder(dssrun.toString(), script.toString()).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("dssrun did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}

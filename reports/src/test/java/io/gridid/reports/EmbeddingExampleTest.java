package io.gridid.reports;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SimulationFiles;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.io.BranchCsvReader;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.BranchError;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of {@code docs/embedding.md}, taken from the page as it stands, compiled with the JDK's
 * compiler against this module's class path and run on a simulated IEEE 13-node data set written to
 * meters.csv: the result folder it writes holds the simulation's true tree and impedances.
 */
class EmbeddingExampleTest {
    static final Path PAGE = Path.of("..", "docs", "embedding.md");
    /** Noise-free data: both stages are exact up to the fits' tolerances (0.5 % is the bound). */
    private static final double RELATIVE_TOLERANCE = 0.005;

    @Test
    void theDocumentedProgramRecoversTheIeee13Truth(@TempDir Path dir) throws Exception {
        Feeder feeder = TestFeeders.load("ieee13");
        SimulatedData sim = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(30)
                .withNoiseVoltagePu(0).withNoisePowerRelative(0).withQuantizeVolts(0).withMissingFraction(0));
        Path data = dir.resolve("data");
        SimulationFiles.write(data, sim, "ieee13");
        Path out = dir.resolve("result");

        String printed = runMain(compile(javaBlock(Files.readString(PAGE)), dir.resolve("example")),
                data.resolve(SimulationFiles.METERS).toString(), feeder.rootBus(),
                Double.toString(feeder.baseKv()), out.toString());

        List<BranchRow> truth = BranchCsvReader.read(data.resolve(SimulationFiles.TRUTH));
        Score score = new Scoring().score(BranchCsvReader.read(out.resolve(ResultFolder.BRANCHES)), truth);
        assertTrue(score.exactTopology(), "missing " + score.missing() + ", extra " + score.extra());
        for (BranchError b : score.matched()) {
            String name = b.fromBus() + "-" + b.toBus();
            assertTrue(b.rRelError() <= RELATIVE_TOLERANCE, "r of " + name + ": " + b.rOhm() + " against " + b.rTrueOhm());
            // the 671-692 switch has x = 0, where a relative error is undefined: x is held to 0.5 % of |z|
            assertEquals(b.xTrueOhm(), b.xOhm(), RELATIVE_TOLERANCE * Math.hypot(b.rTrueOhm(), b.xTrueOhm()), "x of " + name);
        }
        for (String file : ResultFolder.files()) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertEquals(truth.size(), printed.lines().count(), printed); // one printed line per branch
    }

    /** The first ```java block of a markdown page. */
    static String javaBlock(String markdown) {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(m.find(), "no ```java block in " + PAGE);
        return m.group(1);
    }

    /** Compiles one compilation unit into {@code dir} and returns its public class, loaded. */
    private Class<?> compile(String source, Path dir) throws Exception {
        Matcher name = Pattern.compile("public (?:final )?class (\\w+)").matcher(source);
        assertTrue(name.find(), "no public class in the example");
        Path file = Files.createDirectories(dir).resolve(name.group(1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the JDK's compiler (a JRE runs the tests?)");
        // surefire names the test class path here (its own class path may be a manifest-only jar)
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, null, null, List.of("-classpath", classPath, "-d", dir.toString(),
                "-Xlint:all", "-Werror"), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                .getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, "the example does not compile:\n" + messages);
        ClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader());
        return Class.forName(name.group(1), true, loader);
    }

    /** Runs {@code main(args)} and returns what it printed on standard output. */
    private static String runMain(Class<?> program, String... args) throws Exception {
        Method main = program.getMethod("main", String[].class);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}

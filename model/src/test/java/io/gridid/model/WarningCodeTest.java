package io.gridid.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every code is emitted somewhere, or is reserved: a check of the project's main sources (the modules
 * beside this one), where a code's use that is not a comparison ({@code ==}, {@code !=}) counts as
 * emitting it. ReportJson's reading, which maps unknown codes to the reserved one, does not count.
 */
class WarningCodeTest {
    /** Codes no run emits: {@link WarningCode#UNCLASSIFIED} is what reading an uncoded report.json gives. */
    private static final Set<WarningCode> RESERVED = EnumSet.of(WarningCode.UNCLASSIFIED);
    private static final Pattern USE = Pattern.compile("([=!]=\\s*)?WarningCode\\.([A-Z][A-Z0-9_]*)");

    @Test
    void everyCodeIsEmittedByTheCodeOrReserved() throws IOException {
        Set<String> emitted = new TreeSet<>();
        int files = 0;
        for (Path src : mainSources()) {
            String name = src.getFileName().toString();
            if (name.equals("WarningCode.java") || name.equals("ReportJson.java")) {
                continue;
            }
            files++;
            Matcher m = USE.matcher(Files.readString(src, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1) == null) {
                    emitted.add(m.group(2));
                }
            }
        }
        assertTrue(files > 100, "the modules' main sources were found: " + files);
        Set<String> expected = new TreeSet<>();
        for (WarningCode c : WarningCode.values()) {
            if (!RESERVED.contains(c)) {
                expected.add(c.name());
            }
        }
        assertEquals(expected, emitted, "emitted codes against the enum less the reserved ones");
    }

    /** The main Java sources of every module of the project (the parent of this module's folder). */
    private static List<Path> mainSources() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> modules = Files.list(project)) {
            List<Path> roots = modules.map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).toList();
            List<Path> out = new java.util.ArrayList<>();
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                }
            }
            return out;
        }
    }
}

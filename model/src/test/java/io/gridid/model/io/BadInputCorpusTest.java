package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus (gridid issue 7): every file under {@code bad-input/} is listed once in
 * {@code bad-input/cases.csv} with the options to read it with, and the exact line and reason the
 * reader must give. Each file is read through both parsers (fast path and Commons CSV): the
 * message must be the same, so the user sees one wording whatever path a file takes.
 */
class BadInputCorpusTest {
    static final int MIN_CASES = 40;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/bad-input/cases.csv").toURI()).getParent();
    }

    static List<CSVRecord> table() throws IOException, URISyntaxException {
        try (Reader r = Files.newBufferedReader(corpus().resolve("cases.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        for (CSVRecord r : table()) {
            out.add(Arguments.of(r.get("file"), r.get("base_kv"), r.get("delimiter"), Long.parseLong(r.get("line")),
                    r.get("reason")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithTheExactMessage(String file, String baseKv, String delimiter, long line, String reason)
            throws Exception {
        Path path = corpus().resolve(file);
        MeterCsvReader.Options options = MeterCsvReader.Options.defaults()
                .withBaseKv(baseKv.isEmpty() ? Double.NaN : Double.parseDouble(baseKv))
                .withDelimiter(delimiter.isEmpty() ? null : delimiter.charAt(0));
        MeterCsvReader reader = new MeterCsvReader(options);
        String expected = line > 0 ? path + ":" + line + ": " + reason : path + ": " + reason;
        for (MeterCsvReader.Parser parser : MeterCsvReader.Parser.values()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(path, parser),
                    file + " via " + parser);
            assertEquals(expected, e.getMessage(), file + " via " + parser);
            assertEquals(line, e.line());
            assertEquals(reason, e.reason());
            assertEquals(path.toString(), e.file());
        }
    }

    @Test
    void theTableCoversEveryFileAndEnoughCases() throws Exception {
        Set<String> listed = table().stream().map(r -> r.get("file")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.list(corpus())) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.csv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed, "every corpus file has exactly one row in cases.csv");
        assertTrue(listed.size() >= MIN_CASES, "at least " + MIN_CASES + " cases, found " + listed.size());
    }
}

package io.gridid.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The expected-outcome table of a bad-input corpus: {@code cases.csv} with a header row. */
final class CorpusTable {
    private CorpusTable() {
    }

    static List<CSVRecord> read(Path corpus) throws IOException {
        try (Reader r = Files.newBufferedReader(corpus.resolve("cases.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}

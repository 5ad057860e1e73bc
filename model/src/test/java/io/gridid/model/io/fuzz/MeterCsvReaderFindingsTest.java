package io.gridid.model.io.fuzz;

import io.gridid.model.InvalidInputException;
import io.gridid.model.io.MeterCsvReader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@link MeterCsvReaderFuzzTest} found, one test per finding, each against the file Jazzer
 * wrote (kept under {@code fuzz/findings/}, outside the seed corpus so the default run stays green
 * until it is fixed). Enable a test once the reader is fixed, then move its file into the seed
 * corpus.
 */
class MeterCsvReaderFindingsTest {
    private static Path finding(String name) throws URISyntaxException {
        return Path.of(MeterCsvReaderFindingsTest.class.getResource("findings/" + name).toURI());
    }

    /**
     * Found in the first second of fuzzing: a quoted field holding a line break is quoted verbatim
     * in "unparsable number '...'", so the message spans two lines (InvalidInputException promises
     * one). The CLI works around it ({@code MeterInput} escapes CR/LF); the reader, which owns the
     * wording, should show the field with its line breaks escaped.
     */
    @Test
    void aQuotedLineBreakDoesNotBreakTheOneLineMessage() throws Exception {
        Path file = finding("quoted-line-break-in-number.csv");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(12.47)).read(file));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}

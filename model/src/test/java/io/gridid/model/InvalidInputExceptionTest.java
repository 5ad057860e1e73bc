package io.gridid.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvalidInputExceptionTest {
    @Test
    void formatsFileLineAndReason() {
        assertEquals("m.csv:12: unparsable number 'x'", new InvalidInputException("m.csv", 12, "unparsable number 'x'").getMessage());
        assertEquals("m.csv: empty file", new InvalidInputException("m.csv", 0, "empty file").getMessage());
    }

    @Test
    void aLineBreakQuotedFromTheDataIsEscapedSoTheMessageStaysOneLine() {
        InvalidInputException e = new InvalidInputException("m.csv", 3, "unparsable number '1\r\n2'");
        assertEquals("m.csv:3: unparsable number '1\\r\\n2'", e.getMessage());
        assertEquals("unparsable number '1\\r\\n2'", e.reason());
    }
}

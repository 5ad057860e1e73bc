package io.gridid.model.io;

import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchCsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripThroughTheWriterIsExact() throws Exception {
        List<BranchRow> rows = List.of(
                new BranchRow("650", "632", 0.1234567890123, 0.3, Map.of("conductor", "ACSR 4/0", "length_km", "0.61")),
                new BranchRow("632", "671", 1e-7, 2.5, Map.of("conductor", "say \"hi\", twice")),
                new BranchRow("671", "680", Double.NaN, Double.NaN, Map.of()));
        Path f = dir.resolve("branches.csv");
        BranchCsvWriter.write(f, List.of("conductor", "length_km"), rows);
        List<BranchRow> back = BranchCsvReader.read(f);
        assertEquals(3, back.size());
        assertEquals(rows.get(0).rOhm(), back.get(0).rOhm());
        assertEquals(rows.get(1).rOhm(), back.get(1).rOhm());
        assertEquals("say \"hi\", twice", back.get(1).extra().get("conductor"));
        assertEquals(Map.of("conductor", "", "length_km", ""), back.get(2).extra());
        assertTrue(Double.isNaN(back.get(2).rOhm()));
        assertEquals(List.of("conductor", "length_km"), List.copyOf(back.get(0).extra().keySet()));
    }

    @Test
    void impedanceColumnsAreOptionalAndNamesCaseInsensitive() throws Exception {
        Path f = file("t.csv", "\uFEFFTo_Bus , FROM_BUS,note\r\nb,a,x\r\nc,b,y\r\n");
        List<BranchRow> rows = BranchCsvReader.read(f);
        assertEquals(2, rows.size());
        assertEquals("a", rows.get(0).fromBus());
        assertEquals("b", rows.get(0).toBus());
        assertTrue(Double.isNaN(rows.get(0).rOhm()) && Double.isNaN(rows.get(0).xOhm()));
        assertEquals(Map.of("note", "y"), rows.get(1).extra());
    }

    @Test
    void headerOnlyIsAnEmptyList() throws Exception {
        assertEquals(List.of(), BranchCsvReader.read(file("h.csv", "from_bus,to_bus,r_ohm,x_ohm\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty|''|0|empty file",
        "no to_bus|from_bus,r_ohm\\na,1|1|missing column to_bus; the header needs from_bus, to_bus (r_ohm, x_ohm optional)",
        "repeated column|from_bus,to_bus,R_OHM,r_ohm\\na,b,1,1|1|column r_ohm appears twice (columns 3 and 4)",
        "field count|from_bus,to_bus,r_ohm,x_ohm\\na,b,1\\n|2|3 fields but the header has 4",
        "empty bus|from_bus,to_bus,r_ohm,x_ohm\\na,b,1,1\\n,c,1,1\\n|3|empty from_bus",
        "no-break spaces|from_bus,to_bus,r_ohm,x_ohm\\n\u00A0\u00A0,b,1,1\\n|2|empty from_bus",
        "escape in a bus|from_bus,to_bus,r_ohm,x_ohm\\na,x\u001B[1m,1,1\\n|2|to_bus 'x\\u001B[1m' contains a control character (U+001B); ids must be printable text",
        "self loop|from_bus,to_bus,r_ohm,x_ohm\\na,a,1,1\\n|2|branch from bus a to itself",
        "repeat reversed|from_bus,to_bus,r_ohm,x_ohm\\na,b,1,1\\nb,c,1,1\\nb,a,2,2\\n|4|branch b - a repeats line 2",
        "bad number|from_bus,to_bus,r_ohm,x_ohm\\na,b,1;5,1\\n|2|unparsable number '1;5' in r_ohm",
        "infinite|from_bus,to_bus,r_ohm,x_ohm\\na,b,1,inf\\n|2|x_ohm = inf is not a finite number",
        "unclosed quote|from_bus,to_bus,r_ohm,x_ohm\\n\"a,b,1,1\\n|2|a quoted field opened here is never closed",
    })
    void rejects(String name, String text, long line, String reason) throws Exception {
        Path f = file("b.csv", text.replace("\\n", "\n"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BranchCsvReader.read(f));
        assertEquals(line, e.line(), name);
        assertEquals(reason, e.reason(), name);
        assertEquals(line > 0 ? f + ":" + line + ": " + reason : f + ": " + reason, e.getMessage());
    }
}

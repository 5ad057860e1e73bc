package io.gridid.reports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenDssNamesTest {
    @Test
    void validIdsAreKeptWhateverTheOrderAndRenamedOnesStepAroundThem() {
        OpenDssNames names = new OpenDssNames(List.of("n.1", "n_1", "x", "X", "x_2", "a b", "a=b", "", "a!b"));
        assertEquals(Map.of("n.1", "n_1_2", "X", "X_3", "a b", "a_b", "a=b", "a_b_2", "", "_", "a!b", "a_b_3"),
                names.renamed());
        assertEquals("n_1", names.of("n_1"));
        assertEquals("x", names.of("x"));
        assertEquals("x_2", names.of("x_2"));
        assertEquals(9, names.all().values().stream().map(String::toLowerCase).distinct().count(),
                "no two names equal, case-insensitively");
    }
}

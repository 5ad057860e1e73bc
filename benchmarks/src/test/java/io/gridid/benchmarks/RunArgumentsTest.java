package io.gridid.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunArgumentsTest {
    @Test
    void optionsAreReadByKeyAndFallBackWhenAbsent() {
        RunArguments a = RunArguments.options(new String[] {"days=7,30", "sigma=1e-4", "runs=3"},
                "days", "sigma", "runs", "seed");
        assertEquals(List.of("7", "30"), a.list("days", "365"));
        assertEquals(1e-4, a.doubleValue("sigma", 0));
        assertEquals(3, a.intValue("runs", 5));
        assertEquals(1L, a.longValue("seed", 1));
        assertEquals(List.of("0", "1e-5"), a.list("pq", "0,1e-5"));
    }

    @Test
    void aFeederNameWithAnEqualsSignIsNotAnOption() {
        RunArguments a = RunArguments.withOthers(new String[] {"runs=2", "random:200+caps=10", "ieee69"}, "runs");
        assertEquals(2, a.intValue("runs", 8));
        assertEquals(List.of("random:200+caps=10", "ieee69"), a.others());
    }

    @Test
    void anUnknownKeyIsRefusedWhereEveryArgumentIsAnOption() {
        assertThrows(IllegalArgumentException.class,
                () -> RunArguments.options(new String[] {"feeder=ieee13"}, "feeders", "days"));
    }
}

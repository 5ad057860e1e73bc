package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeederTableTest {
    /** The library's digits parsed as in the literal, then one exact doubling or one division by 1000 (kW to MW): round-off of an ulp (~1e-16). */
    private static final double PARSE_ROUNDING = 1e-15;

    @TempDir
    Path dir;

    private final FeederTable table = new FeederTable(ConductorLibrary.builtIn());

    @Test
    void readsImpedancesConductorsKindsAndLoads() throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, """
                # a feeder
                @name,tiny
                @base_kv,12.47
                @root,S
                @root_voltage_pu,1.02
                from_bus,to_bus,kind,r_ohm,x_ohm,conductor,length_km,p_kw,q_kvar
                S,A,line,0.5,0.9,,,100,50
                A,B,,,,"4/0 6/1 ACSR",2,,
                A,C,TRANSFORMER,0.04,0.8,,,-20,
                """);
        Feeder feeder = table.read(f);
        assertEquals("tiny", feeder.name());
        assertEquals(12.47, feeder.baseKv());
        assertEquals("S", feeder.rootBus());
        assertEquals(1.02, feeder.rootVoltagePu());
        Branch ab = feeder.branchTo("B");
        assertEquals(2 * 0.3678931706, ab.rOhm(), PARSE_ROUNDING, "r from the library: 2 km x r per km");
        assertEquals(2 * 0.4723870927, ab.xOhm(), PARSE_ROUNDING);
        assertEquals(Branch.Kind.TRANSFORMER, feeder.branchTo("C").kind());
        assertNull(feeder.branchTo("A").conductor());
        assertEquals(0.1, feeder.loadAt("A").pMw(), PARSE_ROUNDING, "kW converted to MW");
        assertEquals(0.05, feeder.loadAt("A").qMvar(), PARSE_ROUNDING);
        assertEquals(0, feeder.loadAt("B").pMw());
        assertEquals(-0.02, feeder.loadAt("C").pMw(), PARSE_ROUNDING);
    }

    private InvalidInputException bad(String content) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content);
        return assertThrows(InvalidInputException.class, () -> table.read(f));
    }

    @Test
    void reportsFileAndLine() throws Exception {
        String head = "@name,t\n@base_kv,4.16\n@root,R\nfrom_bus,to_bus,r_ohm,x_ohm,conductor,length_km\n";
        InvalidInputException e = bad(head + "R,A,0.1,0.1,,\nA,B,abc,0.1,,\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().endsWith(":6: r_ohm is not a number: 'abc'"), e.getMessage());
        e = bad(head + "R,A,0.1,0.1,,\nR,A,0.1,0.1,,\n");
        assertEquals(6, e.line());
        assertTrue(e.reason().contains("already fed"), e.reason());
        e = bad(head + "R,A,,,nonesuch,1\n");
        assertEquals(5, e.line());
        e = bad(head + "R,A,,,,\n");
        assertEquals(5, e.line());
        e = bad("@name,t\n@root,R\nfrom_bus,to_bus,r_ohm,x_ohm\nR,A,0.1,0.1\n");
        assertTrue(e.reason().contains("@base_kv"), e.reason());
        e = bad(head + "R,A,0.1,0.1,,\nB,C,0.1,0.1,,\n");
        assertTrue(e.reason().contains("radial"), e.reason());
    }
}
